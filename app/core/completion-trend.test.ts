import fc from 'fast-check'
import { courseCompletion } from './completion'
import { completionTrend, weekEnds, type DatedLearnerFacts } from './completion-trend'
import { readRollupOf } from './read-rollup'
import type { CourseShape } from './unit-progress'

type DatedReads = ReadonlyArray<{ courseId: string; slug: string; versionId: string; at: Date }>
type RawLearner = Omit<DatedLearnerFacts, 'readings'> & { reads: DatedReads }

/** The learner as the server gives it: their reads rolled up per course (app/core/read-rollup.ts). */
const rolled = (shapes: readonly CourseShape[]) => (l: RawLearner): DatedLearnerFacts => ({
  ...l,
  readings: new Map(
    shapes.flatMap((c) => {
      const figures = readRollupOf(c.modules, l.reads.filter((r) => r.courseId === c.id))
      return figures ? [[c.id, figures] as const] : []
    }),
  ),
})

const courses: CourseShape[] = [{ id: 'etiquette', modules: [{ slug: 'a', versionId: 'a1' }], quizIds: ['q'] }]
const at = (day: string) => new Date(`${day}T04:00:00Z`)

it('weekEnds: oldest first, ending now, 7 days apart', () => {
  expect(weekEnds(at('2026-06-15'), 3).map((d) => d.toISOString().slice(0, 10))).toEqual(['2026-06-01', '2026-06-08', '2026-06-15'])
})

describe('completionTrend', () => {
  const ends = [at('2026-06-01'), at('2026-06-08'), at('2026-06-15')]
  it.each([
    {
      case: 'read in week 1, passed in week 2: complete from week 2',
      learners: [{ dueDays: new Map([['etiquette', '2026-07-01']]), reads: [{ courseId: 'etiquette', slug: 'a', versionId: 'a1', at: at('2026-05-30') }], passes: [{ quizId: 'q', at: at('2026-06-05') }] }],
      percents: [0, 100, 100],
    },
    {
      case: 'read on an old version only: never complete',
      learners: [{ dueDays: new Map([['etiquette', '2026-07-01']]), reads: [{ courseId: 'etiquette', slug: 'a', versionId: 'a0', at: at('2026-05-30') }], passes: [{ quizId: 'q', at: at('2026-05-31') }] }],
      percents: [0, 0, 0],
    },
    { case: 'nothing assigned: no figure, not 0 %', learners: [{ dueDays: new Map(), reads: [], passes: [] }], percents: [null, null, null] },
    {
      case: 'two learners, one completes in week 3',
      learners: [
        { dueDays: new Map([['etiquette', '2026-07-01']]), reads: [], passes: [] },
        { dueDays: new Map([['etiquette', '2026-07-01']]), reads: [{ courseId: 'etiquette', slug: 'a', versionId: 'a1', at: at('2026-06-10') }], passes: [{ quizId: 'q', at: at('2026-06-11') }] },
      ],
      percents: [0, 0, 50],
    },
  ])('$case', ({ learners, percents }) => expect(completionTrend((learners as RawLearner[]).map(rolled(courses)), courses, ends).map((p) => p.percent)).toEqual(percents))
})

describe('completionTrend from the read roll-up equals completion asked of the raw reads at every week end', () => {
  // the figure week by week, from every dated read at every end: what the roll-up must agree with
  const everyEnd = (learners: RawLearner[], shapes: CourseShape[], ends: Date[]) =>
    ends.map((end) =>
      learners.reduce((sum, l) => {
        const reads = l.reads.filter((r) => r.at <= end)
        const passed = l.passes.filter((p) => p.at <= end).map((p) => p.quizId)
        return (
          sum +
          [...l.dueDays.keys()].filter((id) => {
            const course = shapes.find((c) => c.id === id)
            return course && courseCompletion({ modules: course.modules, reads: reads.filter((r) => r.courseId === id), requiredQuizIds: course.quizIds, passedQuizIds: passed }).complete
          }).length
        )
      }, 0),
    )
  const shapes: CourseShape[] = [
    { id: 'c1', modules: [{ slug: 'a', versionId: 'a1' }, { slug: 'b', versionId: 'b2' }], quizIds: ['q1'] },
    { id: 'c2', modules: [{ slug: 'x', versionId: 'x1' }], quizIds: [] },
  ]
  const day = fc.integer({ min: 0, max: 100 }).map((d) => new Date(Date.UTC(2026, 5, 1) + d * 86_400_000))
  const learner = fc.record({
    dueDays: fc.subarray(['c1', 'c2', 'gone']).map((ids) => new Map(ids.map((id) => [id, '2026-09-01']))),
    reads: fc.array(fc.record({ courseId: fc.constantFrom('c1', 'c2'), slug: fc.constantFrom('a', 'b', 'x'), versionId: fc.constantFrom('a1', 'b1', 'b2', 'x1'), at: day })),
    passes: fc.array(fc.record({ quizId: fc.constantFrom('q1', 'q2'), at: day })),
  })
  it('gives the same figures as asking every week end', () => {
    fc.assert(
      fc.property(fc.array(learner, { maxLength: 6 }), (learners) => {
        const ends = weekEnds(new Date(Date.UTC(2026, 8, 1)), 12)
        expect(completionTrend(learners.map(rolled(shapes)), shapes, ends).map((p) => p.complete)).toEqual(everyEnd(learners, shapes, ends))
      }),
    )
  })
})
