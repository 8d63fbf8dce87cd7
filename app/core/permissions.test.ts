import { canApproveStar, canAssignTo, canEnter, canManagePairingsIn, canManageStarsOf, canRemind, canViewPairing, canViewPerson, unitScopeOf, type Area, type Viewer } from './permissions'
import type { Role } from './roles'

// Organisation used by every row: region R01 → branches B01, B02 → halls H01 (in B01), H03 (in B02);
// region R02 → branch B03 → hall H05.
const H01 = '/R01/B01/H01/'
const H03 = '/R01/B02/H03/'
const H05 = '/R02/B03/H05/'

function viewer(roles: Array<Role | [Role, string]>, extra: Partial<Viewer> = {}): Viewer {
  return {
    id: 'me',
    hallPath: H01,
    menteeIds: [],
    grants: roles.map((r) => (Array.isArray(r) ? { role: r[0], unitPath: r[1] } : { role: r, unitPath: null })),
    ...extra,
  }
}

describe('canViewPerson', () => {
  it.each([
    { who: 'clerk', v: viewer(['clerk']), target: { id: 'me', hallPath: H01 }, allowed: true },
    { who: 'clerk', v: viewer(['clerk']), target: { id: 'other', hallPath: H01 }, allowed: false },
    { who: 'clerk', v: viewer(['clerk']), target: { id: 'other', hallPath: H05 }, allowed: false },
    { who: 'mentor', v: viewer(['clerk', 'mentor'], { menteeIds: ['new1'] }), target: { id: 'new1', hallPath: H01 }, allowed: true },
    { who: 'mentor', v: viewer(['clerk', 'mentor'], { menteeIds: ['new1'] }), target: { id: 'other', hallPath: H01 }, allowed: false },
    { who: 'hall manager', v: viewer([['manager', H01]]), target: { id: 'c', hallPath: H01 }, allowed: true },
    { who: 'hall manager', v: viewer([['manager', H01]]), target: { id: 'c', hallPath: H03 }, allowed: false },
    { who: 'branch manager', v: viewer([['manager', '/R01/B01/']]), target: { id: 'c', hallPath: H01 }, allowed: true },
    { who: 'branch manager', v: viewer([['manager', '/R01/B01/']]), target: { id: 'c', hallPath: H03 }, allowed: false },
    { who: 'region manager', v: viewer([['manager', '/R01/']]), target: { id: 'c', hallPath: H03 }, allowed: true },
    { who: 'region manager', v: viewer([['manager', '/R01/']]), target: { id: 'c', hallPath: H05 }, allowed: false },
    { who: 'region manager', v: viewer([['manager', '/R01/']]), target: { id: 'c', hallPath: null }, allowed: false },
    { who: 'trainer', v: viewer(['trainer']), target: { id: 'c', hallPath: H05 }, allowed: true },
    { who: 'admin', v: viewer(['admin']), target: { id: 'c', hallPath: null }, allowed: true },
    { who: 'no role', v: viewer([]), target: { id: 'c', hallPath: H01 }, allowed: false },
  ])('$who viewing $target.id in $target.hallPath → $allowed', ({ v, target, allowed }) => {
    expect(canViewPerson(v, target)).toBe(allowed)
  })

  it('a manager path that is a prefix of another code does not leak (H1 vs H10)', () => {
    const v = viewer([['manager', '/R01/B01/H1/']])
    expect(canViewPerson(v, { id: 'c', hallPath: '/R01/B01/H10/' })).toBe(false)
  })
})

