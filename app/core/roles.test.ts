import { distinctRoles, homeFor, isRole } from './roles'

describe('homeFor', () => {
  it.each([
    { roles: ['clerk'], home: '/learn' },
    { roles: ['mentor', 'clerk'], home: '/learn' },
    { roles: ['trainer'], home: '/trainer' },
    { roles: ['admin', 'manager'], home: '/manage' },
    { roles: ['admin'], home: '/admin' },
    { roles: [], home: '/login' },
  ] as const)('$roles → $home', ({ roles, home }) => expect(homeFor(roles)).toBe(home))

  it('orders and de-duplicates roles', () => {
    expect(distinctRoles(['admin', 'clerk', 'admin', 'mentor'])).toEqual(['clerk', 'mentor', 'admin'])
  })

  it.each([['clerk', true], ['root', false], [3, false]])('isRole(%s) → %s', (v, ok) => expect(isRole(v)).toBe(ok))
})
