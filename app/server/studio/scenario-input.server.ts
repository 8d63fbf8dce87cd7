// The scenario editor's forms, parsed with zod. A node form carries the node's own fields, one group of fields per
// reply (reply-<i>-text …, reply-<i>-delete to remove it) and an optional new reply (new-text …).
import { z } from 'zod'
import { EndKindSchema, MoodSchema } from '~/core/quiz/scenario-graph'
import type { NodeEdit } from '~/core/studio/scenario-edits'

const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
const Line = z.string().trim().min(1).max(2000)
const Points = z.coerce.number().int().min(0).max(100)
const Revision = z.coerce.number().int().min(0).max(1_000_000)
const StudioPath = z.string().min(1).max(200)
const MAX_REPLIES = 20

const Reply = z.object({ id: Slug.optional(), text: Line, points: Points, feedback: Line, next: Slug })

const Turn = z.object({ kind: z.literal('turn'), customer: Line, mood: MoodSchema, replies: z.array(Reply).max(MAX_REPLIES) })
const End = z.object({ kind: z.literal('end'), end: EndKindSchema, text: Line })
const Edit = z.discriminatedUnion('kind', [Turn, End])

const Common = { intent: z.literal('graph'), path: StudioPath, revision: Revision }
const Shape = z.discriminatedUnion('op', [
  z.object({ ...Common, op: z.literal('edit-node'), node: Slug, edit: Edit }),
  z.object({ ...Common, op: z.literal('add-node'), edit: Edit }),
  z.object({ ...Common, op: z.literal('delete-node'), node: Slug }),
])

export type ScenarioEditInput = { path: string; revision: number; base: string | null } & ({ op: 'edit-node'; node: string; edit: NodeEdit } | { op: 'add-node'; edit: NodeEdit } | { op: 'delete-node'; node: string })

const field = (form: FormData, name: string) => {
  const value = form.get(name)
  return typeof value === 'string' ? value : undefined
}

function repliesOf(form: FormData): Record<string, unknown>[] {
  const replies: Record<string, unknown>[] = []
  for (let i = 0; i < MAX_REPLIES && field(form, `reply-${i}-text`) !== undefined; i++) {
    if (field(form, `reply-${i}-delete`)) continue
    const at = (name: string) => field(form, `reply-${i}-${name}`)
    replies.push({ id: at('id') || undefined, text: at('text'), points: at('points'), feedback: at('feedback'), next: at('next') })
  }
  // the empty row at the end of the form adds a reply once its text is filled in
  if (field(form, 'new-text')?.trim()) {
    replies.push({ text: field(form, 'new-text'), points: field(form, 'new-points'), feedback: field(form, 'new-feedback'), next: field(form, 'new-next') })
  }
  return replies
}

export const ScenarioEditForm = {
  safeParse(form: FormData): { success: true; data: ScenarioEditInput } | { success: false; error: z.ZodError } {
    const kind = field(form, 'kind')
    const edit = kind === 'end' ? { kind, end: field(form, 'end'), text: field(form, 'text') } : { kind, customer: field(form, 'customer'), mood: field(form, 'mood'), replies: repliesOf(form) }
    const raw = { intent: field(form, 'intent'), op: field(form, 'op'), path: field(form, 'path'), revision: field(form, 'revision'), node: field(form, 'node'), edit }
    const parsed = Shape.safeParse(raw)
    if (!parsed.success) return parsed
    // the text the page was drawn from, sent only to show a conflict's diff (graphConflict checks it as a draft)
    return { success: true, data: { ...parsed.data, base: field(form, 'base') ?? null } }
  },
}


export const ScenarioPlayForm = z.object({
  intent: z.literal('play'),
  path: StudioPath,
  from: Slug,
  /** The authored reply ids taken so far from `from`, comma-separated (the trainer's own play, not a clerk's). */
  taken: z.string().max(2000).transform((s) => (s ? s.split(',') : [])).pipe(z.array(Slug).max(100)),
  choose: z.string().max(100).optional(),
})
