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
