import { applyPeopleFilter, filtersGiven, filterQuery, parsePeopleFilter, UNIT_PARAMS } from './people-filter'
import { learnerRow, type CourseShape, type LearnerFacts } from './unit-progress'

const now = new Date('2026-06-10T04:00:00Z')
const courses: CourseShape[] = [
  { id: 'etiquette', modules: [{ slug: 'a', versionId: 'a1' }], quizIds: [] },
  { id: 'phrasing', modules: [{ slug: 'p', versionId: 'p1' }], quizIds: [] },
]
const facts = (over: Partial<LearnerFacts>): LearnerFacts => ({
  id: over.username ?? 'x', username: 'x', name: 'x', hallCode: 'H01', roles: ['clerk'], hireDate: new Date('2020-01-01'),
  readCounts: new Map(), passedQuizIds: [], quizzesPassed: 0, lastActivity: null, dueDays: new Map(), ...over,
})
const rows = [
  facts({ username: 'clerk01', dueDays: new Map([['etiquette', '2026-06-01']]), readCounts: new Map([['etiquette', 1]]), lastActivity: new Date('2026-06-09') }),
  facts({ username: 'clerk02', dueDays: new Map([['etiquette', '2026-06-01'], ['phrasing', '2026-06-02']]) }),
  facts({ username: 'clerk06', hireDate: new Date('2026-05-01'), dueDays: new Map([['phrasing', '2026-07-01']]), lastActivity: new Date('2026-06-01') }),
  facts({ username: 'mentor01', roles: ['clerk', 'mentor'], dueDays: new Map([['phrasing', '2026-06-01']]) }),
].map((f) => learnerRow(f, courses, now))
const names = (query: string) => {
  const parsed = parsePeopleFilter(new URLSearchParams(query), ['etiquette', 'phrasing'])
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return applyPeopleFilter(rows, parsed.filter).map((r) => r.username)
}

describe('filtering and sorting the people of a hall', () => {
  it.each([
    { query: '', people: ['clerk02', 'mentor01', 'clerk06', 'clerk01'] }, // overdue first (most courses), then least progress
    { query: 'sort=name', people: ['clerk01', 'clerk02', 'clerk06', 'mentor01'] },
    { query: 'role=mentor', people: ['mentor01'] },
    { query: 'newHires=1', people: ['clerk06'] },
    { query: 'overdue=1&sort=name', people: ['clerk02', 'mentor01'] },
    { query: 'course=etiquette&sort=name', people: ['clerk01', 'clerk02'] },
    { query: 'course=phrasing&overdue=1&sort=name', people: ['clerk02', 'mentor01'] }, // overdue on THAT course
    { query: 'sort=activity', people: ['clerk02', 'mentor01', 'clerk06', 'clerk01'] }, // never active first
    { query: 'role=&course=', people: ['clerk02', 'mentor01', 'clerk06', 'clerk01'] }, // empty means any
  ])('?$query → $people', ({ query, people }) => expect(names(query)).toEqual(people))
})

describe('refusing what it does not know', () => {
  it.each([
    { query: 'role=boss', param: 'role' },
    { query: 'overdue=yes', param: 'overdue' },
    { query: 'sort=salary', param: 'sort' },
    { query: 'course=unknown-course', param: 'course' },
    { query: 'course=../../etc', param: 'course' },
    { query: 'shop=H02', param: 'shop' }, // a parameter this page does not have
  ])('?$query names $param', ({ query, param }) => {
    const parsed = parsePeopleFilter(new URLSearchParams(query), ['etiquette'])
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.problems.map((p) => p.param)).toContain(param)
  })
  it('the unit and export format parameters are not filters', () => expect(parsePeopleFilter(new URLSearchParams('format=csv&unit=H01&table=people'), []).ok).toBe(true))
  // hall=, branch=, region= name the unit (checked for scope by the server, decision 0039), as unit= does
  it.each(UNIT_PARAMS)('%s= names a unit, not a filter', (key) => expect(parsePeopleFilter(new URLSearchParams(`${key}=H01&overdue=1`), []).ok).toBe(true))
})

it('filterQuery leaves the default sort out and round-trips', () => {
  expect(filterQuery({ overdue: '1', sort: 'overdue' })).toBe('overdue=1')
  expect(filterQuery({ course: 'etiquette', sort: 'name' })).toBe('course=etiquette&sort=name')
})

it('filtersGiven names the filters of an address, its unit, format, table and empty values aside', () => {
  expect(filtersGiven(new URLSearchParams('table=units&format=csv&hall=H01&overdue=1&role=&x=y'))).toEqual([
    { param: 'overdue', value: '1' },
    { param: 'x', value: 'y' },
  ])
  expect(filtersGiven(new URLSearchParams('table=units&format=csv&unit=B01'))).toEqual([])
})
