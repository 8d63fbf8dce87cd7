import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { quizRollupAfterClose, quizRollupOf, type AttemptFact, type QuizRollupFigures } from './quiz-rollup'
import {
  closeAddition,
  learnerProgressAfterClose,
  learnerProgressOf,
  passedQuizIdsOf,
  readCountsOf,
  sameLearnerProgress,
  StoredPasses,
  StoredReadCounts,
  type QuizRollupFacts,
  type ReadRollupFacts,
} from './learner-progress'

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 2))
const quiz = (quizId: string, passed: boolean, day: number): QuizRollupFacts => ({ quizId, passed, lastSubmittedAt: at(day) })
const read = (courseId: string, n: number, day: number): ReadRollupFacts => ({ courseId, read: n, lastReadAt: at(day) })

describe('learnerProgressOf', () => {
  const cases: Array<{ name: string; quizzes: QuizRollupFacts[]; reads: ReadRollupFacts[]; expected: ReturnType<typeof learnerProgressOf> }> = [
    { name: 'nothing: no row', quizzes: [], reads: [], expected: null },
    { name: 'reads only: last read, counts by course id', quizzes: [], reads: [read('c2', 3, 4), read('c1', 1, 7)], expected: { lastActivityAt: at(7), quizzesPassed: 0, passedQuizIds: '', readCounts: 'c1:1,c2:3' } },
    { name: 'a failed quiz counts as activity, not as passed', quizzes: [quiz('q1', false, 9)], reads: [], expected: { lastActivityAt: at(9), quizzesPassed: 0, passedQuizIds: '', readCounts: '' } },
    {
      name: 'passes and reads: the later of both, the passed ids',
      quizzes: [quiz('q1', true, 3), quiz('q2', false, 5), quiz('q3', true, 2)],
      reads: [read('c1', 4, 4)],
      expected: { lastActivityAt: at(5), quizzesPassed: 2, passedQuizIds: 'q1,q3,', readCounts: 'c1:4' },
    },
    { name: 'a course read at an old version only: 0 read, still activity', quizzes: [], reads: [read('c1', 0, 6)], expected: { lastActivityAt: at(6), quizzesPassed: 0, passedQuizIds: '', readCounts: 'c1:0' } },
  ]
  for (const c of cases) it(c.name, () => expect(learnerProgressOf(c.quizzes, c.reads)).toEqual(c.expected))
})

describe('the stored texts read back', () => {
  it('passed ids', () => {
    expect(passedQuizIdsOf('')).toEqual([])
    expect(passedQuizIdsOf('q1,q-2,')).toEqual(['q1', 'q-2'])
  })
  it('read counts (a course id may hold a colon)', () => {
    expect([...readCountsOf('')]).toEqual([])
    expect([...readCountsOf('c1:3,a:b:0')]).toEqual([['c1', 3], ['a:b', 0]])
    expect([...readCountsOf('c1:12')]).toEqual([['c1', 12]])
    expect([...readCountsOf('etiquette:105,phrasing:0,x:7')]).toEqual([['etiquette', 105], ['phrasing', 0], ['x', 7]])
  })
  it('same facts whatever the order of the ids; other counts differ', () => {
    const a = { lastActivityAt: at(1), quizzesPassed: 2, passedQuizIds: 'q1,q2,', readCounts: 'c1:1' }
    expect(sameLearnerProgress(a, { ...a, passedQuizIds: 'q2,q1,' })).toBe(true)
    expect(sameLearnerProgress(a, { ...a, readCounts: 'c1:2' })).toBe(false)
    expect(sameLearnerProgress(a, { ...a, lastActivityAt: at(2) })).toBe(false)
    expect(sameLearnerProgress(a, { ...a, quizzesPassed: 1 })).toBe(false)
  })
})

