// The shape of course.yaml and of a module's frontmatter (content/README.md documents both).
import { z } from 'zod'
import { RegulationSchema } from '../regulation-source'
import { ROLES } from '../roles'

export const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id 只能包含小写字母、数字和连字符 / lowercase letters, digits and -')

export const Bilingual = z.object({ zh: z.string().trim().min(1), en: z.string().trim().min(1) }).strict()

export const CourseFileSchema = z
  .object({
    id: Slug,
    title: Bilingual,
    summary: Bilingual,
    audience: z.array(z.enum(ROLES)).min(1),
    modules: z.array(Slug).min(1),
    quizzes: z.array(Slug).default([]),
    /** This version changes what certificates rest on (e.g. a new regulation): holders must re-read and re-pass. */
    recertify: z.boolean().default(false),
  })
  .strict()
export type CourseFile = z.infer<typeof CourseFileSchema>

export const SourceSchema = z.union([
  z.object({ seed: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/, 'seed 应为 content/sources 中的文件名'), quote: z.string().trim().min(2) }).strict(),
  z.object({ common: z.string().trim().min(2) }).strict(),
  z.object({ regulation: RegulationSchema }).strict(),
])

export const ModuleFrontmatterSchema = z
  .object({
    id: Slug,
    title: Bilingual,
    minutes: z.number().int().min(1).max(60),
    version: z.number().int().min(1).default(1),
    objectives: z.array(z.string().trim().min(1)).min(1),
    sources: z.array(SourceSchema).min(1, '模块必须至少引用一个来源 / a module must cite at least one source'),
    quizzes: z.array(Slug).default([]),
  })
  .strict()
export type ModuleFrontmatter = z.infer<typeof ModuleFrontmatterSchema>
