// The input shapes of the star pages (forms and params), validated with zod on the server.
import { z } from 'zod'

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)

export const StarManageForm = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve'), applicationId: Id, panel: z.array(Id).max(20).default([]) }),
  z.object({
    intent: z.literal('nominate'),
    username: z.string({ required_error: 'stars.manage.unknownClerk' }).trim().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'stars.manage.unknownClerk'),
    level: z.coerce.number().int().min(1).max(5),
  }),
  z.object({
    intent: z.literal('revoke'),
    certificateId: Id,
    reason: z.string({ required_error: 'stars.manage.reasonRequired' }).trim().min(4, 'stars.manage.reasonRequired').max(500),
  }),
])

export const StarOfMonthForm = z.object({ hall: z.string().regex(/^[A-Za-z0-9-]{1,32}$/), userId: Id })

export const CertificateParams = z.object({ code: z.string().regex(/^[A-Za-z2-7]{20}$/) })

export const EvidenceImportFields = z.object({
  kind: z.enum(['inspection', 'satisfaction', 'complaint']),
  dryRun: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
})

export const TemplateParams = z.object({ file: z.string().regex(/^(inspection|satisfaction|complaint)\.(csv|xlsx)$/) })
