// Who may see or do what: the single set of rules every loader and action asks.
// Pure: the viewer and the target come in as plain data (paths of the organisation tree, ids).
import { coveringPaths, isWithin } from './org'
import type { Role } from './roles'

export interface Grant {
  role: Role
  /** For a manager: the path of the unit they manage (hall, branch or region). */
  unitPath: string | null
}

export interface Viewer {
  id: string
  grants: readonly Grant[]
  /** The hall a clerk or mentor works in. */
  hallPath: string | null
  /** People this viewer mentors (filled in by the mentoring capability; empty until then). */
  menteeIds: readonly string[]
}

/** Whose record it is and where that person works. */
export interface PersonRef {
  id: string
  hallPath: string | null
}

/** The areas of the app, one per role home. */
export type Area = 'learn' | 'mentor' | 'trainer' | 'manage' | 'admin' | 'assign'

const AREA_ROLES: Record<Area, readonly Role[]> = {
  learn: ['clerk', 'mentor'],
  mentor: ['mentor'],
  trainer: ['trainer', 'admin'],
  manage: ['manager', 'admin'],
  admin: ['admin'],
  assign: ['trainer', 'manager', 'admin'],
}

export function hasRole(viewer: Viewer, role: Role): boolean {
  return viewer.grants.some((g) => g.role === role)
}

export function canEnter(viewer: Viewer, area: Area): boolean {
  return AREA_ROLES[area].some((role) => hasRole(viewer, role))
}

/** Sees the whole organisation: admins, and trainers who maintain training for everyone. */
export function seesWholeOrganisation(viewer: Viewer): boolean {
  return hasRole(viewer, 'admin') || hasRole(viewer, 'trainer')
}

/**
 * The unit paths whose halls a viewer may see in manager views: everything ("/") for admins and trainers,
 * the managed units for managers, nothing otherwise. Overlapping units collapse to the outermost.
 */
export function unitScopeOf(viewer: Viewer): string[] {
  if (seesWholeOrganisation(viewer)) return ['/']
  const managed = viewer.grants.filter((g) => g.role === 'manager' && g.unitPath).map((g) => g.unitPath as string)
  return coveringPaths(managed)
}

export function isUnitInScope(viewer: Viewer, unitPath: string): boolean {
  return unitScopeOf(viewer).some((scope) => isWithin(unitPath, scope))
}

/** May the viewer read this person's records (progress, attempts, certifications)? */
export function canViewPerson(viewer: Viewer, person: PersonRef): boolean {
  if (viewer.id === person.id) return true
  if (seesWholeOrganisation(viewer)) return true
  if (hasRole(viewer, 'mentor') && viewer.menteeIds.includes(person.id)) return true
  return person.hallPath !== null && hasRole(viewer, 'manager') && isUnitInScope(viewer, person.hallPath)
}

/** May the viewer assign training to everyone in this unit? Managers only within their units. */
export function canAssignTo(viewer: Viewer, unitPath: string): boolean {
  if (hasRole(viewer, 'admin') || hasRole(viewer, 'trainer')) return true
  return hasRole(viewer, 'manager') && isUnitInScope(viewer, unitPath)
}

// ---- Accounts and organisation (people and organisation) ----
// Managers run the clerks and mentors of their own units: add them to one of their halls, move them between
// their halls, deactivate, reset or unlock, grant or remove the mentor role. Everything about trainers,
// managers and admins — and the organisation tree itself — is for admins only.

/** Roles a manager may give or take away, inside their units. */
export const MANAGER_GRANTABLE_ROLES: readonly Role[] = ['mentor']
/** Roles a manager may create an account with. */
const FRONTLINE_ROLES: readonly Role[] = ['clerk', 'mentor']

/** Whose account it is: where they work and what they hold. */
export interface AccountRef extends PersonRef {
  roles: readonly Role[]
}

/** The units a viewer manages as a manager (trainers see everything but manage no one). */
function managedScope(viewer: Viewer): string[] {
  return coveringPaths(viewer.grants.filter((g) => g.role === 'manager' && g.unitPath).map((g) => g.unitPath as string))
}

function managesHall(viewer: Viewer, hallPath: string | null): boolean {
  return hallPath !== null && managedScope(viewer).some((scope) => isWithin(hallPath, scope))
}

/** May the viewer place someone in this hall (a new account, or a move into it)? */
export function canPlaceInHall(viewer: Viewer, hallPath: string): boolean {
  return hasRole(viewer, 'admin') || managesHall(viewer, hallPath)
}

/** May the viewer create an account with these roles in this hall? */
export function canCreateAccount(viewer: Viewer, account: { hallPath: string | null; roles: readonly Role[] }): boolean {
  if (hasRole(viewer, 'admin')) return true
  return account.roles.every((r) => FRONTLINE_ROLES.includes(r)) && managesHall(viewer, account.hallPath)
}

