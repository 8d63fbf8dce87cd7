// Owns the free-text item: the trainer writes the intent (elements a good reply expresses, each with examples, and
// elements it must not), scoring gives credit per element in the clerk's own words (app/core/language/intent.ts);
// with `forbidden` a 服务禁语 voids the answer. Older items list keyword groups (`required`): each group is an element.
import { z } from 'zod'
import { scoreIntent, type ElementResult, type Intent } from '../language/intent'
import { compilePhraseList, findForbiddenPhrases, isCompiledPhraseList, type CompiledPhraseList, type PhraseHit } from '../phrases'
import { itemFeedback, resultFromShare, type ContentContext, type ItemType } from './item-type'
import { say, type Lang, type Problem } from './problem'
import { itemBaseShape, TextSchema } from './schema-parts'

/** Longer answers are refused: a counter reply is a sentence or two. */
export const TEXT_MAX_LENGTH = 1000

const ElementSchema = z
  .object({
    says: TextSchema, // the element in words: shown in the review when it is missing
    examples: z.array(TextSchema).min(1, '每个要点至少要有一个示例说法'),
  })
  .strict()

const NearMissSchema = z
  .object({
    text: TextSchema,
    missing: z.array(TextSchema).default([]), // the `says` of elements this near-miss must lack
  })
  .strict()

export const TextItemSchema = z
  .object({
    ...itemBaseShape,
    type: z.literal('text'),
    prompt: TextSchema,
    elements: z.array(ElementSchema).optional(),
    avoid: z.array(ElementSchema).default([]),
    // older form: each group is an element whose examples are its wordings
    required: z.array(z.array(TextSchema).min(1, '每组至少要有一个说法')).optional(),
    modelAnswers: z.array(TextSchema).default([]), // must get full marks (content:check runs them)
    nearMisses: z.array(NearMissSchema).default([]), // must not get full marks
    forbidden: z.boolean().default(false),
    feedback: TextSchema,
  })
  .strict()
  .refine((item) => (item.elements?.length ?? 0) + (item.required?.length ?? 0) > 0, { message: '至少需要一个要点（elements）', path: ['elements'] })
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
  elements: ElementResult[] // each element in words, found or missing, with the clerk's words that expressed it
  avoided: ElementResult[] // the avoid elements the answer said
  hits: PhraseHit[]
  feedback: string
}

/** The item's intent, whichever form it was written in. */
export function intentOf(def: TextItem): Intent {
  const legacy = (def.required ?? []).map((variants) => ({ says: variants.length > 1 ? `${variants[0]}（或：${variants.slice(1).join('、')}）` : variants[0], examples: variants }))
  return { elements: [...(def.elements ?? []), ...legacy], avoid: def.avoid }
}

/** Scores one answer: share of elements expressed, 0 with an avoid element or (with `forbidden`) a 服务禁语. */
export function scoreTextAnswer(def: TextItem, text: string, phrases: CompiledPhraseList) {
  const intent = scoreIntent(text, intentOf(def))
  const hits = def.forbidden ? findForbiddenPhrases(text, phrases) : []
  return { ...intent, hits, share: hits.length > 0 ? 0 : intent.share }
}

/** An item whose model answers would not get full marks, or whose near-misses would, is wrong content. */
export function textItemProblems(def: TextItem, phrases: CompiledPhraseList | null, lang: Lang): Problem[] {
  const problems: Problem[] = []
  const none = phrases ?? compilePhraseList({ phrases: [] })
  def.modelAnswers.forEach((answer, index) => {
    const score = scoreTextAnswer(def, answer, none)
    if (score.share >= 1) return
    const missing = score.elements.filter((element) => !element.found).map((element) => element.says)
    const reasons = [...missing, ...score.avoided.filter((e) => e.found).map((e) => `✗ ${e.says}`), ...score.hits.map((hit) => `禁语「${hit.matched}」`)]
    problems.push({
      path: ['modelAnswers', index],
      message: say(lang, `示范答案得不到满分：${reasons.join('；')}`, `this model answer would not get full marks: ${reasons.join('; ')}`),
    })
  })
  def.nearMisses.forEach((nearMiss, index) => {
    const score = scoreTextAnswer(def, nearMiss.text, none)
    const lacking = new Set(score.elements.filter((element) => !element.found).map((element) => element.says))
    const wrongly = nearMiss.missing.filter((says) => !lacking.has(says))
    if (score.share < 1 && wrongly.length === 0) return
    problems.push({
      path: ['nearMisses', index],
      message: say(
        lang,
        score.share >= 1 ? '这条「差一点」的答案会得满分' : `这条答案并不缺少：${wrongly.join('；')}`,
        score.share >= 1 ? 'this near-miss would get full marks' : `this near-miss does not lack: ${wrongly.join('; ')}`,
      ),
    })
  })
  return problems
}

// A submission asks each written answer for its score and then for its review (kept, decision 0036): both read the
// same scoring, the submit's largest CPU item (the intent and the 服务禁语 detector). The last answer scored per item
// is remembered, so the second ask reuses it; a result is never changed by its readers (the review copies what it
// takes). A changed phrase list is another `phrases` object, so it is scored again.
const lastScored = new WeakMap<TextItem, { text: string; phrases: CompiledPhraseList; score: ReturnType<typeof scoreTextAnswer> }>()
function scoredOnce(def: TextItem, text: string, phrases: CompiledPhraseList) {
  const last = lastScored.get(def)
  if (last && last.text === text && last.phrases === phrases) return last.score
  const score = scoreTextAnswer(def, text, phrases)
  lastScored.set(def, { text, phrases, score })
  return score
}

// content:check passes its compiled list in the context; elsewhere model answers are checked without 禁语.
const phrasesIn = (ctx: ContentContext): CompiledPhraseList | null =>
  'phrases' in ctx && isCompiledPhraseList(ctx.phrases) ? ctx.phrases : null

export const text: ItemType<TextItem, TextView, TextResponse, TextReview, null> = {
  kind: 'text',
  schema: TextItemSchema,
  responseSource: 'client',
  keepsReview: true, // what it found depends on the 服务禁语 list of the day it was scored
  contentReferences: () => [],
  problems: (def, ctx, lang) => textItemProblems(def, phrasesIn(ctx), lang),
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
  score: (def, response, ctx) => resultFromShare(def, scoredOnce(def, response.text, ctx.phrases).share, itemFeedback(def)),
  // a model answer when there is one; else per element the first example the detector does not flag, joined
  bestResponse(def, ctx) {
    if (def.modelAnswers.length > 0) return { text: def.modelAnswers[0] }
    const clean = (variant: string) => findForbiddenPhrases(variant, ctx.phrases).length === 0
    return { text: intentOf(def).elements.map((element) => element.examples.find(clean) ?? element.examples[0]).join('，') }
  },
  worstResponse: () => ({ text: '' }),
  review(def, response, ctx) {
    const { elements, avoided, hits } = scoredOnce(def, response.text, ctx.phrases)
    return { type: 'text', prompt: def.prompt, text: response.text, elements: elements.map((e) => ({ ...e })), avoided: avoided.filter((e) => e.found).map((e) => ({ ...e })), hits: hits.map((h) => ({ ...h })), feedback: def.feedback }
  },
  analyse: () => null,
}