describe('the stored texts asked in place answer as the lists and maps read back', () => {
  // ids that are prefixes and suffixes of one another, with colons and dashes: where a naive search would match
  const id = fc.constantFrom('q', 'q1', 'q10', '1', 'a', 'a:b', 'b', 'b:0', 'x-q1', 'q1-x', 'etiquette', 'etiquette-quiz', ':', 'a:')
  it('passed ids', () => {
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 6 }), id, (ids, asked) => {
        const text = ids.map((i) => `${i},`).join('')
        expect(new StoredPasses(text).includes(asked)).toBe(passedQuizIdsOf(text).includes(asked))
      }),
      { numRuns: 3000 },
    )
  })
  it('read counts', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(id, fc.nat(120)), { maxLength: 6, selector: ([courseId]) => courseId }), id, (pairs, asked) => {
        const text = pairs.map(([courseId, n]) => `${courseId}:${n}`).join(',')
        expect(new StoredReadCounts(text).get(asked)).toBe(readCountsOf(text).get(asked))
      }),
      { numRuns: 3000 },
    )
  })
  it.each([
    ['q1,q10,', 'q1', true],
    ['q10,', 'q1', false],
    ['x-q1,', 'q1', false],
    ['', 'q1', false],
  ])('passes %j include %j: %s', (text, asked, expected) => expect(new StoredPasses(text).includes(asked)).toBe(expected))
  it.each([
    ['a:b:3,a:7', 'a', 7],
    ['a:b:3', 'a', undefined],
    ['a:b:3', 'a:b', 3],
    ['etiquette:105,phrasing:0', 'phrasing', 0],
    ['xetiquette:5', 'etiquette', undefined],
  ])('read counts %j of %j: %s', (text, asked, expected) => expect(new StoredReadCounts(text).get(asked)).toBe(expected))
})

describe('a close added to the row equals the recount', () => {
  const cases = [
    { name: 'first submission ever, failed', before: [] as Array<[string, AttemptFact[]]>, close: { quizId: 'q1', passed: false, day: 3 } },
    { name: 'first pass of a quiz', before: [['q1', [{ status: 'submitted', passed: false, submittedAt: at(2) }]]] as Array<[string, AttemptFact[]]>, close: { quizId: 'q1', passed: true, day: 4 } },
    { name: 'a second pass adds nothing to the count', before: [['q1', [{ status: 'submitted', passed: true, submittedAt: at(2) }]]] as Array<[string, AttemptFact[]]>, close: { quizId: 'q1', passed: true, day: 5 } },
    { name: 'a late deadline close older than the last activity', before: [['q2', [{ status: 'submitted', passed: true, submittedAt: at(9) }]]] as Array<[string, AttemptFact[]]>, close: { quizId: 'q1', passed: true, day: 4 } },
  ]
  for (const c of cases) {
    it(c.name, () => expect(afterCloseEqualsRecount(c.before, c.close)).toBe(true))
  }
  it('for any attempts and reads (property)', () => {
    const attempt = fc.record({ quiz: fc.constantFrom('q1', 'q2', 'q3'), passed: fc.boolean(), day: fc.integer({ min: 1, max: 28 }) })
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 12 }), attempt, (history, close) => {
        const byQuiz = new Map<string, AttemptFact[]>()
        for (const h of history) byQuiz.set(h.quiz, [...(byQuiz.get(h.quiz) ?? []), { status: 'submitted', passed: h.passed, submittedAt: at(h.day) }])
        return afterCloseEqualsRecount([...byQuiz], { quizId: close.quiz, passed: close.passed, day: close.day })
      }),
    )
  })
})

/** The row before, the close applied as the SQLite store applies it, against the recount of the roll-ups after it. */
function afterCloseEqualsRecount(before: Array<[string, AttemptFact[]]>, close: { quizId: string; passed: boolean; day: number }): boolean {
  const reads = [read('c1', 2, 6)]
  const rollups = new Map<string, QuizRollupFigures>()
  for (const [quizId, attempts] of before) rollups.set(quizId, quizRollupOf(attempts)!)
  const facts = (m: Map<string, QuizRollupFigures>) => [...m].map(([quizId, f]) => ({ quizId, passed: f.passed, lastSubmittedAt: f.lastSubmittedAt }))
  const rowBefore = learnerProgressOf(facts(rollups), reads)
  const quizBefore = rollups.get(close.quizId) ?? null
  const quizAfter = quizRollupAfterClose(quizBefore, { passed: close.passed, submittedAt: at(close.day) })
  const added = learnerProgressAfterClose(rowBefore, closeAddition(close.quizId, quizBefore?.passed ?? false, quizAfter.passed, at(close.day)))
  rollups.set(close.quizId, quizAfter)
  return sameLearnerProgress(added, learnerProgressOf(facts(rollups), reads)!)
}
