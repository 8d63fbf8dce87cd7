// What the manager pages count of one learner's attempts at one quiz, rolled up: how many were submitted, whether
// one passed (at any version: course completion counts a pass however the quiz has changed since), the first pass
// and the last submission. Every writer of attempts stores exactly this for the (learner, quiz) it touched, in its
// own transaction, and the rebuild recomputes it from all attempts: both go through this one function.

export interface AttemptFact {
  status: string
  passed: boolean | null
  submittedAt: Date | null
}

export interface QuizRollupFigures {
  submitted: number
  passed: boolean
  firstPassedAt: Date | null
  lastSubmittedAt: Date | null
}

/** The roll-up of a learner's attempts at one quiz; null when none is submitted (nothing to count: no row). */
export function quizRollupOf(attempts: readonly AttemptFact[]): QuizRollupFigures | null {
  let submitted = 0
  let firstPassedAt: Date | null = null
  let lastSubmittedAt: Date | null = null
  for (const attempt of attempts) {
    // an attempt still open (or closed without a time, which the stores never write) counts for nothing yet
    if (attempt.status !== 'submitted' || attempt.submittedAt === null) continue
    submitted++
    const at = attempt.submittedAt
    if (lastSubmittedAt === null || at > lastSubmittedAt) lastSubmittedAt = at
    if (attempt.passed === true && (firstPassedAt === null || at < firstPassedAt)) firstPassedAt = at
  }
  if (submitted === 0) return null
  return { submitted, passed: firstPassedAt !== null, firstPassedAt, lastSubmittedAt }
}

/**
 * The roll-up after one more attempt is closed, from the roll-up before it: what quizRollupOf gives for the attempts
 * before plus this one (a table test and a property test hold them equal). Closing an attempt adds one submission;
 * re-marking one changes an old one, so a re-mark recomputes with quizRollupOf instead.
 */
export function quizRollupAfterClose(before: QuizRollupFigures | null, closed: { passed: boolean; submittedAt: Date }): QuizRollupFigures {
  const at = closed.submittedAt
  const last = before?.lastSubmittedAt ?? null
  const firstPass = before?.firstPassedAt ?? null
  const firstPassedAt = closed.passed && (firstPass === null || at < firstPass) ? at : firstPass
  return { submitted: (before?.submitted ?? 0) + 1, passed: firstPassedAt !== null, firstPassedAt, lastSubmittedAt: last === null || at > last ? at : last }
}
