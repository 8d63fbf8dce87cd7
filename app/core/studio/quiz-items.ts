// The seam for question banks: items picked elsewhere (e.g. from an imported Moodle/GIFT bank) are appended to
// a quiz's YAML text, keeping its comments and layout; the result is saved as a draft and goes through the same
// check (the item zod schemas) and publish as anything typed in the editor. Ids that clash get a suffix.
import { parseDocument, isSeq } from 'yaml'

export type ItemRecord = Record<string, unknown> & { id: string }

export function appendQuizItems(quizYaml: string, items: readonly ItemRecord[]): string {
  const document = parseDocument(quizYaml)
  const existing = document.get('items')
  const list = isSeq(existing) ? existing : document.createNode([])
  if (!isSeq(existing)) document.set('items', list)
  const taken = new Set(list.items.map((node) => String((node as { get?: (k: string) => unknown }).get?.('id') ?? '')))
  for (const item of items) {
    let id = item.id
    for (let n = 2; taken.has(id); n++) id = `${item.id}-${n}`
    taken.add(id)
    ;(list as { add(value: unknown): void }).add(document.createNode({ ...item, id }))
  }
  return document.toString()
}

/** An item's content without its id (ids are renamed on append), keys sorted, so equal items compare equal. */
function contentKey(item: Record<string, unknown>): string {
  const { id: _id, ...rest } = item
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sorted(v)]))
        : value
  return JSON.stringify(sorted(rest))
}

/**
 * The items not yet in the quiz (same content under any id): a second submit of the same pick appends nothing,
 * which is how a double submit is recorded once without a request key.
 */
export function itemsNotIn(quizYaml: string, items: readonly ItemRecord[]): ItemRecord[] {
  const existing = parseDocument(quizYaml).toJS()?.items
  const present = new Set(Array.isArray(existing) ? existing.filter((i) => i && typeof i === 'object').map((i) => contentKey(i as Record<string, unknown>)) : [])
  const seen = new Set<string>()
  return items.filter((item) => {
    const key = contentKey(item)
    if (present.has(key) || seen.has(key)) return false
    seen.add(key)
    return true
  })
}
