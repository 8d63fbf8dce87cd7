// Reads an attempt's answers from an HTML form (works without JavaScript) into the raw answers the item types
// parse. Each item type reads its own fields (ItemType.readForm), so a new type cannot be silently dropped here.
import type { FormFields } from './item-type'
import { itemTypeOf, type QuizItem } from './registry'

export type FormEntries = ReadonlyArray<readonly [string, string]>

export type RawAnswers = Record<string, unknown>

/** The form's fields behind the interface the item types read. */
export function formFields(entries: FormEntries): FormFields {
  return {
    values: (name) => entries.filter(([key]) => key === name).map(([, value]) => value),
    prefixed: (prefix) =>
      entries.filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key.slice(prefix.length), value] as const),
  }
}

/**
 * The raw answer of every item in `items` the form holds. With `blankWhenAbsent`, an item with nothing in the
 * form is a blank answer (null) rather than absent: a per-item save names its item, and an unticked radio
 * group sends nothing.
 */
export function answersFromForm(entries: FormEntries, items: readonly QuizItem[], blankWhenAbsent = false): RawAnswers {
  const form = formFields(entries)
  const answers: RawAnswers = {}
  for (const item of items) {
    const type = itemTypeOf(item)
    const raw = type.readForm(item, form)
    if (raw !== undefined) answers[item.id] = raw
    else if (blankWhenAbsent && type.responseSource === 'client') answers[item.id] = null
  }
  return answers
}
