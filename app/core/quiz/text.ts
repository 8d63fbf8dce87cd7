// Owns the free-text item: each required group must appear, and with `forbidden` no 服务禁语 may; all or nothing.
import { z } from 'zod'
import { findForbiddenPhrases, phraseMatchKey, type CompiledPhraseList, type PhraseHit } from '../phrases'
import { itemFeedback, resultFromShare, type ItemType } from './item-type'
import { itemBaseShape, TextSchema } from './schema-parts'

/** Longer answers are refused: a counter reply is a sentence or two. */
export const TEXT_MAX_LENGTH = 1000

export const TextItemSchema = z
  .object({
    ...itemBaseShape,
    type: z.literal('text'),
    prompt: TextSchema,
    // each group: at least one of its variants must appear in the answer
    required: z.array(z.array(TextSchema).min(1, '每组至少要有一个说法')).min(1, '至少需要一组必答词'),
    forbidden: z.boolean().default(false),
    feedback: TextSchema,
  })
  .strict()
export type TextItem = z.infer<typeof TextItemSchema>

export interface TextView {
  id: string
  type: 'text'
  prompt: string
  maxLength: number
}
export interface TextResponse {
  text: string
}
export interface TextReview {
  type: 'text'
  prompt: string
  text: string
  groups: { variants: string[]; found: boolean }[]
  hits: PhraseHit[]
  feedback: string
}

// Width, case, spaces and punctuation do not matter for a required wording: 稍等 is found in "请，稍 等".
const looseKey = (text: string) => phraseMatchKey(text).replaceAll('\u0000', '')

function check(def: TextItem, text: string, phrases: CompiledPhraseList) {
  const answer = looseKey(text)
  const groups = def.required.map((variants) => ({
    variants,
    found: variants.some((variant) => answer.includes(looseKey(variant))),
  }))
  const hits = def.forbidden ? findForbiddenPhrases(text, phrases) : []
  return { groups, hits, passed: groups.every((group) => group.found) && hits.length === 0 }
}

export const text: ItemType<TextItem, TextView, TextResponse, TextReview, null> = {
  kind: 'text',
  schema: TextItemSchema,
  responseSource: 'client',
  contentReferences: () => [],
  problems: () => [],
  toView: (def) => ({ id: def.id, type: 'text', prompt: def.prompt, maxLength: TEXT_MAX_LENGTH }),
  readForm(def, form) {
    const [value] = form.values(`a.${def.id}`)
    return value === undefined || value === '' ? undefined : value
  },
  emptyResponse: () => ({ text: '' }),
  parseResponse(_def, raw) {
    if (raw === null || raw === undefined) return { ok: true, response: { text: '' } }
    if (typeof raw !== 'string') return { ok: false, error: 'expected text' }
    if (raw.length > TEXT_MAX_LENGTH) return { ok: false, error: `text longer than ${TEXT_MAX_LENGTH} characters` }
    return { ok: true, response: { text: raw.trim() } }
  },
  maxPoints: (def) => def.points,
  score: (def, response, ctx) => resultFromShare(def, check(def, response.text, ctx.phrases).passed ? 1 : 0, itemFeedback(def)),
  // per group the first wording the detector does not flag, joined; content checks report it if that still fails
  bestResponse(def, ctx) {
    const clean = (variant: string) => findForbiddenPhrases(variant, ctx.phrases).length === 0
    return { text: def.required.map((variants) => variants.find(clean) ?? variants[0]).join('，') }
  },
  worstResponse: () => ({ text: '' }),
  review(def, response, ctx) {
    const { groups, hits } = check(def, response.text, ctx.phrases)
    return { type: 'text', prompt: def.prompt, text: response.text, groups, hits, feedback: def.feedback }
  },
  analyse: () => null,
}
