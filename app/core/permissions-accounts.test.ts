// The account rules as a table: who may create, move, manage and change roles of whom.
import {
  auditScopeOf,
  canChangeOrganisation,
  canChangeRole,
  canCreateAccount,
  canManageAccount,
  canMoveAccount,
  type AccountRef,
  type Viewer,
} from './permissions'
import type { Role } from './roles'

const H01 = '/R01/B01/H01/'
const H02 = '/R01/B01/H02/'
const H03 = '/R01/B02/H03/'
const H05 = '/R02/B03/H05/'

function viewer(roles: Array<Role | [Role, string]>, id = 'me'): Viewer {
  return { id, hallPath: null, menteeIds: [], grants: roles.map((r) => (Array.isArray(r) ? { role: r[0], unitPath: r[1] } : { role: r, unitPath: null })) }
}
const hallManager = viewer([['manager', H01]])
const branchManager = viewer([['manager', '/R01/B01/']])
const trainer = viewer(['trainer'])
const admin = viewer(['admin'])
const clerkIn = (hallPath: string | null, roles: Role[] = ['clerk'], id = 'c1'): AccountRef => ({ id, hallPath, roles })

describe('canCreateAccount', () => {
  it.each([
    { who: 'hall manager', v: hallManager, hall: H01, roles: ['clerk'], allowed: true },
    { who: 'hall manager', v: hallManager, hall: H01, roles: ['clerk', 'mentor'], allowed: true },
    { who: 'hall manager', v: hallManager, hall: H02, roles: ['clerk'], allowed: false }, // another hall
    { who: 'hall manager', v: hallManager, hall: H01, roles: ['trainer'], allowed: false }, // a trainer role
    { who: 'hall manager', v: hallManager, hall: H01, roles: ['manager'], allowed: false },
    { who: 'hall manager', v: hallManager, hall: null, roles: ['clerk'], allowed: false },
    { who: 'branch manager', v: branchManager, hall: H02, roles: ['clerk'], allowed: true },
    { who: 'branch manager', v: branchManager, hall: H03, roles: ['clerk'], allowed: false },
    { who: 'trainer', v: trainer, hall: H01, roles: ['clerk'], allowed: false }, // sees everything, manages no one
    { who: 'admin', v: admin, hall: H05, roles: ['clerk', 'mentor'], allowed: true },
    { who: 'admin', v: admin, hall: null, roles: ['trainer'], allowed: true },
  ] as const)('$who creating $roles in $hall → $allowed', ({ v, hall, roles, allowed }) =>
    expect(canCreateAccount(v, { hallPath: hall, roles })).toBe(allowed))
})

describe('canManageAccount (move, deactivate, reset, unlock)', () => {
  it.each([
    { who: 'hall manager', v: hallManager, target: clerkIn(H01), allowed: true },
    { who: 'hall manager', v: hallManager, target: clerkIn(H01, ['clerk', 'mentor']), allowed: true },
    { who: 'hall manager', v: hallManager, target: clerkIn(H02), allowed: false },
    { who: 'hall manager', v: hallManager, target: clerkIn(H01, ['admin']), allowed: false }, // resetting an admin
    { who: 'hall manager', v: hallManager, target: clerkIn(H01, ['manager']), allowed: false },
    { who: 'hall manager', v: hallManager, target: clerkIn(H01, ['trainer']), allowed: false },
    { who: 'hall manager', v: hallManager, target: clerkIn(H01, ['clerk'], 'me'), allowed: false }, // themselves
    { who: 'branch manager', v: branchManager, target: clerkIn(H02), allowed: true },
    { who: 'branch manager', v: branchManager, target: clerkIn(H05), allowed: false },
    { who: 'trainer', v: trainer, target: clerkIn(H01), allowed: false },
    { who: 'admin', v: admin, target: clerkIn(null, ['admin'], 'other-admin'), allowed: true },
  ])('$who managing $target.roles in $target.hallPath → $allowed', ({ v, target, allowed }) =>
    expect(canManageAccount(v, target)).toBe(allowed))
})

describe('canMoveAccount', () => {
  it.each([
    { who: 'branch manager', v: branchManager, from: H01, to: H02, allowed: true },
    { who: 'branch manager', v: branchManager, from: H01, to: H03, allowed: false }, // outside their scope
    { who: 'branch manager', v: branchManager, from: H03, to: H01, allowed: false }, // from outside
    { who: 'hall manager', v: hallManager, from: H01, to: H02, allowed: false },
    { who: 'admin', v: admin, from: H01, to: H05, allowed: true },
  ])('$who moving a clerk $from → $to: $allowed', ({ v, from, to, allowed }) =>
    expect(canMoveAccount(v, clerkIn(from), to)).toBe(allowed))
})

describe('canChangeRole', () => {
  it.each([
    { who: 'hall manager', v: hallManager, role: 'mentor', target: clerkIn(H01), allowed: true },
    { who: 'hall manager', v: hallManager, role: 'mentor', target: clerkIn(H02), allowed: false },
    { who: 'hall manager', v: hallManager, role: 'trainer', target: clerkIn(H01), allowed: false }, // granting a trainer role
    { who: 'hall manager', v: hallManager, role: 'manager', target: clerkIn(H01), allowed: false },
    { who: 'hall manager', v: hallManager, role: 'admin', target: clerkIn(H01), allowed: false },
    { who: 'hall manager', v: hallManager, role: 'clerk', target: clerkIn(H01), allowed: false },
    { who: 'admin', v: admin, role: 'trainer', target: clerkIn(H01), allowed: true },
    { who: 'admin', v: admin, role: 'manager', target: clerkIn(H01), allowed: true },
  ] as const)('$who changing $role of a clerk in $target.hallPath → $allowed', ({ v, role, target, allowed }) =>
    expect(canChangeRole(v, target, role)).toBe(allowed))
})

it.each([
  { who: 'admin', v: admin, scope: ['/'] },
  { who: 'branch and hall manager', v: viewer([['manager', '/R01/B01/'], ['manager', H01], ['manager', H05]]), scope: ['/R01/B01/', H05] },
  { who: 'trainer', v: trainer, scope: [] },
  { who: 'clerk', v: viewer(['clerk']), scope: [] },
])('the audit log a $who reads covers $scope', ({ v, scope }) => expect(auditScopeOf(v)).toEqual(scope))

it('only admins change the organisation', () => {
  expect([admin, branchManager, trainer].map(canChangeOrganisation)).toEqual([true, false, false])
})
