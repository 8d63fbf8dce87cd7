// The item editor's own fields (which file, which item, which revision): parsed with zod before anything else.
// The item's fields themselves are parsed by conform with the importer's schema (itemFormSchema).
import { z } from 'zod'
import { ItemKindSchema } from '~/core/studio/quiz-item-edit'

const StudioPath = z.string().min(1).max(200)
const Revision = z.coerce.number().int().min(0).max(1_000_000)
const Index = z.coerce.number().int().min(0).max(10_000)

export const QuizItemsQuery = z.object({ path: StudioPath, item: Index.optional() })

const base = { path: StudioPath, revision: Revision, baseNumber: Revision }

export const QuizItemEnvelope = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('save-item'), ...base, index: Index, kind: ItemKindSchema }),
  z.object({ intent: z.literal('add-item'), ...base, kind: ItemKindSchema }),
  z.object({ intent: z.literal('delete-item'), ...base, index: Index }),
  z.object({ intent: z.literal('move-item'), ...base, index: Index, to: Index }),
])
export type QuizItemEnvelope = z.infer<typeof QuizItemEnvelope>

export const ItemPreviewQuery = z.object({ path: StudioPath, item: Index })