describe('canEnter', () => {
  const rows: Array<{ roles: Array<Role | [Role, string]>; area: Area; allowed: boolean }> = [
    { roles: ['clerk'], area: 'learn', allowed: true },
    { roles: ['clerk'], area: 'manage', allowed: false },
    { roles: ['clerk'], area: 'mentor', allowed: false },
    { roles: ['clerk'], area: 'admin', allowed: false },
    { roles: ['clerk', 'mentor'], area: 'mentor', allowed: true },
    { roles: ['trainer'], area: 'trainer', allowed: true },
    { roles: ['trainer'], area: 'manage', allowed: false },
    { roles: [['manager', H01]], area: 'manage', allowed: true },
    { roles: [['manager', H01]], area: 'learn', allowed: false },
    { roles: [['manager', H01]], area: 'admin', allowed: false },
    { roles: ['admin'], area: 'admin', allowed: true },
    { roles: ['admin'], area: 'manage', allowed: true },
    { roles: [], area: 'learn', allowed: false },
    { roles: ['clerk', 'mentor'], area: 'assign', allowed: false },
    { roles: ['trainer'], area: 'assign', allowed: true },
    { roles: [['manager', H01]], area: 'assign', allowed: true },
  ]
  it.each(rows)('$roles → $area: $allowed', ({ roles, area, allowed }) => {
    expect(canEnter(viewer(roles), area)).toBe(allowed)
  })
})

describe('unitScopeOf', () => {
  it.each([
    { roles: ['clerk'] as Array<Role | [Role, string]>, scope: [] },
    { roles: [['manager', H01]] as Array<Role | [Role, string]>, scope: [H01] },
    { roles: [['manager', '/R01/'], ['manager', H01]] as Array<Role | [Role, string]>, scope: ['/R01/'] },
    { roles: [['manager', H05], ['manager', H01]] as Array<Role | [Role, string]>, scope: [H01, H05] },
    { roles: ['admin'] as Array<Role | [Role, string]>, scope: ['/'] },
    { roles: ['trainer'] as Array<Role | [Role, string]>, scope: ['/'] },
  ])('$roles → $scope', ({ roles, scope }) => {
    expect(unitScopeOf(viewer(roles)).sort()).toEqual([...scope].sort())
  })
})

describe('canAssignTo', () => {
  it.each([
    { roles: [['manager', '/R01/B01/']] as Array<Role | [Role, string]>, unit: H01, allowed: true },
    { roles: [['manager', '/R01/B01/']] as Array<Role | [Role, string]>, unit: '/R01/', allowed: false },
    { roles: [['manager', '/R01/B01/']] as Array<Role | [Role, string]>, unit: H03, allowed: false },
    { roles: ['trainer'] as Array<Role | [Role, string]>, unit: '/R02/', allowed: true },
    { roles: ['clerk'] as Array<Role | [Role, string]>, unit: H01, allowed: false },
  ])('$roles assigning to $unit → $allowed', ({ roles, unit, allowed }) => {
    expect(canAssignTo(viewer(roles), unit)).toBe(allowed)
  })
})

describe('star approvals and certificate management', () => {
  it.each([
    { who: 'hall manager, ★–★★★ in own hall', v: viewer([['manager', H01]]), hall: H01, approver: 'hall', allowed: true },
    { who: 'hall manager, ★★★★ in own hall', v: viewer([['manager', H01]]), hall: H01, approver: 'branch', allowed: false },
    { who: 'hall manager, another hall', v: viewer([['manager', H01]]), hall: H03, approver: 'hall', allowed: false },
    { who: 'branch manager, ★★★★ under the branch', v: viewer([['manager', '/R01/B01/']]), hall: H01, approver: 'branch', allowed: true },
    { who: 'branch manager, ★ under the branch', v: viewer([['manager', '/R01/B01/']]), hall: H01, approver: 'hall', allowed: true },
    { who: 'branch manager, another branch', v: viewer([['manager', '/R01/B01/']]), hall: H03, approver: 'branch', allowed: false },
    { who: 'region manager, ★★★★★ in the region', v: viewer([['manager', '/R01/']]), hall: H03, approver: 'branch', allowed: true },
    { who: 'clerk', v: viewer(['clerk']), hall: H01, approver: 'hall', allowed: false },
    { who: 'trainer', v: viewer(['trainer']), hall: H01, approver: 'hall', allowed: false },
    { who: 'admin', v: viewer(['admin']), hall: H05, approver: 'branch', allowed: true },
  ] as const)('$who → $allowed', ({ v, hall, approver, allowed }) => {
    expect(canApproveStar(v, hall, approver)).toBe(allowed)
  })

  it.each([
    { who: 'hall manager, own hall', v: viewer([['manager', H01]]), hall: H01, allowed: true },
    { who: 'hall manager, other hall', v: viewer([['manager', H01]]), hall: H05, allowed: false },
    { who: 'clerk', v: viewer(['clerk']), hall: H01, allowed: false },
    { who: 'trainer', v: viewer(['trainer']), hall: H01, allowed: false },
  ])('manage stars: $who → $allowed', ({ v, hall, allowed }) => expect(canManageStarsOf(v, hall)).toBe(allowed))
})

