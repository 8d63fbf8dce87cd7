// Who an assignment applies to: everyone whose hall lies in the unit, optionally only one role or new hires.
// Evaluated when read, so people who join the unit later are included.
import { isWithin } from './org'
import { isNewHire } from './people'
import type { Role } from './roles'

export interface AssignmentRule {
  unitPath: string
  role: Role | null
  newHiresOnly: boolean
  /** Assigned to this one person by name: then only they are reached (unit, role and new-hire rules aside). */
  personId?: string | null
}

export interface Learner {
  id?: string
  hallPath: string | null
  roles: readonly Role[]
  hireDate: Date | null
}

export function appliesTo(assignment: AssignmentRule, learner: Learner, now: Date): boolean {
  if (assignment.personId) return assignment.personId === learner.id
  if (!learner.hallPath || !isWithin(learner.hallPath, assignment.unitPath)) return false
  if (assignment.role && !learner.roles.includes(assignment.role)) return false
  if (assignment.newHiresOnly && !isNewHire(learner.hireDate, now)) return false
  return true
}

/** The unit paths an assignment may sit on for a learner in this hall: the hall and every unit above it. */
export function enclosingPaths(hallPath: string): string[] {
  const parts = hallPath.split('/').filter(Boolean)
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`)
}

/** Of several assignments of one course, the one that counts for a learner: the earliest due day. */
export function earliestDue<T extends { dueDay: string }>(assignments: readonly T[]): T | null {
  return assignments.reduce<T | null>((best, a) => (!best || a.dueDay < best.dueDay ? a : best), null)
}
