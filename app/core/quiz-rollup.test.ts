import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { quizRollupAfterClose, quizRollupOf, type AttemptFact } from './quiz-rollup'

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

describe('quizRollupAfterClose: the roll-up before plus one closed attempt', () => {
  const cases: Array<{ name: string; before: AttemptFact[]; closed: { passed: boolean; day: number } }> = [
    { name: 'the first submission, failed', before: [], closed: { passed: false, day: 3 } },
    { name: 'the first submission, passed', before: [open], closed: { passed: true, day: 3 } },
    { name: 'a pass after a fail', before: [submitted(2, false)], closed: { passed: true, day: 3 } },
    { name: 'a fail after a pass: the pass stays', before: [submitted(2, true)], closed: { passed: false, day: 3 } },
    { name: 'a second pass: the first pass stays', before: [submitted(2, true), submitted(3, false)], closed: { passed: true, day: 4 } },
    { name: 'closed at an earlier time (a deadline): last submission kept, first pass moves', before: [submitted(5, true)], closed: { passed: true, day: 4 } },
  ]
  it.each(cases)('$name', ({ before, closed }) => {
    const fact = submitted(closed.day, closed.passed)
    expect(quizRollupAfterClose(quizRollupOf(before), { passed: closed.passed, submittedAt: at(closed.day) })).toEqual(quizRollupOf([...before, fact]))
  })

  it('equals the roll-up recomputed from all attempts, for any attempts before', () => {
    const fact = fc.record({ status: fc.constantFrom('submitted', 'in_progress'), passed: fc.option(fc.boolean(), { nil: null }), day: fc.integer({ min: 1, max: 28 }) })
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 8 }), fc.boolean(), fc.integer({ min: 1, max: 28 }), (facts, passed, day) => {
        const before = facts.map((f) => ({ status: f.status, passed: f.passed, submittedAt: f.status === 'submitted' ? at(f.day) : null }))
        const after = quizRollupAfterClose(quizRollupOf(before), { passed, submittedAt: at(day) })
        expect(after).toEqual(quizRollupOf([...before, submitted(day, passed)]))
      }),
    )
  })
})
