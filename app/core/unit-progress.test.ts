import { readRollupOf } from './read-rollup'
import { courseFigures, groupFigures, learnerRow, percentOf, type CourseShape, type LearnerFacts } from './unit-progress'

const now = new Date('2026-06-10T04:00:00Z') // 10 June, noon in Shanghai
const courses: CourseShape[] = [
  { id: 'etiquette', modules: [{ slug: 'a', versionId: 'a2' }, { slug: 'b', versionId: 'b1' }], quizIds: ['etiquette-quiz'] },
  { id: 'phrasing', modules: [{ slug: 'p', versionId: 'p1' }], quizIds: [] },
]
type Read = { courseId: string; slug: string; versionId: string }
// the reads as the server passes them: rolled up per course against its current modules
const countsOf = (reads: readonly Read[]) =>
  new Map(courses.map((c) => [c.id, readRollupOf(c.modules, reads.filter((r) => r.courseId === c.id).map((r) => ({ ...r, at: new Date(0) })))?.read ?? 0]))
const learner = ({ reads = [], passedQuizIds = [], ...over }: Partial<Omit<LearnerFacts, 'passedQuizIds'>> & { reads?: readonly Read[]; passedQuizIds?: readonly string[] }): LearnerFacts => ({
  id: 'u1', username: 'clerk01', name: '王静', hallCode: 'H01', roles: ['clerk'], hireDate: new Date('2020-01-01'),
  readCounts: countsOf(reads), passedQuizIds, quizzesPassed: passedQuizIds.length, lastActivity: null, dueDays: new Map(), ...over,
})
const allRead = [{ courseId: 'etiquette', slug: 'a', versionId: 'a2' }, { courseId: 'etiquette', slug: 'b', versionId: 'b1' }]

describe('learnerRow', () => {
  it.each([
    { case: 'nothing assigned: nothing counted', facts: {}, assigned: 0, complete: 0, overdue: 0 },
    { case: 'all read and quiz passed: complete, not overdue though past due', facts: { dueDays: new Map([['etiquette', '2026-06-01']]), reads: allRead, passedQuizIds: ['etiquette-quiz'] }, assigned: 1, complete: 1, overdue: 0 },
    { case: 'all read, quiz not passed, past due: overdue', facts: { dueDays: new Map([['etiquette', '2026-06-09']]), reads: allRead }, assigned: 1, complete: 0, overdue: 1 },
    { case: 'due today (Shanghai): not yet overdue', facts: { dueDays: new Map([['etiquette', '2026-06-10']]) }, assigned: 1, complete: 0, overdue: 0 },
    { case: 'read on an older version does not count', facts: { dueDays: new Map([['etiquette', '2026-06-09']]), reads: [{ courseId: 'etiquette', slug: 'a', versionId: 'a1' }, allRead[1]], passedQuizIds: ['etiquette-quiz'] }, assigned: 1, complete: 0, overdue: 1 },
    { case: 'a withdrawn course is not counted', facts: { dueDays: new Map([['gone', '2026-06-01']]) }, assigned: 0, complete: 0, overdue: 0 },
    { case: 'two courses, one done one open', facts: { dueDays: new Map([['etiquette', '2026-07-01'], ['phrasing', '2026-06-01']]), reads: [...allRead, { courseId: 'phrasing', slug: 'p', versionId: 'p1' }] }, assigned: 2, complete: 1, overdue: 0 },
  ])('$case', ({ facts, assigned, complete, overdue }) => {
    const row = learnerRow(learner(facts), courses, now)
    expect({ assigned: row.assigned, complete: row.complete, overdue: row.overdue }).toEqual({ assigned, complete, overdue })
  })

  it('counts modules over assigned courses and orders courses by due day', () => {
    const row = learnerRow(learner({ dueDays: new Map([['etiquette', '2026-07-01'], ['phrasing', '2026-06-01']]), reads: [allRead[0]] }), courses, now)
    expect([row.modulesRead, row.modulesTotal]).toEqual([1, 3])
    expect(row.courses.map((c) => c.courseId)).toEqual(['phrasing', 'etiquette'])
  })
})

describe('courseFigures and groupFigures', () => {
  const rows = [
    learnerRow(learner({ id: 'u1', username: 'clerk01', dueDays: new Map([['etiquette', '2026-06-01']]), reads: allRead, passedQuizIds: ['etiquette-quiz'] }), courses, now),
    learnerRow(learner({ id: 'u2', username: 'clerk02', dueDays: new Map([['etiquette', '2026-06-01']]) }), courses, now),
    learnerRow(learner({ id: 'u3', username: 'clerk03', hallCode: 'H02', dueDays: new Map([['etiquette', '2026-06-01']]) }), courses, now),
    learnerRow(learner({ id: 'u4', username: 'clerk04', hallCode: 'H02' }), courses, now),
  ]
  it('per course: assigned, complete, percent (rounded down), overdue', () => {
    expect(courseFigures(rows)).toEqual([{ courseId: 'etiquette', assigned: 3, complete: 1, percent: 33, overdue: 2 }])
  })
  it.each([
    { key: 'H01', learners: 2, assigned: 2, complete: 1, percent: 50, overdue: 1, overdueLearners: 1 },
    { key: 'H02', learners: 2, assigned: 1, complete: 0, percent: 0, overdue: 1, overdueLearners: 1 },
    { key: 'H09', learners: 0, assigned: 0, complete: 0, percent: null, overdue: 0, overdueLearners: 0 }, // a hall with nobody: no percent, not 0 %
  ])('hall $key', (expected) => {
    expect(groupFigures(rows, (r) => r.hallCode, [expected.key])).toEqual([expected])
  })
  it.each([
    { part: 0, whole: 0, percent: null },
    { part: 2, whole: 3, percent: 66 },
    { part: 3, whole: 3, percent: 100 },
  ])('percentOf($part, $whole) → $percent', ({ part, whole, percent }) => expect(percentOf(part, whole)).toBe(percent))
})
