// Assigning courses to units: the units and courses a trainer or manager may choose, the list, creation,
// and which assignments reach a learner.
import { appliesTo, earliestDue, enclosingPaths, type Learner } from '~/core/assignments'
import { isCalendarDay } from '~/core/dates'
import { isValidDueDay } from '~/core/overdue'
import { isRole } from '~/core/roles'
import { canAssignTo, unitScopeOf, type Viewer } from '~/core/permissions'
import { isUniqueViolation, prisma } from './db.server'
import { preparedRead, type Queries } from './kysely.server'
import { flag } from './stored.server'
import { forbidden, notFound, unitRefused } from './responses.server'

function inScope(viewer: Viewer) {
  return { OR: unitScopeOf(viewer).map((prefix) => ({ path: { startsWith: prefix } })) }
}

export async function assignableUnits(viewer: Viewer) {
  if (unitScopeOf(viewer).length === 0) return []
  return prisma.orgUnit.findMany({ where: inScope(viewer), select: { code: true, kind: true, nameZh: true, nameEn: true, path: true }, orderBy: { path: 'asc' } })
}

export async function assignableCourses() {
  const courses = await prisma.course.findMany({
    where: { currentVersionId: { not: null } },
    select: { id: true, currentVersion: { select: { titleZh: true, titleEn: true } } },
    orderBy: { id: 'asc' },
  })
  return courses.map((c) => ({ id: c.id, titleZh: c.currentVersion?.titleZh ?? c.id, titleEn: c.currentVersion?.titleEn ?? c.id }))
}

/**
 * The assignments on the viewer's units and under them, and those made above them that reach their people (a region's
 * course is due in each of its halls: its manager reminds them of it), read only: `editable` says which may be changed.
 */
export async function assignmentsVisibleTo(viewer: Viewer) {
  const scope = unitScopeOf(viewer)
  if (scope.length === 0) return []
  const above = [...new Set(scope.flatMap((path) => enclosingPaths(path).filter((p) => p !== path)))]
  const rows = await prisma.assignment.findMany({
    where: { OR: [{ unit: inScope(viewer) }, { unit: { path: { in: above } } }] },
    select: {
      id: true,
      dueDay: true,
      role: true,
      newHiresOnly: true,
      createdAt: true,
      unit: { select: { code: true, kind: true, nameZh: true, nameEn: true, path: true } },
      course: { select: { id: true, currentVersion: { select: { titleZh: true, titleEn: true } } } },
      createdBy: { select: { name: true } },
      person: { select: { username: true, name: true } },
      cancelledAt: true,
      changes: { select: { kind: true, fromDueDay: true, toDueDay: true, at: true, by: { select: { name: true } } }, orderBy: { at: 'asc' } },
    },
    orderBy: [{ cancelledAt: { sort: 'asc', nulls: 'first' } }, { dueDay: 'asc' }, { createdAt: 'asc' }],
  })
  return rows.map(({ course, unit: { path, ...unit }, ...a }) => ({
    ...a,
    unit,
    editable: canAssignTo(viewer, path),
    course: { id: course.id, titleZh: course.currentVersion?.titleZh ?? course.id, titleEn: course.currentVersion?.titleEn ?? course.id },
  }))
}

export interface NewAssignment {
  courseId: string
  unitCode: string
  /** Assign to this one person (in the unit chosen, and in the creator's scope) rather than to everyone. */
  personUsername?: string
  role: 'clerk' | 'mentor' | null
  newHiresOnly: boolean
  dueDay: string
  requestKey: string
}

export type CreateResult = { ok: true; id: string; duplicate: boolean } | { ok: false; field: 'dueDay' | 'courseId' | 'unitCode' | 'personUsername'; error: string }

/** Creates an assignment once per form (requestKey); refuses units outside the creator's scope and unknown ones
 * alike (403: the form offers only the units in scope, so either was typed into the request). */
export async function createAssignment(viewer: Viewer, input: NewAssignment, now: Date): Promise<CreateResult> {
  const [unit, course] = await Promise.all([
    prisma.orgUnit.findUnique({ where: { code: input.unitCode }, select: { id: true, path: true } }),
    prisma.course.findUnique({ where: { id: input.courseId }, select: { id: true, currentVersionId: true } }),
  ])
  if (!unit || !canAssignTo(viewer, unit.path)) unitRefused()
  if (!course?.currentVersionId) return { ok: false, field: 'courseId', error: 'assign.unknownCourse' }
  if (!isValidDueDay(input.dueDay, now)) return { ok: false, field: 'dueDay', error: isCalendarDay(input.dueDay) ? 'assign.duePast' : 'assignChanges.dueInvalid' }
  let person: { id: string; hallId: string } | null = null
  if (input.personUsername) {
    const found = await prisma.user.findUnique({ where: { username: input.personUsername }, select: { id: true, hallId: true, hall: { select: { path: true } } } })
    // someone unknown, without a hall, or outside the unit chosen: the same answer, so names outside scope are not probed
    if (!found?.hallId || !found.hall || !found.hall.path.startsWith(unit.path)) return { ok: false, field: 'personUsername', error: 'assignChanges.unknownPerson' }
    person = { id: found.id, hallId: found.hallId }
  }
  try {
    const created = await prisma.assignment.create({
      data: {
        courseId: course.id,
        unitId: person?.hallId ?? unit.id,
        personId: person?.id ?? null,
        role: input.role,
        newHiresOnly: input.newHiresOnly,
        dueDay: input.dueDay,
        createdById: viewer.id,
        createdAt: now,
        requestKey: input.requestKey,
      },
      select: { id: true },
    })
    return { ok: true, id: created.id, duplicate: false }
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    const existing = await prisma.assignment.findUniqueOrThrow({ where: { requestKey: input.requestKey }, select: { id: true } })
    return { ok: true, id: existing.id, duplicate: true }
  }
}

