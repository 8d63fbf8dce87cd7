// A regulation or standard cited as a source, beside the seed reports and common practice: by its name,
// issuer and year, with the words the content relies on quoted (SOURCES.md lists the full citation).
import { z } from 'zod'

export const RegulationSchema = z
  .object({
    name: z.string().trim().min(2, '规章名称不能为空 / name the regulation'),
    issuer: z.string().trim().min(2, '请写明发布机关 / name the issuer'),
    year: z.number().int().min(1949).max(2100),
    quote: z.string().trim().min(2, '请引用所依据的原文 / quote the words relied on'),
  })
  .strict()
export type Regulation = z.infer<typeof RegulationSchema>
