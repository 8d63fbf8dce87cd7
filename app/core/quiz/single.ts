// Owns the single choice item: exactly one option is correct; full points for it, none otherwise.
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

export const SingleItemSchema = z
  .object({ ...itemBaseShape, type: z.literal('single'), prompt: TextSchema, options: OptionsSchema })
  .strict()
  .superRefine((item, ctx) => {
    const correct = item.options.filter((option) => option.correct).length
    if (correct !== 1) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `单选题必须恰好有 1 个正确选项（现有 ${correct} 个）` })
    }
  })
export type SingleItem = z.infer<typeof SingleItemSchema>

export interface SingleView {
  id: string
  type: 'single'
  prompt: string
  options: OptionView[]
}
/** The authored id of the picked option; null = left blank. */
export interface SingleResponse {
  optionId: string | null
}
export interface SingleReview {
  type: 'single'
  prompt: string
  options: OptionReview[]
  feedback: string | null
}

const chosenIds = (response: SingleResponse) => (response.optionId === null ? [] : [response.optionId])

export const single: ItemType<SingleItem, SingleView, SingleResponse, SingleReview, OptionAnalysis> = {
  kind: 'single',
  schema: SingleItemSchema,
  responseSource: 'client',
  contentReferences: () => [],
  problems: () => [],
  toView: (def, ctx) => ({ id: def.id, type: 'single', prompt: def.prompt, options: optionsView(def.options, ctx) }),
  readForm: (def, form) => formValues(def.id, form)[0],
  emptyResponse: () => ({ optionId: null }),
  parseResponse(def, raw, ctx) {
    if (raw === null || raw === undefined) return { ok: true, response: { optionId: null } }
    const picked = pickedOption(def.options, raw, ctx)
    return picked.ok ? { ok: true, response: { optionId: picked.id } } : picked
  },
  maxPoints: (def) => def.points,
  score(def, response) {
    const option = def.options.find((candidate) => candidate.id === response.optionId)
    return resultFromShare(def, option?.correct ? 1 : 0, [
      ...pickedFeedback(def.options, chosenIds(response)),
      ...itemFeedback(def),
    ])
  },
  bestResponse: (def) => ({ optionId: def.options.find((option) => option.correct)?.id ?? null }),
  worstResponse: (def) => ({ optionId: def.options.find((option) => !option.correct)?.id ?? null }),
  review: (def, response) => ({
    type: 'single',
    prompt: def.prompt,
    options: optionsReview(def.options, chosenIds(response)),
    feedback: def.feedback ?? null,
  }),
  analyse: (def, responses) => optionAnalysis(def, responses.map(({ response, group }) => ({ response: chosenIds(response), group }))),
}