export type AssignmentRow = {
  id: string
  courseId: string
  dueDay: string
  role: string | null
  newHiresOnly: boolean
  personId: string | null
  unit: { path: string }
}

const assignmentsInForce = (q: Queries) =>
  q
    .selectFrom('Assignment as a')
    .innerJoin('OrgUnit as u', 'u.id', 'a.unitId')
    .select(['a.id', 'a.courseId', 'a.dueDay', 'a.role', 'a.newHiresOnly', 'a.personId', 'u.path'])
    .where('a.cancelledAt', 'is', null)

const assignmentRowsOn = preparedRead((q, paths: readonly string[]) => assignmentsInForce(q).where('u.path', 'in', paths))

// the range on the materialized path is the indexed form of "starts with"
const assignmentRowsAroundAndUnder = preparedRead((q, paths: readonly string[], from: string, to: string) =>
  assignmentsInForce(q).where((eb) => eb.or([eb('u.path', 'in', paths), eb.and([eb('u.path', '>=', from), eb('u.path', '<', to)])])),
)

type StoredAssignment = Awaited<ReturnType<typeof assignmentRowsOn>>[number]
const assignmentOf = (r: StoredAssignment): AssignmentRow => ({
  id: r.id,
  courseId: r.courseId,
  dueDay: r.dueDay,
  role: r.role,
  newHiresOnly: flag(r.newHiresOnly),
  personId: r.personId,
  unit: { path: r.path },
})

/** Every assignment in force that may reach a hall: those on the hall and on the units above it (cancelled ones reach nobody). */
export async function assignmentsAround(hallPath: string): Promise<AssignmentRow[]> {
  return (await assignmentRowsOn(enclosingPaths(hallPath))).map(assignmentOf)
}

/** Every assignment in force that may reach someone under a unit: on the unit, above it or below it. */
export async function assignmentsUnder(unitPath: string): Promise<AssignmentRow[]> {
  const paths = enclosingPaths(unitPath)
  return (await assignmentRowsAroundAndUnder(paths.length ? paths : [''], unitPath, `${unitPath}\uffff`)).map(assignmentOf)
}

/** Of those, the ones that apply to this learner, per course: the assignment with the earliest due day. */
export function assignmentsOf(rows: readonly AssignmentRow[], learner: Learner, now: Date): Map<string, AssignmentRow> {
  const applying = rows.filter((a) =>
    appliesTo({ unitPath: a.unit.path, role: isRole(a.role) ? a.role : null, newHiresOnly: a.newHiresOnly, personId: a.personId }, learner, now),
  )
  const due = new Map<string, AssignmentRow>()
  for (const courseId of new Set(applying.map((a) => a.courseId))) {
    due.set(courseId, earliestDue(applying.filter((a) => a.courseId === courseId))!)
  }
  return due
}

/** The due day per course for this learner. */
export function dueDaysOf(rows: readonly AssignmentRow[], learner: Learner, now: Date): Map<string, string> {
  return new Map([...assignmentsOf(rows, learner, now)].map(([courseId, a]) => [courseId, a.dueDay]))
}

export type ChangeResult = { ok: true } | { ok: false; error: string }

/** An assignment the viewer may change. Unknown, or on a unit apart from theirs: 404 alike (one they should not know
 * of); on a unit above theirs (shown on their hall pages, as it applies there): 403. */
async function changeableAssignment(viewer: Viewer, id: string) {
  const assignment = await prisma.assignment.findUnique({ where: { id }, select: { id: true, dueDay: true, cancelledAt: true, unit: { select: { path: true } } } })
  if (!assignment) notFound('assignment')
  if (!canAssignTo(viewer, assignment.unit.path)) {
    const above = unitScopeOf(viewer).some((path) => path.startsWith(assignment.unit.path))
    if (above) forbidden('assignment above your units')
    notFound('assignment')
  }
  return assignment
}

/** Moves the due day (a real calendar day, not in the past); the change is kept with who made it and when. */
export async function changeDueDay(viewer: Viewer, id: string, dueDay: string, now: Date): Promise<ChangeResult> {
  const assignment = await changeableAssignment(viewer, id)
  if (!isValidDueDay(dueDay, now)) return { ok: false, error: isCalendarDay(dueDay) ? 'assign.duePast' : 'assignChanges.dueInvalid' }
  if (assignment.cancelledAt) return { ok: false, error: 'assignChanges.alreadyCancelled' }
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.assignment.updateMany({ where: { id, cancelledAt: null }, data: { dueDay } })
    if (count === 1) await tx.assignmentChange.create({ data: { assignmentId: id, kind: 'due', fromDueDay: assignment.dueDay, toDueDay: dueDay, byId: viewer.id, at: now } })
  })
  return { ok: true }
}

/** Cancels an assignment: it reaches nobody from now on, but stays in the list with its history. Once only. */
export async function cancelAssignment(viewer: Viewer, id: string, now: Date): Promise<ChangeResult> {
  const assignment = await changeableAssignment(viewer, id)
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.assignment.updateMany({ where: { id, cancelledAt: null }, data: { cancelledAt: now } })
    if (count === 1) await tx.assignmentChange.create({ data: { assignmentId: id, kind: 'cancel', fromDueDay: assignment.dueDay, byId: viewer.id, at: now } })
  })
  return { ok: true }
}
