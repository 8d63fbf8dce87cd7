import { appliesTo, earliestDue, enclosingPaths } from './assignments'

const now = new Date('2026-06-01T00:00:00Z')
const veteran = { hallPath: '/R01/B01/H01/', roles: ['clerk' as const], hireDate: new Date('2020-01-01') }
const newHire = { hallPath: '/R01/B01/H01/', roles: ['clerk' as const], hireDate: new Date('2026-05-20') }
const mentor = { hallPath: '/R01/B01/H01/', roles: ['clerk' as const, 'mentor' as const], hireDate: new Date('2019-01-01') }
const manager = { hallPath: null, roles: ['manager' as const], hireDate: null }

describe('appliesTo', () => {
  it.each([
    { case: 'hall assignment, clerk of that hall', rule: { unitPath: '/R01/B01/H01/', role: null, newHiresOnly: false }, who: veteran, applies: true },
    { case: 'branch assignment reaches the hall', rule: { unitPath: '/R01/B01/', role: null, newHiresOnly: false }, who: veteran, applies: true },
    { case: 'another branch does not', rule: { unitPath: '/R01/B02/', role: null, newHiresOnly: false }, who: veteran, applies: false },
    { case: 'new hires only: veteran excluded', rule: { unitPath: '/R01/', role: null, newHiresOnly: true }, who: veteran, applies: false },
    { case: 'new hires only: new hire included', rule: { unitPath: '/R01/', role: null, newHiresOnly: true }, who: newHire, applies: true },
    { case: 'mentors only: clerk excluded', rule: { unitPath: '/R01/', role: 'mentor' as const, newHiresOnly: false }, who: veteran, applies: false },
    { case: 'mentors only: mentor included', rule: { unitPath: '/R01/', role: 'mentor' as const, newHiresOnly: false }, who: mentor, applies: true },
    { case: 'someone without a hall', rule: { unitPath: '/R01/', role: null, newHiresOnly: false }, who: manager, applies: false },
    { case: 'named person: that person', rule: { unitPath: '/R01/B01/H01/', role: null, newHiresOnly: false, personId: 'u1' }, who: { ...veteran, id: 'u1' }, applies: true },
    { case: 'named person: a colleague in the same hall is not reached', rule: { unitPath: '/R01/B01/H01/', role: null, newHiresOnly: false, personId: 'u1' }, who: { ...veteran, id: 'u2' }, applies: false },
    { case: 'named new-hire-only rule still reaches the named veteran', rule: { unitPath: '/R01/B01/H01/', role: null, newHiresOnly: true, personId: 'u1' }, who: { ...veteran, id: 'u1' }, applies: true },
  ])('$case → $applies', ({ rule, who, applies }) => expect(appliesTo(rule, who, now)).toBe(applies))
})

it('enclosingPaths lists the hall and every unit above it', () => {
  expect(enclosingPaths('/R01/B01/H01/')).toEqual(['/R01/', '/R01/B01/', '/R01/B01/H01/'])
})

it('earliestDue picks the soonest due day, null when none', () => {
  expect(earliestDue([{ dueDay: '2026-07-01' }, { dueDay: '2026-06-15' }])).toEqual({ dueDay: '2026-06-15' })
  expect(earliestDue([])).toBeNull()
})
