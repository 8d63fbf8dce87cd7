// Reads an attempt's answers from an HTML form (works without JavaScript) into the raw answers the item types
// parse. Each item type reads its own fields (ItemType.readForm), so a new type cannot be silently dropped here.
import type { FormFields } from './item-type'
import { itemTypeOf, type QuizItem } from './registry'

export type FormEntries = ReadonlyArray<readonly [string, string]>

export type RawAnswers = Record<string, unknown>

/** The form's fields behind the interface the item types read. The values are grouped by name once: a whole quiz's
 * form (~50 fields, 20–30 items reading 1–2 names each) scanned once per name was a twentieth of a real submit's CPU. */
export function formFields(entries: FormEntries): FormFields {
  const byName = new Map<string, string[]>()
  for (const [key, value] of entries) {
    const values = byName.get(key)
    if (values) values.push(value)
    else byName.set(key, [value])
  }
  return {
    values: (name) => byName.get(name)?.slice() ?? [], // a copy: a reader may change what it is given
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
