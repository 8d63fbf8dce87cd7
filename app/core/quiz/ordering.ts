// Owns the ordering item: entries authored in the correct order, shown shuffled; partial credit per entry in place.
import { z } from 'zod'
import { itemFeedback, resultFromShare, type ItemType } from './item-type'
import { itemBaseShape, requireUniqueIds, SlugSchema, TextSchema } from './schema-parts'
import { authoredIdOf, opaqueId, shuffleAwayFromAuthoredOrder } from './shuffle'

const EntrySchema = z.object({ id: SlugSchema, text: TextSchema }).strict()

export const OrderingItemSchema = z
  .object({
    ...itemBaseShape,
    type: z.literal('ordering'),
    prompt: TextSchema,
    entries: z.array(EntrySchema).min(2, '至少需要 2 个条目'),
    feedback: TextSchema,
  })
  .strict()
  .superRefine((item, ctx) => requireUniqueIds(item.entries, ['entries'], ctx))
export type OrderingItem = z.infer<typeof OrderingItemSchema>

export interface OrderingView {
  id: string
  type: 'ordering'
  prompt: string
  entries: { id: string; text: string }[]
}
/** Authored entry ids in the clerk's order: all of them, or none (left blank). */
export interface OrderingResponse {
  order: string[]
}
export interface OrderingReview {
  type: 'ordering'
  prompt: string
  /** The clerk's order (empty when left blank), each entry with its correct position (0-based). */
  answer: { text: string; correctPosition: number; inPlace: boolean }[]
  correctOrder: string[]
  feedback: string
}

const entryIds = (def: OrderingItem) => def.entries.map((entry) => entry.id)

function entriesInPlace(def: OrderingItem, order: readonly string[]): number {
  return order.filter((id, position) => def.entries[position]?.id === id).length
}

export const ordering: ItemType<OrderingItem, OrderingView, OrderingResponse, OrderingReview, null> = {
  kind: 'ordering',
  schema: OrderingItemSchema,
  responseSource: 'client',
  contentReferences: () => [],
  problems: () => [],
  // always shuffled, whatever the quiz says: the authored order is the answer
  toView: (def, ctx) => ({
    id: def.id,
    type: 'ordering',
    prompt: def.prompt,
    entries: shuffleAwayFromAuthoredOrder(def.entries, `${ctx.seed}/entries`).map((entry) => ({
      id: opaqueId(ctx.seed, entry.id),
      text: entry.text,
    })),
  }),
  // `o.<item>` once per entry, in the order shown: moving entries never passes through an invalid state
  readForm(def, form) {
    const order = form.values(`o.${def.id}`).filter((value) => value !== '')
    return order.length > 0 ? order : undefined
  },
  emptyResponse: () => ({ order: [] }),
  parseResponse(def, raw, ctx) {
    if (raw === null || raw === undefined) return { ok: true, response: { order: [] } }
    if (!Array.isArray(raw)) return { ok: false, error: 'expected a list of entry ids' }
    if (raw.length === 0) return { ok: true, response: { order: [] } }
    if (raw.length !== def.entries.length) return { ok: false, error: `expected all ${def.entries.length} entries` }
    const order: string[] = []
    for (const entry of raw) {
      const id = typeof entry === 'string' ? authoredIdOf(ctx.seed, entry, entryIds(def)) : null
      if (id === null) return { ok: false, error: `unknown entry id "${String(entry)}"` }
      if (order.includes(id)) return { ok: false, error: `entry "${entry}" listed twice` }
      order.push(id)
    }
    return { ok: true, response: { order } }
  },
  maxPoints: (def) => def.points,
  score: (def, response) => resultFromShare(def, entriesInPlace(def, response.order) / def.entries.length, itemFeedback(def)),
  bestResponse: (def) => ({ order: entryIds(def) }),
  // rotated by one, no entry is in its place
  worstResponse: (def) => ({ order: [...entryIds(def).slice(1), def.entries[0].id] }),
  review: (def, response) => ({
    type: 'ordering',
    prompt: def.prompt,
    answer: response.order.map((id, position) => {
      const correctPosition = entryIds(def).indexOf(id)
      return { text: def.entries[correctPosition].text, correctPosition, inPlace: correctPosition === position }
    }),
    correctOrder: def.entries.map((entry) => entry.text),
    feedback: def.feedback,
  }),
  analyse: () => null,
}
