// Owns what single and multiple choice items share: the option schema, the options' view, reading picks, review rows.
import { z } from 'zod'
import { optionPickRates } from '../option-statistics'
import type { FormFields, ParseContext, ScoreGroup, ScoreGrouped, ViewContext } from './item-type'
import { requireUniqueIds, SlugSchema, TextSchema } from './schema-parts'
import { authoredIdOf, opaqueId, seededShuffle } from './shuffle'

export const OptionSchema = z
  .object({ id: SlugSchema, text: TextSchema, correct: z.boolean().optional(), feedback: TextSchema })
  .strict()
export type ChoiceOption = z.infer<typeof OptionSchema>

/** At least two options with distinct ids. */
export const OptionsSchema = z
  .array(OptionSchema)
  .min(2, '至少需要 2 个选项')
  .superRefine((options, ctx) => requireUniqueIds(options, [], ctx))

/** An option as the client sees it. */
export interface OptionView {
  id: string
  text: string
}

/** The options under opaque ids, shuffled when the quiz shuffles. */
export function optionsView(options: readonly ChoiceOption[], ctx: ViewContext): OptionView[] {
  const shown = ctx.shuffle ? seededShuffle(options, `${ctx.seed}/options`) : options
  return shown.map((option) => ({ id: opaqueId(ctx.seed, option.id), text: option.text }))
}

/** The authored id behind an opaque id the client sent, or an error naming it. */
export function pickedOption(
  options: readonly ChoiceOption[],
  raw: unknown,
  ctx: ParseContext,
): { ok: true; id: string } | { ok: false; error: string } {
  if (typeof raw !== 'string') return { ok: false, error: 'expected an option id' }
  const id = authoredIdOf(
    ctx.seed,
    raw,
    options.map((option) => option.id),
  )
  return id === null ? { ok: false, error: `unknown option id "${raw}"` } : { ok: true, id }
}

/** One option after submitting: its text, whether the clerk picked it, whether it is correct, its feedback. */
export interface OptionReview {
  id: string
  text: string
  chosen: boolean
  correct: boolean
  feedback: string
}

export function optionsReview(options: readonly ChoiceOption[], chosen: readonly string[]): OptionReview[] {
  return options.map((option) => ({
    id: option.id,
    text: option.text,
    chosen: chosen.includes(option.id),
    correct: option.correct === true,
    feedback: option.feedback,
  }))
}

/** The feedback of the picked options, in authored order. */
export function pickedFeedback(options: readonly ChoiceOption[], chosen: readonly string[]): string[] {
  return options.filter((option) => chosen.includes(option.id)).map((option) => option.feedback)
}

/** One option on the statistics page: how many analysed attempts picked it, and their share overall and among
 * the upper and lower thirds by total score (a wrong option the upper third prefers hints at a wrong key). */
export interface OptionRow {
  id: string
  text: string
  correct: boolean
  picks: number
  rate: number | null
  upperRate: number | null
  lowerRate: number | null
}

/** A choice item's response analysis: attempts read, those left blank, each option's pick rate. */
export interface OptionAnalysis {
  responses: number
  blanks: number
  rows: OptionRow[]
}

function pickRates(def: { id: string; options: readonly ChoiceOption[] }, picked: readonly (readonly string[])[]) {
  const attempts = picked.map((optionIds) => [{ itemId: def.id, optionIds: [...optionIds] }])
  const [rates] = optionPickRates(attempts, [{ itemId: def.id, optionIds: def.options.map((option) => option.id) }])
  return { rates, byId: new Map(rates.options.map((rate) => [rate.optionId, rate])) }
}

/** Pick rates of every option (in authored order, so an option nobody picked still has a row). */
export function optionAnalysis(
  def: { id: string; options: readonly ChoiceOption[] },
  picked: readonly ScoreGrouped<readonly string[]>[],
): OptionAnalysis {
  const { rates, byId } = pickRates(def, picked.map((entry) => entry.response))
  const group = (name: ScoreGroup) => pickRates(def, picked.filter((entry) => entry.group === name).map((entry) => entry.response)).byId
  const [upper, lower] = [group('upper'), group('lower')]
  return {
    responses: rates.responses,
    blanks: rates.blanks,
    rows: def.options.map((option) => ({
      id: option.id,
      text: option.text,
      correct: option.correct === true,
      picks: byId.get(option.id)?.picks ?? 0,
      rate: byId.get(option.id)?.rate ?? null,
      upperRate: upper.get(option.id)?.rate ?? null,
      lowerRate: lower.get(option.id)?.rate ?? null,
    })),
  }
}

/** The raw answer of a choice item in a form: `a.<item>` (one value for single, every ticked one for multiple). */
export function formValues(itemId: string, form: FormFields): string[] {
  return form.values(`a.${itemId}`).filter((value) => value !== '')
}
