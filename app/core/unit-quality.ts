// Where a unit's clerks go wrong, from their submitted attempts: the items and dialogues with the lowest facility
// (mean share of the item's points), and the 服务禁语 the detector finds in what they wrote or chose to say.
// Decision 0033: a closed hall day's attempts are folded once into per item sums and per clerk phrase hits (the
// quality roll-up); the pages add those rows up. Summing folded days gives what folding all the attempts at once
// gives (the sums are associative; a table test checks it), so the page never reads the stored results.
import { findForbiddenPhrases, type CompiledPhraseList } from './phrases'

/** What an attempt's stored result (written once at submission) holds that these figures read. */
export interface AttemptFacts {
  userId: string
  quizId: string
  items: ReadonlyArray<{ itemId: string; points: number; maxPoints: number }>
  reviews: ReadonlyArray<{ itemId: string; review: { type?: string; text?: string; steps?: ReadonlyArray<{ reply: string }> } }>
}

/** One quiz item over some attempts: how many scored it and the sum of their shares of its points. */
export interface ItemSum {
  quizId: string
  itemId: string
  /** the item's type as its review recorded it ("scenario" for a dialogue), from the first attempt seen */
  type: string
  attempts: number
  /** sum of points / maxPoints */
  share: number
}

/** In how many texts one clerk said one 服务禁语. */
export interface PhraseHits {
  phraseId: string
  userId: string
  hits: number
}

export interface ItemFacility {
  quizId: string
  itemId: string
  type: string
  attempts: number
  /** 0–100: mean share of the item's points scored. */
  facility: number
}

export interface PhraseCount {
  id: string
  phrase: string
  suggestion: string
  category: string
  hits: number
  /** Distinct clerks who said it. */
  clerks: number
}

const itemKey = (quizId: string, itemId: string) => `${quizId}\u0000${itemId}`

/** Adds item rows up per quiz item (rows of many days and halls, or single attempts' rows). */
export function sumItems(rows: Iterable<ItemSum>): ItemSum[] {
  const sums = new Map<string, ItemSum>()
  for (const row of rows) {
    const key = itemKey(row.quizId, row.itemId)
    const sum = sums.get(key)
    if (sum) {
      sum.attempts += row.attempts
      sum.share += row.share
    } else sums.set(key, { ...row })
  }
  return [...sums.values()]
}

/** The attempts' items folded: per quiz item its attempts and summed shares (items worth no points left out). */
export function foldItems(attempts: readonly AttemptFacts[]): ItemSum[] {
  return sumItems(
    (function* () {
      for (const attempt of attempts) {
        for (const item of attempt.items) {
          if (item.maxPoints <= 0) continue
          const type = attempt.reviews.find((r) => r.itemId === item.itemId)?.review.type ?? 'unknown'
          yield { quizId: attempt.quizId, itemId: item.itemId, type, attempts: 1, share: item.points / item.maxPoints }
        }
      }
    })(),
  )
}

/**
 * A share as a whole percent. The share is a sum of fractions, added in a different order by the roll-up (day by day)
 * than by a recount: at an exact half (62.5 %) the two can land either side of it (62.4999… or 62.5000…1) and round
 * apart. Cut to 6 decimals first, so that the same attempts give the same figure however they were added.
 */
const wholePercent = (share: number) => Math.round(Math.round(share * 1e8) / 1e6)

/** Every item's facility from its sums, lowest first; items seen in fewer than `minimum` attempts are left out (too few to say). */
export function facilitiesFromSums(rows: readonly ItemSum[], minimum = 3): ItemFacility[] {
  return sumItems(rows)
    .filter((s) => s.attempts >= minimum)
    .map((s) => ({ quizId: s.quizId, itemId: s.itemId, type: s.type, attempts: s.attempts, facility: wholePercent(s.share / s.attempts) }))
    .sort((a, b) => a.facility - b.facility || b.attempts - a.attempts || a.quizId.localeCompare(b.quizId) || a.itemId.localeCompare(b.itemId))
}

/** What clerks wrote (written answers) and said (the replies they chose in dialogues), one text per answer or reply. */
export function spokenTexts(attempt: AttemptFacts): string[] {
  return attempt.reviews.flatMap(({ review }) => [
    ...(typeof review.text === 'string' && review.text ? [review.text] : []),
    ...(review.steps ?? []).map((step) => step.reply),
  ])
}

/** Per phrase and clerk, the texts in which the detector finds it; each phrase counted once per text. */
export function foldPhrases(attempts: readonly AttemptFacts[], phrases: CompiledPhraseList): PhraseHits[] {
  const hits = new Map<string, PhraseHits>()
  for (const attempt of attempts) {
    for (const text of spokenTexts(attempt)) {
      for (const phraseId of new Set(findForbiddenPhrases(text, phrases).map((hit) => hit.id))) {
        const key = `${phraseId}\u0000${attempt.userId}`
        const entry = hits.get(key) ?? hits.set(key, { phraseId, userId: attempt.userId, hits: 0 }).get(key)!
        entry.hits++
      }
    }
  }
  return [...hits.values()]
}

/** The 服务禁语 said, most clerks first (then most hits); a phrase no longer on the list is left out. */
export function phraseCountsFromHits(rows: readonly PhraseHits[], phrases: CompiledPhraseList): PhraseCount[] {
  const counts = new Map<string, PhraseCount & { people: Set<string> }>()
  for (const row of rows) {
    const entry = phrases.entries.find((e) => e.id === row.phraseId)
    if (!entry) continue
    const count = counts.get(row.phraseId) ?? counts.set(row.phraseId, { id: entry.id, phrase: entry.phrase, suggestion: entry.suggestion, category: entry.category, hits: 0, clerks: 0, people: new Set() }).get(row.phraseId)!
    count.hits += row.hits
    count.people.add(row.userId)
  }
  return [...counts.values()]
    .map(({ people, ...count }) => ({ ...count, clerks: people.size }))
    .sort((a, b) => b.clerks - a.clerks || b.hits - a.hits || a.id.localeCompare(b.id))
}

/**
 * The sample's first day: of the closed days (newest first, each with the unit's attempts that day), the oldest of
 * the most recent ones that together hold at least `enough` attempts; the oldest day when all of them hold fewer.
 */
export function sampleStart(days: ReadonlyArray<{ day: string; attempts: number }>, enough: number): string | null {
  let total = 0
  for (const { day, attempts } of days) {
    total += attempts
    if (total >= enough) return day
  }
  return days.at(-1)?.day ?? null
}

/** The `count` closed hall days before `today` (YYYY-MM-DD), newest first: yesterday, the day before, … */
export function closedDaysBefore(today: string, count: number): string[] {
  const start = Date.parse(`${today}T00:00:00Z`)
  return Array.from({ length: count }, (_, i) => new Date(start - (i + 1) * 86_400_000).toISOString().slice(0, 10))
}
