// Owns the matching item: each left matched to its right; partial credit per correct pair.
import { z } from 'zod'
import { itemFeedback, resultFromShare, type ItemType } from './item-type'
import { itemBaseShape, requireUniqueIds, SlugSchema, TextSchema } from './schema-parts'
import { authoredIdOf, opaqueId, seededShuffle, shuffleAwayFromAuthoredOrder } from './shuffle'

const PairSchema = z.object({ id: SlugSchema, left: TextSchema, right: TextSchema }).strict()

export const MatchingItemSchema = z
  .object({
    ...itemBaseShape,
    type: z.literal('matching'),
    prompt: TextSchema,
    pairs: z.array(PairSchema).min(2, '至少需要 2 对'),
    feedback: TextSchema,
  })
  .strict()
  .superRefine((item, ctx) => {
    requireUniqueIds(item.pairs, ['pairs'], ctx)
    // two equal texts on one side would make two answers equally right, yet only one would score
    for (const side of ['left', 'right'] as const) {
      item.pairs.forEach((pair, index) => {
        if (item.pairs.findIndex((other) => other[side] === pair[side]) < index) {
          ctx.addIssue({ code: 'custom', path: ['pairs', index, side], message: `「${pair[side]}」重复` })
        }
      })
    }
  })
export type MatchingItem = z.infer<typeof MatchingItemSchema>

export interface MatchingView {
  id: string
  type: 'matching'
  prompt: string
  lefts: { id: string; text: string }[]
  rights: { id: string; text: string }[]
}
/** For each left the clerk matched (by pair id), the pair id of the right chosen; unmatched lefts are absent. */
export interface MatchingResponse {
  matches: { left: string; right: string }[]
}
export interface MatchingReview {
  type: 'matching'
  prompt: string
  pairs: { left: string; right: string; chosenRight: string | null; correct: boolean }[]
  feedback: string
}

// A left and a right of the same pair must not share an opaque id, or the ids would give the answer away.
const leftId = (seed: string, pairId: string) => opaqueId(seed, `left/${pairId}`)
const rightId = (seed: string, pairId: string) => opaqueId(seed, `right/${pairId}`)

export const matching: ItemType<MatchingItem, MatchingView, MatchingResponse, MatchingReview, null> = {
  kind: 'matching',
  schema: MatchingItemSchema,
  responseSource: 'client',
  contentReferences: () => [],
  problems: () => [],
  toView(def, ctx) {
    const lefts = ctx.shuffle ? seededShuffle(def.pairs, `${ctx.seed}/lefts`) : def.pairs
    // rights never line up with the lefts as shown, whatever the quiz says
    const rights = shuffleAwayFromAuthoredOrder(lefts, `${ctx.seed}/rights`)
    return {
      id: def.id,
      type: 'matching',
      prompt: def.prompt,
      lefts: lefts.map((pair) => ({ id: leftId(ctx.seed, pair.id), text: pair.left })),
      rights: rights.map((pair) => ({ id: rightId(ctx.seed, pair.id), text: pair.right })),
    }
  },
  // `m.<item>.<left>` → the right chosen; an unchosen left is absent
  readForm(def, form) {
    const matches = form.prefixed(`m.${def.id}.`).filter(([, right]) => right !== '')
    return matches.length > 0 ? Object.fromEntries(matches) : undefined
  },
  emptyResponse: () => ({ matches: [] }),
  parseResponse(def, raw, ctx) {
    if (raw === null || raw === undefined) return { ok: true, response: { matches: [] } }
    if (typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, error: 'expected an object of left id → right id' }
    const pairIds = def.pairs.map((pair) => pair.id)
    // each pair's two opaque ids worked out once, not once per field sent (the first pair wins, as `find` did)
    const lefts = new Map<string, string>()
    const rights = new Map<string, string>()
    for (const id of [...pairIds].reverse()) {
      lefts.set(leftId(ctx.seed, id), id)
      rights.set(rightId(ctx.seed, id), id)
    }
    const matches: { left: string; right: string }[] = []
    for (const [rawLeft, rawRight] of Object.entries(raw)) {
      const left = lefts.get(rawLeft)
      if (left === undefined) return { ok: false, error: `unknown left id "${rawLeft}"` }
      if (rawRight === null) continue
      const right = typeof rawRight === 'string' ? rights.get(rawRight) : undefined
      if (right === undefined) return { ok: false, error: `unknown right id "${String(rawRight)}"` }
      if (matches.some((match) => match.right === right)) return { ok: false, error: `right "${rawRight}" matched twice` }
      matches.push({ left, right })
    }
    matches.sort((a, b) => pairIds.indexOf(a.left) - pairIds.indexOf(b.left))
    return { ok: true, response: { matches } }
  },
  maxPoints: (def) => def.points,
  score(def, response) {
    const correct = response.matches.filter((match) => match.left === match.right).length
    return resultFromShare(def, correct / def.pairs.length, itemFeedback(def))
  },
  bestResponse: (def) => ({ matches: def.pairs.map((pair) => ({ left: pair.id, right: pair.id })) }),
  // each left matched to the next pair's right: no pair correct
  worstResponse: (def) => ({
    matches: def.pairs.map((pair, index) => ({ left: pair.id, right: def.pairs[(index + 1) % def.pairs.length].id })),
  }),
  review: (def, response) => ({
    type: 'matching',
    prompt: def.prompt,
    pairs: def.pairs.map((pair) => {
      const chosen = response.matches.find((match) => match.left === pair.id)
      const chosenRight = chosen ? def.pairs.find((other) => other.id === chosen.right)?.right ?? null : null
      return { left: pair.left, right: pair.right, chosenRight, correct: chosen?.right === pair.id }
    }),
    feedback: def.feedback,
  }),
  analyse: () => null,
}
