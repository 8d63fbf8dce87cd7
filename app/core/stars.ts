// Star eligibility: (ladder, evidence, now) → the highest level met and, for the next level, each missing
// requirement as a sentence a clerk understands. Levels are cumulative: ★★★ means every requirement of
// ★, ★★ and ★★★ is met. Pure: the clock and the titles come in as arguments.
import type { StarEvidence } from './stars/evidence'
import type { Ladder } from './stars/ladder'
import { withoutContained } from './stars/contained'
import { evaluateRequirement } from './stars/registry'
import type { EvaluationContext, RequirementResult } from './stars/requirement-kind'
import type { LocalizedText } from './quiz/schema-parts'

export interface LevelEvaluation {
  level: number
  title: LocalizedText
  approver: 'hall' | 'branch'
  results: RequirementResult[]
}

export interface Eligibility {
  /** 0 when no level is met. */
  highestLevel: number
  /** The level the clerk may apply for now: every requirement up to it met, or deferred to approval. */
  canApplyFor: number | null
  /** The level above the highest met: what it still lacks, and what cannot be shown yet (not yet available). */
  next: { level: number; title: LocalizedText; missing: RequirementResult[]; deferred: RequirementResult[]; unavailable: RequirementResult[] } | null
  levels: LevelEvaluation[]
}

const fallbackTitles: EvaluationContext['titles'] = (_kind, id) => ({ zh: id, en: id })

// A requirement whose evidence provider is absent (mentoring not yet available) is shown as such but does
// not hold the level back: nobody could meet it (docs/decisions/0008-stars-ladder-as-data.md).
const counts = (r: RequirementResult) => r.status === 'met' || r.status === 'unavailable'

const upTo = (levels: LevelEvaluation[], level: number, status: RequirementResult['status']) =>
  withoutContained(levels.slice(0, level).flatMap((l) => l.results.filter((r) => r.status === status)))

export function starEligibility(ladder: Ladder, evidence: StarEvidence, now: Date, titles = fallbackTitles): Eligibility {
  const context = { now, titles }
  const levels = ladder.levels.map(
    (l): LevelEvaluation => ({ level: l.level, title: l.title, approver: l.approver, results: l.requirements.map((r) => evaluateRequirement(r, evidence, context)) }),
  )
  let highestLevel = 0
  while (highestLevel < levels.length && levels[highestLevel].results.every(counts)) highestLevel++
  const following = levels[highestLevel]
  const canApply = following && levels.slice(0, highestLevel + 1).every((l) => l.results.every((r) => counts(r) || r.status === 'deferred'))
  return {
    highestLevel,
    canApplyFor: canApply ? following.level : null,
    next: following ? needsOf(levels, following.level) : null,
    levels,
  }
}

/** What a level needs, counting every level below it (levels are cumulative); null past the top of the ladder. */
function needsOf(levels: LevelEvaluation[], level: number): Eligibility['next'] {
  const target = levels[level - 1]
  if (!target) return null
  return { level, title: target.title, missing: upTo(levels, level, 'missing'), deferred: upTo(levels, level, 'deferred'), unavailable: upTo(levels, level, 'unavailable') }
}

/**
 * The level a clerk's home tells them to work towards, and what it needs. Without a certificate: the level above
 * the highest met (the top one, ready to apply for, once everything is met). A holder: the level above the one
 * held, whatever the evidence meets today (evidence that has lapsed below the held level is listed among its
 * needs, never read as "top level reached"); the held level itself when it falls due for renewal. Null only for
 * a holder of the top level in good standing.
 */
export function workingTowards(eligibility: Eligibility, held: { level: number; renewalDue: boolean } | null): Eligibility['next'] {
  const { levels, highestLevel } = eligibility
  if (!held) return needsOf(levels, Math.min(highestLevel + 1, levels.length))
  return needsOf(levels, held.renewalDue ? held.level : held.level + 1)
}

/**
 * May a certificate at `level` be issued now? Every requirement up to it met; the panel review counts as
 * met when the approval records it (the caller passes evidence with panelReviewed set).
 */
export function meetsLevel(ladder: Ladder, evidence: StarEvidence, level: number, now: Date, titles = fallbackTitles): { ok: true } | { ok: false; missing: RequirementResult[] } {
  const { levels } = starEligibility(ladder, evidence, now, titles)
  const missing = withoutContained(levels.slice(0, level).flatMap((l) => l.results.filter((r) => !counts(r))))
  return missing.length ? { ok: false, missing } : { ok: true }
}
