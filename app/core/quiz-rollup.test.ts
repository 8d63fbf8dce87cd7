import { describe, expect, it } from 'vitest'
import { quizRollupOf, type AttemptFact } from './quiz-rollup'

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 2))
const submitted = (day: number, passed: boolean | null): AttemptFact => ({ status: 'submitted', passed, submittedAt: at(day) })
const open: AttemptFact = { status: 'in_progress', passed: null, submittedAt: null }

describe('quizRollupOf', () => {
  const cases: Array<{ name: string; attempts: AttemptFact[]; expected: ReturnType<typeof quizRollupOf> }> = [
    { name: 'no attempts: no row', attempts: [], expected: null },
    { name: 'only an open attempt: no row', attempts: [open], expected: null },
    { name: 'one failed submission', attempts: [submitted(3, false)], expected: { submitted: 1, passed: false, firstPassedAt: null, lastSubmittedAt: at(3) } },
    { name: 'one pass', attempts: [submitted(3, true)], expected: { submitted: 1, passed: true, firstPassedAt: at(3), lastSubmittedAt: at(3) } },
    {
      name: 'fail, pass, fail: first pass kept, last submission is the last fail',
      attempts: [submitted(1, false), submitted(4, true), submitted(9, false)],
      expected: { submitted: 3, passed: true, firstPassedAt: at(4), lastSubmittedAt: at(9) },
    },
    {
      name: 'order of rows does not matter: earliest pass, latest submission',
      attempts: [submitted(9, true), submitted(2, true), submitted(5, false)],
      expected: { submitted: 3, passed: true, firstPassedAt: at(2), lastSubmittedAt: at(9) },
    },
    {
      name: 'an open attempt beside submitted ones is not counted',
      attempts: [submitted(2, false), open],
      expected: { submitted: 1, passed: false, firstPassedAt: null, lastSubmittedAt: at(2) },
    },
    { name: 'a submitted attempt not yet scored (passed null) counts as submitted, not passed', attempts: [submitted(6, null)], expected: { submitted: 1, passed: false, firstPassedAt: null, lastSubmittedAt: at(6) } },
    { name: 'submitted without a time is not counted', attempts: [{ status: 'submitted', passed: true, submittedAt: null }], expected: null },
    {
      name: 'a re-mark that turns the only pass into a fail: not passed any more',
      attempts: [submitted(3, false), submitted(5, false)],
      expected: { submitted: 2, passed: false, firstPassedAt: null, lastSubmittedAt: at(5) },
    },
  ]
  it.each(cases)('$name', ({ attempts, expected }) => {
    expect(quizRollupOf(attempts)).toEqual(expected)
  })
})
