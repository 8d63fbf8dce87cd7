import { courseCompletion } from './completion'

const modules = [
  { slug: 'a', versionId: 'a2' },
  { slug: 'b', versionId: 'b1' },
]

describe('courseCompletion', () => {
  it.each([
    { case: 'nothing read', reads: [], quizzes: [], passed: [], percent: 0, complete: false },
    { case: 'one of two read', reads: [{ slug: 'b', versionId: 'b1' }], quizzes: [], passed: [], percent: 50, complete: false },
    {
      case: 'both read, no quiz required',
      reads: [{ slug: 'a', versionId: 'a2' }, { slug: 'b', versionId: 'b1' }],
      quizzes: [],
      passed: [],
      percent: 100,
      complete: true,
    },
    {
      case: 'both read, required quiz not passed',
      reads: [{ slug: 'a', versionId: 'a2' }, { slug: 'b', versionId: 'b1' }],
      quizzes: ['q'],
      passed: [],
      percent: 100,
      complete: false,
    },
    {
      case: 'both read, required quiz passed',
      reads: [{ slug: 'a', versionId: 'a2' }, { slug: 'b', versionId: 'b1' }],
      quizzes: ['q'],
      passed: ['q', 'other'],
      percent: 100,
      complete: true,
    },
    {
      case: 'a read on an older version only',
      reads: [{ slug: 'a', versionId: 'a1' }, { slug: 'b', versionId: 'b1' }],
      quizzes: [],
      passed: [],
      percent: 50,
      complete: false,
    },
  ])('$case → $percent%, complete=$complete', (c) => {
    const result = courseCompletion({ modules, reads: c.reads, requiredQuizIds: c.quizzes, passedQuizIds: c.passed })
    expect(result.percent).toBe(c.percent)
    expect(result.complete).toBe(c.complete)
  })

  it('marks a module read on an older version as updated', () => {
    const result = courseCompletion({ modules, reads: [{ slug: 'a', versionId: 'a1' }], requiredQuizIds: [], passedQuizIds: [] })
    expect(result.states).toEqual({ a: 'updated', b: 'unread' })
  })

  it('a course with no modules is never complete', () => {
    expect(courseCompletion({ modules: [], reads: [], requiredQuizIds: [], passedQuizIds: [] }).complete).toBe(false)
  })

  it('rounds the percentage down (2 of 3 is 66%, never 67% before it is true)', () => {
    const three = [...modules, { slug: 'c', versionId: 'c1' }]
    const reads = [{ slug: 'a', versionId: 'a2' }, { slug: 'b', versionId: 'b1' }]
    expect(courseCompletion({ modules: three, reads, requiredQuizIds: [], passedQuizIds: [] }).percent).toBe(66)
  })
})
