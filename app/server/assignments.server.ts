// Assigning courses to units: the units and courses a trainer or manager may choose, the list, creation,
// and which assignments reach a learner.
import { appliesTo, earliestDue, enclosingPaths, type Learner } from '~/core/assignments'
import { isValidDueDay } from '~/core/overdue'
import { isRole } from '~/core/roles'
import { canAssignTo, unitScopeOf, type Viewer } from '~/core/permissions'
import { isUniqueViolation, prisma } from './db.server'
import { preparedRead } from './kysely.server'
import { flag } from './stored.server'
import { forbidden } from './responses.server'

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

export async function assignmentsVisibleTo(viewer: Viewer) {
  if (unitScopeOf(viewer).length === 0) return []
  const rows = await prisma.assignment.findMany({
    where: { unit: inScope(viewer) },
    select: {
      id: true,
      dueDay: true,
      role: true,
      newHiresOnly: true,
      createdAt: true,
      unit: { select: { code: true, kind: true, nameZh: true, nameEn: true } },
      course: { select: { id: true, currentVersion: { select: { titleZh: true, titleEn: true } } } },
      createdBy: { select: { name: true } },
    },
    orderBy: [{ dueDay: 'asc' }, { createdAt: 'asc' }],
  })
  return rows.map(({ course, ...a }) => ({ ...a, course: { id: course.id, titleZh: course.currentVersion?.titleZh ?? course.id, titleEn: course.currentVersion?.titleEn ?? course.id } }))
}

export interface NewAssignment {
  courseId: string
  unitCode: string
  role: 'clerk' | 'mentor' | null
  newHiresOnly: boolean
  dueDay: string
  requestKey: string
}

export type CreateResult = { ok: true; id: string; duplicate: boolean } | { ok: false; field: 'dueDay' | 'courseId' | 'unitCode'; error: string }

/** Creates an assignment once per form (requestKey); refuses units outside the creator's scope (403). */
export async function createAssignment(viewer: Viewer, input: NewAssignment, now: Date): Promise<CreateResult> {
  const [unit, course] = await Promise.all([
    prisma.orgUnit.findUnique({ where: { code: input.unitCode }, select: { id: true, path: true } }),
    prisma.course.findUnique({ where: { id: input.courseId }, select: { id: true, currentVersionId: true } }),
  ])
  if (!unit) return { ok: false, field: 'unitCode', error: 'assign.unknownUnit' }
  if (!canAssignTo(viewer, unit.path)) forbidden('unit out of scope')
  if (!course?.currentVersionId) return { ok: false, field: 'courseId', error: 'assign.unknownCourse' }
  if (!isValidDueDay(input.dueDay, now)) return { ok: false, field: 'dueDay', error: 'assign.duePast' }
  try {
    const created = await prisma.assignment.create({
      data: {
        courseId: course.id,
        unitId: unit.id,
        role: input.role,
        newHiresOnly: input.newHiresOnly,
        dueDay: input.dueDay,
        createdById: viewer.id,
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

export type AssignmentRow = { courseId: string; dueDay: string; role: string | null; newHiresOnly: boolean; unit: { path: string } }

const assignmentRowsOn = preparedRead((q, paths: readonly string[]) =>
  q
    .selectFrom('Assignment as a')
    .innerJoin('OrgUnit as u', 'u.id', 'a.unitId')
    .select(['a.courseId', 'a.dueDay', 'a.role', 'a.newHiresOnly', 'u.path'])
    .where('u.path', 'in', paths),
)

/** Every assignment that may reach a hall: those on the hall and on the units above it. */
export async function assignmentsAround(hallPath: string): Promise<AssignmentRow[]> {
  const paths = enclosingPaths(hallPath)
  const rows = await assignmentRowsOn(paths)
  return rows.map((r) => ({ courseId: r.courseId, dueDay: r.dueDay, role: r.role, newHiresOnly: flag(r.newHiresOnly), unit: { path: r.path } }))
}

/** Of those, the ones that apply to this learner, per course, with the earliest due day. */
export function dueDaysOf(rows: readonly AssignmentRow[], learner: Learner, now: Date): Map<string, string> {
  const applying = rows.filter((a) =>
    appliesTo({ unitPath: a.unit.path, role: isRole(a.role) ? a.role : null, newHiresOnly: a.newHiresOnly }, learner, now),
  )
  const due = new Map<string, string>()
  for (const courseId of new Set(applying.map((a) => a.courseId))) {
    due.set(courseId, earliestDue(applying.filter((a) => a.courseId === courseId))!.dueDay)
  }
  return due
}
