import { completionTrend, weekEnds } from './completion-trend'
import type { CourseShape } from './unit-progress'

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
  ])('$case', ({ learners, percents }) => expect(completionTrend(learners, courses, ends).map((p) => p.percent)).toEqual(percents))
})
