// Owns the multiple choice item: several options correct, scored partially or all-or-nothing.
import { z } from 'zod'
import {
  formValues,
  optionAnalysis,
  OptionsSchema,
  optionsReview,
  optionsView,
  pickedFeedback,
  pickedOption,
  type OptionAnalysis,
  type OptionReview,
  type OptionView,
} from './choice-options'
import { itemFeedback, resultFromShare, type ItemType } from './item-type'
import { itemBaseShape, TextSchema } from './schema-parts'

export const MultipleItemSchema = z
  .object({
    ...itemBaseShape,
    type: z.literal('multiple'),
    // partial: (right picks − wrong picks) / correct count, never below 0; all-or-nothing: exactly the correct set
    scoring: z.enum(['partial', 'all-or-nothing']),
    prompt: TextSchema,
    options: OptionsSchema,
  })
  .strict()
  .superRefine((item, ctx) => {
    if (!item.options.some((option) => option.correct)) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: '多选题至少要有 1 个正确选项' })
    }
  })
export type MultipleItem = z.infer<typeof MultipleItemSchema>

export interface MultipleView {
  id: string
  type: 'multiple'
  prompt: string
  options: OptionView[]
}
/** The authored ids of the picked options, distinct; empty = left blank. */
export interface MultipleResponse {
  optionIds: string[]
}
export interface MultipleReview {
  type: 'multiple'
  prompt: string
  options: OptionReview[]
  feedback: string | null
}

function shareOf(def: MultipleItem, picked: readonly string[]): number {
  const correctIds = def.options.filter((option) => option.correct).map((option) => option.id)
  const right = picked.filter((id) => correctIds.includes(id)).length
  const wrong = picked.length - right
  if (def.scoring === 'all-or-nothing') return right === correctIds.length && wrong === 0 ? 1 : 0
  return Math.max(0, (right - wrong) / correctIds.length)
}

export const multiple: ItemType<MultipleItem, MultipleView, MultipleResponse, MultipleReview, OptionAnalysis> = {
  kind: 'multiple',
  schema: MultipleItemSchema,
  responseSource: 'client',
  contentReferences: () => [],
  problems: () => [],
  toView: (def, ctx) => ({ id: def.id, type: 'multiple', prompt: def.prompt, options: optionsView(def.options, ctx) }),
  // `present.<item>` marks the item as on the page, so unticking every box saves an empty answer
  readForm(def, form) {
    const picked = formValues(def.id, form)
    return form.values(`present.${def.id}`).length > 0 || picked.length > 0 ? picked : undefined
  },
  emptyResponse: () => ({ optionIds: [] }),
  parseResponse(def, raw, ctx) {
    if (raw === null || raw === undefined) return { ok: true, response: { optionIds: [] } }
    if (!Array.isArray(raw)) return { ok: false, error: 'expected a list of option ids' }
    const optionIds: string[] = []
    for (const entry of raw) {
      const picked = pickedOption(def.options, entry, ctx)
      if (!picked.ok) return picked
      if (optionIds.includes(picked.id)) return { ok: false, error: `option "${String(entry)}" picked twice` }
      optionIds.push(picked.id)
    }
    return { ok: true, response: { optionIds } }
  },
  maxPoints: (def) => def.points,
  score: (def, response) =>
    resultFromShare(def, shareOf(def, response.optionIds), [
      ...pickedFeedback(def.options, response.optionIds),
      ...itemFeedback(def),
    ]),
  bestResponse: (def) => ({ optionIds: def.options.filter((option) => option.correct).map((option) => option.id) }),
  // every wrong option: under either rule that scores 0 (and with no wrong option, the blank answer does)
  worstResponse: (def) => ({ optionIds: def.options.filter((option) => !option.correct).map((option) => option.id) }),
  review: (def, response) => ({
    type: 'multiple',
    prompt: def.prompt,
    options: optionsReview(def.options, response.optionIds),
    feedback: def.feedback ?? null,
  }),
  analyse: (def, responses) => optionAnalysis(def, responses.map(({ response, group }) => ({ response: response.optionIds, group }))),
}
