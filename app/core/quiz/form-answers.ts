// Reads an attempt's answers from an HTML form (works without JavaScript) into the raw answers the item types
// parse. Each item type reads its own fields (ItemType.readForm), so a new type cannot be silently dropped here.
import type { FormFields } from './item-type'
import { itemTypeOf, type QuizItem } from './registry'

export type FormEntries = ReadonlyArray<readonly [string, string]>

export type RawAnswers = Record<string, unknown>

/** The form's fields behind the interface the item types read. The values are grouped by name once: a whole quiz's
 * form (~50 fields, 20–30 items reading 1–2 names each) scanned once per name was a twentieth of a real submit's CPU.
 * So are the fields by their name's first two parts (`m.<item>.` of `m.<item>.<left>`), the prefix a matching item
 * asks for: each of a quiz's matching items scanning every field was 3 % of a real submit's CPU (decision 0052). */
export function formFields(entries: FormEntries): FormFields {
  const byName = new Map<string, string[]>()
  for (const [key, value] of entries) {
    const values = byName.get(key)
    if (values) values.push(value)
    else byName.set(key, [value])
  }
  let byTwoParts: Map<string, Array<readonly [string, string]>> | undefined
  return {
    values: (name) => byName.get(name)?.slice() ?? [], // a copy: a reader may change what it is given
    prefixed: (prefix) => {
      // a prefix that is a name's first two parts is looked up; any other is a scan (same fields, same order)
      const lookup = prefix !== '' && twoPartsOf(prefix) === prefix
      const fields = lookup ? (byTwoParts ??= groupedByTwoParts(entries)).get(prefix) ?? [] : entries.filter(([key]) => key.startsWith(prefix))
      return fields.map(([key, value]) => [key.slice(prefix.length), value] as const)
    },
  }
}

/** A name up to and with its second dot (`m.q4.` of `m.q4.l1`); '' when it has fewer than two. */
function twoPartsOf(name: string): string {
  const first = name.indexOf('.')
  const second = first < 0 ? -1 : name.indexOf('.', first + 1)
  return second < 0 ? '' : name.slice(0, second + 1)
}

function groupedByTwoParts(entries: FormEntries): Map<string, Array<readonly [string, string]>> {
  const groups = new Map<string, Array<readonly [string, string]>>()
  for (const entry of entries) {
    const parts = twoPartsOf(entry[0])
    if (parts === '') continue
    const group = groups.get(parts)
    if (group) group.push(entry)
    else groups.set(parts, [entry])
  }
  return groups
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
