// Owns what both exports share: the entries they write and which of our items Moodle can hold.
import type { QuizItem } from '../quiz/registry'

/** One bank item to write out, with the name and category it came with. */
export interface BankExportEntry {
  item: QuizItem
  name?: string
  category?: string
}

/** What an export wrote, and the items it had to leave out with the reason. */
export interface BankExport {
  text: string
  skipped: { id: string; reason: string }[]
}

/** Why an item cannot be written to Moodle's formats, or null when it can. */
export function unexportable(item: QuizItem): string | null {
  if (item.type === 'ordering') return '排序题在 Moodle 的 GIFT/XML 里没有对应题型'
  if (item.type === 'scenario') return '对话题在 Moodle 的 GIFT/XML 里没有对应题型'
  if (item.type === 'text' && (item.elements?.length || item.avoid?.length)) {
    return '按要点评分的自由回答题在 Moodle 里没有对应题型（Moodle 的填空题只比对字词）'
  }
  if (item.type === 'text' && (item.required ?? []).length > 1 && (item.required ?? []).some((group) => group.length > 1)) {
    return '填空题有多组必答词且某组有多个说法，Moodle 的填空题无法表达'
  }
  return null
}

/** The entries Moodle can hold (each with the category it opens, when it starts a new one) and those left out. */
export function partitionForExport(entries: readonly BankExportEntry[]) {
  const writable: (BankExportEntry & { opensCategory?: string })[] = []
  const skipped: BankExport['skipped'] = []
  let category: string | undefined
  for (const entry of entries) {
    const reason = unexportable(entry.item)
    if (reason) {
      skipped.push({ id: entry.item.id, reason })
      continue
    }
    writable.push({ ...entry, opensCategory: entry.category && entry.category !== category ? entry.category : undefined })
    category = entry.category ?? category
  }
  return { writable, skipped }
}