describe('canManagePairingsIn (pair, extend, reassign, read the flags)', () => {
  it.each([
    { who: 'trainer, any hall', v: viewer(['trainer']), hall: H05, allowed: true },
    { who: 'admin, any hall', v: viewer(['admin']), hall: H05, allowed: true },
    { who: 'hall manager, own hall', v: viewer([['manager', H01]]), hall: H01, allowed: true },
    { who: 'hall manager, another hall', v: viewer([['manager', H01]]), hall: H03, allowed: false },
    { who: 'branch manager, a hall of the branch', v: viewer([['manager', '/R01/B01/']]), hall: H01, allowed: true },
    { who: 'mentor', v: viewer(['clerk', 'mentor']), hall: H01, allowed: false },
    { who: 'clerk', v: viewer(['clerk']), hall: H01, allowed: false },
  ])('$who → $allowed', ({ v, hall, allowed }) => expect(canManagePairingsIn(v, hall)).toBe(allowed))
})

describe('canViewPairing', () => {
  const pairing = { mentorId: 'mentor01', menteeId: 'clerk06', hallPath: H01 }
  it.each([
    { who: 'its mentor', v: viewer(['clerk', 'mentor'], { id: 'mentor01' }), allowed: true },
    { who: 'its mentee', v: viewer(['clerk'], { id: 'clerk06' }), allowed: true },
    { who: 'another mentor', v: viewer(['clerk', 'mentor'], { id: 'mentor02' }), allowed: false },
    { who: 'a clerk of the same hall', v: viewer(['clerk'], { id: 'clerk01' }), allowed: false },
    { who: 'the hall manager', v: viewer([['manager', H01]]), allowed: true },
    { who: 'the manager of another hall', v: viewer([['manager', H03]]), allowed: false },
    { who: 'a trainer', v: viewer(['trainer']), allowed: true },
  ])('$who → $allowed', ({ v, allowed }) => expect(canViewPairing(v, pairing)).toBe(allowed))
})

describe('canRemind (催学)', () => {
  it.each([
    { who: 'hall manager, own hall', v: viewer([['manager', H01]]), target: { id: 'c', hallPath: H01 }, allowed: true },
    { who: 'hall manager, other hall', v: viewer([['manager', H01]]), target: { id: 'c', hallPath: H03 }, allowed: false },
    { who: 'branch manager, hall of the branch', v: viewer([['manager', '/R01/B01/']]), target: { id: 'c', hallPath: H01 }, allowed: true },
    { who: 'region manager, other region', v: viewer([['manager', '/R01/']]), target: { id: 'c', hallPath: H05 }, allowed: false },
    { who: 'trainer (sees all, reminds nobody)', v: viewer(['trainer']), target: { id: 'c', hallPath: H01 }, allowed: false },
    { who: 'clerk, colleague', v: viewer(['clerk']), target: { id: 'c', hallPath: H01 }, allowed: false },
    { who: 'admin', v: viewer(['admin']), target: { id: 'c', hallPath: H05 }, allowed: true },
    { who: 'manager, person without a hall', v: viewer([['manager', '/R01/']]), target: { id: 'c', hallPath: null }, allowed: false },
  ])('$who → $allowed', ({ v, target, allowed }) => expect(canRemind(v, target)).toBe(allowed))
})
