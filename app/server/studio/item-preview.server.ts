// The item editor's preview: the item of the quiz's draft shown through its type's client view (no key, no
// points, no feedback: exactly what a clerk's browser gets), and the trainer's answer scored on the server by the
// item type's own scorer. Dialogue items are played step by step on the server, so they are played in the
// scenario editor instead.
import { formFields } from '~/core/quiz/form-answers'
import type { ItemResult } from '~/core/quiz/item-type'
import { itemTypeOf, itemView, QuizItemSchema, type QuizItem, type QuizItemView } from '~/core/quiz/registry'
import { rawQuizItem } from '~/core/studio/quiz-item-edit'
import type { SessionUser } from '../people.server'
import { loadForbiddenPhrases } from '../phrases.server'
import { quizTextOf } from './quiz-item-pages.server'

// A fixed seed: the trainer sees the options in authored order under opaque ids, the same on every reload.
const PREVIEW_SEED = 'studio-preview'
const NO_SCENARIOS = new Map()

export type ItemPreview =
  | { playable: true; view: QuizItemView }
  | { playable: false; reason: 'invalid' }
  | { playable: false; reason: 'dialogue'; scenario: string }

async function previewedItem(user: SessionUser, path: string, index: number): Promise<QuizItem | { invalid: true } | { scenario: string }> {
  const { text } = await quizTextOf(user, path)
  const parsed = QuizItemSchema.safeParse(rawQuizItem(text, index))
  if (!parsed.success) return { invalid: true }
  if (itemTypeOf(parsed.data).responseSource === 'server') return { scenario: 'scenario' in parsed.data ? parsed.data.scenario : '' }
  return parsed.data
}

export async function itemPreview(user: SessionUser, path: string, index: number): Promise<ItemPreview> {
  const item = await previewedItem(user, path, index)
  if ('invalid' in item) return { playable: false, reason: 'invalid' }
  if (!('type' in item)) return { playable: false, reason: 'dialogue', scenario: item.scenario }
  return { playable: true, view: itemView(item, { scenarios: NO_SCENARIOS, seed: PREVIEW_SEED, shuffle: false }) }
}

export type PreviewScore = { ok: true; result: ItemResult } | { ok: false; error: string }

/** Scores the answer in the form (the clerk's own field names) with the item type's scorer. */
export async function scoreItemPreview(user: SessionUser, path: string, index: number, form: FormData): Promise<PreviewScore> {
  const item = await previewedItem(user, path, index)
  if (!('type' in item)) return { ok: false, error: 'not playable here' }
  const type = itemTypeOf(item)
  const entries = [...form.entries()].flatMap(([key, value]) => (typeof value === 'string' ? [[key, value] as const] : []))
  const parsed = type.parseResponse(item, type.readForm(item, formFields(entries)), { scenarios: NO_SCENARIOS, seed: PREVIEW_SEED })
  if (!parsed.ok) return { ok: false, error: parsed.error }
  return { ok: true, result: type.score(item, parsed.response, { scenarios: NO_SCENARIOS, phrases: loadForbiddenPhrases() }) }
}
