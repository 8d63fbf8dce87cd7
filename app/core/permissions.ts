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

/** May the viewer remind this person of overdue training (催学)? Their managers and admins; not trainers, not peers. */
export function canRemind(viewer: Viewer, person: PersonRef): boolean {
  if (hasRole(viewer, 'admin')) return true
  return person.hallPath !== null && hasRole(viewer, 'manager') && isUnitInScope(viewer, person.hallPath)
}
