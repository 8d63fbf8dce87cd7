// The studio's item list narrowed by kind and by what the statistics say, so a phone shows a short list: the
// filter lives in the URL (?kind=…&verdict=…), each item keeps its number in the quiz.

export const VERDICT_FILTERS = ['flagged', 'ok', 'none'] as const
/** flagged: the statistics find something; ok: they find nothing; none: no verdict yet (too few attempts, unpublished). */
export type VerdictFilter = (typeof VERDICT_FILTERS)[number]

export interface ListedItem {
  index: number
  id: string
  type: unknown
}

export interface Verdicts {
  /** Whether the statistics can judge items at all (enough attempts on a published quiz). */
  judged: boolean
  findingsByItem: Record<string, number>
}

export function verdictOf(verdicts: Verdicts, itemId: string): VerdictFilter {
  if (!verdicts.judged || !(itemId in verdicts.findingsByItem)) return 'none'
  return verdicts.findingsByItem[itemId]! > 0 ? 'flagged' : 'ok'
}

export function filterItems<T extends ListedItem>(items: readonly T[], verdicts: Verdicts, filter: { kind?: string; verdict?: VerdictFilter }): T[] {
  return items.filter((item) => (!filter.kind || item.type === filter.kind) && (!filter.verdict || verdictOf(verdicts, item.id) === filter.verdict))
}

/** The filter as the tail of an items URL (`&kind=…&verdict=…`), so choosing, saving, moving or deleting an item
 * keeps the list as the trainer narrowed it. A verdict that is not one of ours is dropped. */
export function filterQuery(filter: { kind?: string | null; verdict?: string | null }): string {
  const kind = filter.kind
  const verdict = VERDICT_FILTERS.find((v) => v === filter.verdict)
  return `${kind ? `&kind=${encodeURIComponent(kind)}` : ''}${verdict ? `&verdict=${verdict}` : ''}`
}
