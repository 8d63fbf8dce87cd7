// Reads an attempt's answers from an HTML form (works without JavaScript) into the raw answers the item
// types parse: single → option id, multiple → option ids, ordering → entry ids in order, matching →
// left id → right id, text → text. Scenario items are never read from a form (the server records them).
export type FormEntries = ReadonlyArray<readonly [string, string]>

export interface ItemKind {
  id: string
  type: string
}

export type RawAnswers = Record<string, unknown>

export interface FormAnswersResult {
  answers: RawAnswers
  /** Items whose form fields could not be read (e.g. one position given to two entries). */
  errors: Record<string, 'order-duplicate'>
}

export function answersFromForm(entries: FormEntries, items: readonly ItemKind[]): FormAnswersResult {
  const answers: RawAnswers = {}
  const errors: FormAnswersResult['errors'] = {}
  const valuesOf = (name: string) => entries.filter(([key]) => key === name).map(([, value]) => value)
  const prefixed = (prefix: string) =>
    entries.filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key.slice(prefix.length), value] as const)

  for (const item of items) {
    switch (item.type) {
      case 'single':
      case 'text': {
        const [value] = valuesOf(`a.${item.id}`)
        if (value !== undefined && value !== '') answers[item.id] = value
        break
      }
      case 'multiple': {
        const present = valuesOf(`present.${item.id}`).length > 0
        const picked = valuesOf(`a.${item.id}`).filter(Boolean)
        if (present || picked.length) answers[item.id] = picked
        break
      }
      case 'ordering': {
        const positions = prefixed(`o.${item.id}.`).filter(([, value]) => value !== '')
        if (positions.length === 0) break
        const numbers = positions.map(([, value]) => value)
        if (new Set(numbers).size !== numbers.length) {
          errors[item.id] = 'order-duplicate'
          break
        }
        answers[item.id] = [...positions].sort((a, b) => Number(a[1]) - Number(b[1])).map(([entry]) => entry)
        break
      }
      case 'matching': {
        const matches = prefixed(`m.${item.id}.`).filter(([, right]) => right !== '')
        if (matches.length) answers[item.id] = Object.fromEntries(matches)
        break
      }
      default:
        break // scenario items: recorded turn by turn on the server
    }
  }
  return { answers, errors }
}
