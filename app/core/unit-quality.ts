// Where a unit's clerks go wrong, from their submitted attempts: the items and dialogues with the lowest facility
// (mean share of the item's points), and the 服务禁语 the detector finds in what they wrote or chose to say.
import { findForbiddenPhrases, type CompiledPhraseList } from './phrases'

/** What an attempt's stored result (written once at submission) holds that these figures read. */
export interface AttemptFacts {
  userId: string
  quizId: string
  items: ReadonlyArray<{ itemId: string; points: number; maxPoints: number }>
  reviews: ReadonlyArray<{ itemId: string; review: { type?: string; text?: string; steps?: ReadonlyArray<{ reply: string }> } }>
}

export interface ItemFacility {
  quizId: string
  itemId: string
  type: string
  attempts: number
  /** 0–100: mean share of the item's points scored. */
  facility: number
}

/** Every item's facility, lowest first; items seen in fewer than `minimum` attempts are left out (too few to say). */
export function itemFacilities(attempts: readonly AttemptFacts[], minimum = 3): ItemFacility[] {
  const sums = new Map<string, { quizId: string; itemId: string; type: string; attempts: number; share: number }>()
  for (const attempt of attempts) {
    for (const item of attempt.items) {
      if (item.maxPoints <= 0) continue
      const key = `${attempt.quizId}\u0000${item.itemId}`
      const type = attempt.reviews.find((r) => r.itemId === item.itemId)?.review.type ?? 'unknown'
      const sum = sums.get(key) ?? { quizId: attempt.quizId, itemId: item.itemId, type, attempts: 0, share: 0 }
      sum.attempts++
      sum.share += item.points / item.maxPoints
      sums.set(key, sum)
    }
  }
  return [...sums.values()]
    .filter((s) => s.attempts >= minimum)
    .map((s) => ({ quizId: s.quizId, itemId: s.itemId, type: s.type, attempts: s.attempts, facility: Math.round((s.share / s.attempts) * 100) }))
    .sort((a, b) => a.facility - b.facility || b.attempts - a.attempts || a.quizId.localeCompare(b.quizId) || a.itemId.localeCompare(b.itemId))
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

/** What clerks wrote (written answers) and said (the replies they chose in dialogues), one text per answer or reply. */
export function spokenTexts(attempt: AttemptFacts): string[] {
  return attempt.reviews.flatMap(({ review }) => [
    ...(typeof review.text === 'string' && review.text ? [review.text] : []),
    ...(review.steps ?? []).map((step) => step.reply),
  ])
}

/** The 服务禁语 found in those texts, most clerks first (then most hits); each phrase counted once per text. */
export function phraseCounts(attempts: readonly AttemptFacts[], phrases: CompiledPhraseList): PhraseCount[] {
  const counts = new Map<string, PhraseCount & { people: Set<string> }>()
  for (const attempt of attempts) {
    for (const text of spokenTexts(attempt)) {
      for (const id of new Set(findForbiddenPhrases(text, phrases).map((hit) => hit.id))) {
        const entry = phrases.entries.find((e) => e.id === id)
        if (!entry) continue
        const count = counts.get(id) ?? { id, phrase: entry.phrase, suggestion: entry.suggestion, category: entry.category, hits: 0, clerks: 0, people: new Set() }
        count.hits++
        count.people.add(attempt.userId)
        counts.set(id, count)
      }
    }
  }
  return [...counts.values()]
    .map(({ people, ...count }) => ({ ...count, clerks: people.size }))
    .sort((a, b) => b.clerks - a.clerks || b.hits - a.hits || a.id.localeCompare(b.id))
}
