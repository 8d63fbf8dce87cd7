// The studio's forms and queries, parsed with zod: a path is only a string here; parseStudioPath decides if it is a file.
import { z } from 'zod'

const StudioPath = z.string().min(1).max(200)
const Revision = z.coerce.number().int().min(0).max(1_000_000)
// the text's own limit (MAX_DRAFT_CHARACTERS) is checked by saveDraft, with a message; this only bounds parsing
const Text = z.string().max(400_000)

export const StudioFileQuery = z.object({ path: StudioPath })

export const StudioEditForm = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('save'), path: StudioPath, text: Text, revision: Revision, baseNumber: Revision }),
  z.object({ intent: z.literal('publish'), path: StudioPath, revision: Revision }),
  z.object({ intent: z.literal('discard'), path: StudioPath, revision: Revision }),
  z.object({ intent: z.literal('request-review'), path: StudioPath, revision: Revision }),
])

export const StudioPreviewForm = z.object({ path: StudioPath, text: Text })

export const StudioHistoryQuery = z.object({ path: StudioPath, a: Revision.optional(), b: Revision.optional() })

export const StudioRestoreForm = z.object({ intent: z.literal('restore'), path: StudioPath, number: Revision })

const Comment = z.string().trim().max(2_000)

export const StudioReviewForm = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve'), comment: Comment.optional().default('') }),
  // sending back says what to change
  z.object({ intent: z.literal('changes'), comment: Comment.pipe(z.string().min(1)) }),
])

export const StudioReviewParams = z.object({ review: z.string().min(1).max(40) })

export const StudioImageForm = z.object({
  path: StudioPath,
  name: z.string().trim().min(1).max(80),
  alt: z.string().trim().max(200).optional().default(''),
})

export const CourseLimitForm = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('limits'), trainerId: z.string().min(1).max(40), courses: z.array(z.string().max(64)).max(200).default([]) }),
  z.object({ intent: z.literal('review'), reviewRequired: z.enum(['on', 'off']) }),
])