/** May the viewer manage this account: move, deactivate, reset its password, unlock its sign-in? */
export function canManageAccount(viewer: Viewer, account: AccountRef): boolean {
  if (hasRole(viewer, 'admin')) return true
  if (account.id === viewer.id) return false // one's own password is changed, not reset
  if (account.roles.some((r) => !FRONTLINE_ROLES.includes(r))) return false
  return managesHall(viewer, account.hallPath)
}

/** May the viewer move this account to that hall? Both ends must be theirs. */
export function canMoveAccount(viewer: Viewer, account: AccountRef, toHallPath: string): boolean {
  return canManageAccount(viewer, account) && canPlaceInHall(viewer, toHallPath)
}

/** May the viewer give or take this role on this account? */
export function canChangeRole(viewer: Viewer, account: AccountRef, role: Role): boolean {
  if (hasRole(viewer, 'admin')) return true
  return MANAGER_GRANTABLE_ROLES.includes(role) && account.roles.includes('clerk') && canManageAccount(viewer, account)
}

/** Where the viewer may place and manage people: everywhere ("/") for admins, their units for managers. */
export function accountScopeOf(viewer: Viewer): string[] {
  return hasRole(viewer, 'admin') ? ['/'] : managedScope(viewer)
}

/** The audit log: admins read all of it, managers the entries about their units. */
export function auditScopeOf(viewer: Viewer): string[] {
  return accountScopeOf(viewer)
}

/** Regions, branches and halls are created, renamed, moved and closed by admins. */
export function canChangeOrganisation(viewer: Viewer): boolean {
  return hasRole(viewer, 'admin')
}

/**
 * May the viewer approve a star certificate for a clerk of this hall? Levels the ladder gives to the hall
 * (★–★★★ by default) need a manager whose unit covers the hall; levels given to the branch (★★★★, ★★★★★)
 * need a manager of the hall's branch or region. Admins may approve any.
 */
export function canApproveStar(viewer: Viewer, hallPath: string, approver: 'hall' | 'branch'): boolean {
  if (hasRole(viewer, 'admin')) return true
  return viewer.grants.some(
    (g) => g.role === 'manager' && g.unitPath !== null && isWithin(hallPath, g.unitPath) && (approver === 'hall' || g.unitPath.split('/').filter(Boolean).length <= 2),
  )
}

/** May the viewer nominate, revoke or pick 服务明星 for people of this hall? Managers in scope and admins. */
export function canManageStarsOf(viewer: Viewer, hallPath: string): boolean {
  if (hasRole(viewer, 'admin')) return true
  return hasRole(viewer, 'manager') && isUnitInScope(viewer, hallPath)
}
/** May the viewer run pairings (pair, extend, reassign, see flags) for a mentee in this hall? Trainers and
 * admins everywhere, managers within their units. */
export function canManagePairingsIn(viewer: Viewer, hallPath: string): boolean {
  if (hasRole(viewer, 'admin') || hasRole(viewer, 'trainer')) return true
  return hasRole(viewer, 'manager') && isUnitInScope(viewer, hallPath)
}

/** May the viewer open one pairing's page? Its mentor, its mentee, and whoever runs pairings in the mentee's hall. */
export function canViewPairing(viewer: Viewer, pairing: { mentorId: string; menteeId: string; hallPath: string | null }): boolean {
  if (viewer.id === pairing.mentorId || viewer.id === pairing.menteeId) return true
  return pairing.hallPath !== null && canManagePairingsIn(viewer, pairing.hallPath)
}

/** May the viewer remind this person of overdue training (催学)? Their managers and admins; not trainers, not peers. */
export function canRemind(viewer: Viewer, person: PersonRef): boolean {
  if (hasRole(viewer, 'admin')) return true
  return person.hallPath !== null && hasRole(viewer, 'manager') && isUnitInScope(viewer, person.hallPath)
}

// ---- Authoring studio (issue #21) ----

/**
 * May the viewer author (draft, publish, restore) content of this course? Trainers and admins; a trainer an
 * admin has limited to some courses (`limitedTo` non-empty) only those. `courseId` null: a file that names no
 * course yet (a new quiz or scenario), which only an unlimited author may create.
 */
export function canAuthorCourse(viewer: Viewer, courseId: string | null, limitedTo: readonly string[]): boolean {
  if (hasRole(viewer, 'admin')) return true
  if (!hasRole(viewer, 'trainer')) return false
  if (limitedTo.length === 0) return true
  return courseId !== null && limitedTo.includes(courseId)
}

/** Only admins limit trainers to courses. */
export function canLimitAuthors(viewer: Viewer): boolean {
  return hasRole(viewer, 'admin')
}
