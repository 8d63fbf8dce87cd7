// The roles a user can hold and the home page of each.
export const ROLES = ['clerk', 'mentor', 'trainer', 'manager', 'admin'] as const
export type Role = (typeof ROLES)[number]

/** Each role's home, in the order a user with several roles is sent to the first one. */
export const ROLE_HOMES: Record<Role, string> = {
  admin: '/admin',
  manager: '/manage',
  trainer: '/trainer',
  mentor: '/mentor',
  clerk: '/learn',
}

const HOME_ORDER: Role[] = ['clerk', 'mentor', 'trainer', 'manager', 'admin']

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** The roles in a stable order, without repeats. */
export function distinctRoles(roles: readonly Role[]): Role[] {
  return HOME_ORDER.filter((r) => roles.includes(r))
}

/** Where a user lands after signing in: the home of their first role (clerk first, admin last). */
export function homeFor(roles: readonly Role[]): string {
  const first = distinctRoles(roles)[0]
  return first ? ROLE_HOMES[first] : '/login'
}
