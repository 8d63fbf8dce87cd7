// Owns what single and multiple choice items share: the option schema, the options' view, reading picks, review rows.
import { z } from 'zod'
import type { ParseContext, ViewContext } from './item-type'
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
