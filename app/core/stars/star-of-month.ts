// 服务明星 of the month: for one hall, a ranked shortlist from that month's evidence. A clerk with a liable
// complaint in the month, or too few ratings, is not on it; the rest rank by a weighted score of the parts
// they have (satisfaction on the 5-point keypad scale ×20, inspection total, best quiz score), all on 0–100.
import type { StarOfMonthRules } from './ladder'

export interface MonthRecord {
  userId: string
  name: string
  liableComplaints: number
  ratings: number
  /** 1–5, or null without ratings. */
  satisfaction: number | null
  /** 0–100 average of the month's inspections, or null when not inspected. */
  inspection: number | null
  /** 0–100 best quiz score submitted in the month, or null. */
  quiz: number | null
}

export interface ShortlistEntry extends MonthRecord {
  score: number
  rank: number
}

export function scoreOf(record: MonthRecord, rules: StarOfMonthRules): number | null {
  const parts: Array<[value: number | null, weight: number]> = [
    [record.satisfaction === null ? null : record.satisfaction * 20, rules.weights.satisfaction],
    [record.inspection, rules.weights.inspection],
    [record.quiz, rules.weights.quiz],
  ]
  const present = parts.filter((p): p is [number, number] => p[0] !== null && p[1] > 0)
  const weight = present.reduce((sum, [, w]) => sum + w, 0)
  return weight ? Math.round((present.reduce((sum, [v, w]) => sum + v * w, 0) / weight) * 100) / 100 : null
}

export function starOfMonthShortlist(records: readonly MonthRecord[], rules: StarOfMonthRules): ShortlistEntry[] {
  return records
    .filter((r) => r.liableComplaints === 0 && r.ratings >= rules.minRatings)
    .flatMap((r) => {
      const score = scoreOf(r, rules)
      return score === null ? [] : [{ ...r, score, rank: 0 }]
    })
    .sort((a, b) => b.score - a.score || b.ratings - a.ratings || a.userId.localeCompare(b.userId))
    .slice(0, rules.shortlist)
    .map((entry, index) => ({ ...entry, rank: index + 1 }))
}
