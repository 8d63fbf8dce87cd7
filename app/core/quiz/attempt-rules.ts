// Owns when a clerk may start a quiz attempt (limit, delay, one at a time) and when a timed attempt closes.

const MINUTE = 60_000

export interface AttemptRules {
  attemptsAllowed: number // 0 = unlimited
  minDelayMinutes: number // from the end of one attempt to the start of the next
  timeLimitMinutes?: number | null
}

export interface PreviousAttempt {
  startedAt: Date
  submittedAt: Date | null
}

export type StartVerdict =
  | { allowed: true }
  | { allowed: false; reason: 'limit' | 'delay' | 'in-progress'; nextAllowedAt: Date | null }

/** When a timed attempt closes; null without a time limit. */
export function deadlineOf(startedAt: Date, timeLimitMinutes: number | null | undefined): Date | null {
  return timeLimitMinutes === null || timeLimitMinutes === undefined
    ? null
    : new Date(startedAt.getTime() + timeLimitMinutes * MINUTE)
}

/** True from the deadline on: at the deadline itself the attempt is closed. */
export function isPastDeadline(attempt: { startedAt: Date; timeLimitMinutes?: number | null }, now: Date): boolean {
  const deadline = deadlineOf(attempt.startedAt, attempt.timeLimitMinutes)
  return deadline !== null && now.getTime() >= deadline.getTime()
}

/** The time an attempt closed by `now` counts as submitted at: its deadline when that has passed, else `now`. */
export function closingTime(attempt: { startedAt: Date; timeLimitMinutes?: number | null }, now: Date): Date {
  const deadline = deadlineOf(attempt.startedAt, attempt.timeLimitMinutes)
  return deadline !== null && now.getTime() >= deadline.getTime() ? deadline : now
}

// An unsubmitted timed attempt ends at its deadline (the server scores it then); an untimed one has not ended.
function endOf(attempt: PreviousAttempt, timeLimitMinutes: number | null | undefined): Date | null {
  return attempt.submittedAt ?? deadlineOf(attempt.startedAt, timeLimitMinutes)
}

/**
 * May the clerk start another attempt at `now`? An attempt still open (unsubmitted, before any deadline) must be
 * finished first; every attempt started counts toward the limit; the delay runs from the end of the latest one,
 * and at exactly that moment a new attempt is allowed. A refusal says when the next attempt is allowed (null: never,
 * or not until the open attempt is submitted).
 */
export function canStartAttempt(rules: AttemptRules, previous: readonly PreviousAttempt[], now: Date): StartVerdict {
  const limitReached = rules.attemptsAllowed > 0 && previous.length >= rules.attemptsAllowed
  const ends = previous.map((attempt) => endOf(attempt, rules.timeLimitMinutes))
  const open = previous.filter((attempt, index) => {
    const end = ends[index]
    return attempt.submittedAt === null && (end === null || now.getTime() < end.getTime())
  })
  const afterDelay = (end: Date) => new Date(end.getTime() + rules.minDelayMinutes * MINUTE)
  if (open.length > 0) {
    const openEnds = open.map((attempt) => endOf(attempt, rules.timeLimitMinutes))
    const untimed = openEnds.some((end) => end === null)
    const lastEnd = Math.max(...openEnds.map((end) => end?.getTime() ?? 0))
    return {
      allowed: false,
      reason: 'in-progress',
      nextAllowedAt: limitReached || untimed ? null : afterDelay(new Date(lastEnd)),
    }
  }
  if (limitReached) return { allowed: false, reason: 'limit', nextAllowedAt: null }
  const lastEnd = Math.max(...ends.map((end) => end?.getTime() ?? Number.NEGATIVE_INFINITY))
  if (Number.isFinite(lastEnd)) {
    const nextAllowedAt = afterDelay(new Date(lastEnd))
    if (now.getTime() < nextAllowedAt.getTime()) return { allowed: false, reason: 'delay', nextAllowedAt }
  }
  return { allowed: true }
}
