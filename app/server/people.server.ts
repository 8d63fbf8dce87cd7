// Reading people and the halls a viewer may see. Every manager view goes through hallsInScope.
import { isNewHire } from '~/core/people'
import { unitScopeOf, type Viewer } from '~/core/permissions'
import { distinctRoles, isRole, type Role } from '~/core/roles'
import { prisma } from './db.server'
import { preparedColumnsRead, preparedRead, type Queries } from './kysely.server'
import { flag, instant, instantOrNull, TRUE } from './stored.server'

export interface UnitSummary {
  code: string
  nameZh: string
  nameEn: string
  path: string
  kind: string
}

export interface SessionUser {
  id: string
  username: string
  name: string
  hall: UnitSummary | null
  hireDate: Date | null
  roles: Role[]
  /** Signed in with a one-time password: must set a new one before anything else. */
  mustChangePassword: boolean
  /** Units a manager role is held on. */
  managedUnits: UnitSummary[]
  viewer: Viewer
}

const unitFields = { code: true, nameZh: true, nameEn: true, path: true, kind: true } as const

const unitOf = (code: string | null, zh: string | null, en: string | null, path: string | null, kind: string | null): UnitSummary | null =>
  code && zh && en && path && kind ? { code, nameZh: zh, nameEn: en, path, kind } : null

/** The user, their hall and their role grants with units (one row per grant): what a signed-in request needs. */
function sessionUserQuery(q: Queries) {
  return q
    .selectFrom('User as u')
    .leftJoin('OrgUnit as h', 'h.id', 'u.hallId')
    .leftJoin('RoleGrant as g', 'g.userId', 'u.id')
    .leftJoin('OrgUnit as gu', 'gu.id', 'g.unitId')
    .select(['u.id', 'u.username', 'u.name', 'u.active', 'u.mustChangePassword', 'u.hireDate', 'g.role as role'])
    .select(['h.code as hallCode', 'h.nameZh as hallNameZh', 'h.nameEn as hallNameEn', 'h.path as hallPath', 'h.kind as hallKind'])
    .select(['gu.code as unitCode', 'gu.nameZh as unitNameZh', 'gu.nameEn as unitNameEn', 'gu.path as unitPath', 'gu.kind as unitKind'])
}

const sessionUserRows = preparedRead((q, id: string) => sessionUserQuery(q).where('u.id', '=', id))

// every request's session check reads the session row and its user together, in one statement (decision 0034)
const sessionRowWithUser = preparedRead((q, sessionId: string) =>
  sessionUserQuery(q).innerJoin('Session as s', 's.userId', 'u.id').select(['s.expiresAt', 's.lastSeenAt']).where('s.id', '=', sessionId),
)

// the query layer's prepared read, not Prisma: every request of a mentor (a learner too) runs it, and Prisma's query
// compiler cost ~1 ms of CPU per call, a sixth of all the CPU of the attempt page's saves (decision 0027)
const activeMenteeIds = preparedRead((q, mentorId: string) =>
  q.selectFrom('Pairing').select('menteeId').where('mentorId', '=', mentorId).where('status', '=', 'active'),
)

type SessionUserRow = Awaited<ReturnType<typeof sessionUserRows>>[number]

/**
 * The user, their hall and their role grants with units, in ONE statement: every page load starts here
 * (once per request: the root loader and the page share it through the load context), so it is one joined
 * query rather than nested reads.
 * Null for unknown or inactive users.
 */
export async function loadSessionUser(id: string): Promise<SessionUser | null> {
  return sessionUserOf(await sessionUserRows(id))
}

/** A session's times (as stored) and its user (null when inactive), or null when there is no such session. */
export async function sessionWithUser(sessionId: string): Promise<{ expiresAt: Date; lastSeenAt: Date; user: () => Promise<SessionUser | null> } | null> {
  const rows = await sessionRowWithUser(sessionId)
  const [first] = rows
  if (!first) return null
  // the user is made up only once the session is found live (an expired one is deleted instead)
  return { expiresAt: instant(first.expiresAt), lastSeenAt: instant(first.lastSeenAt), user: () => sessionUserOf(rows) }
}

async function sessionUserOf(rows: readonly SessionUserRow[]): Promise<SessionUser | null> {
  const [user] = rows
  if (!user || !flag(user.active)) return null
  const grants = rows.filter((r) => isRole(r.role)).map((r) => ({ role: r.role as Role, unitPath: r.unitPath }))
  const hall = unitOf(user.hallCode, user.hallNameZh, user.hallNameEn, user.hallPath, user.hallKind)
  // a mentor may read the records of the new hires they mentor now (one more read, for mentors only)
  const mentees = grants.some((g) => g.role === 'mentor') ? await activeMenteeIds(user.id) : []
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    hall,
    hireDate: instantOrNull(user.hireDate),
    roles: distinctRoles(grants.map((g) => g.role)),
    mustChangePassword: flag(user.mustChangePassword),
    managedUnits: rows
      .filter((r) => r.role === 'manager')
      .map((r) => unitOf(r.unitCode, r.unitNameZh, r.unitNameEn, r.unitPath, r.unitKind))
      .filter((u): u is UnitSummary => u !== null),
    viewer: { id: user.id, grants, hallPath: hall?.path ?? null, menteeIds: mentees.map((m) => m.menteeId) },
  }
}

function scopeWhere(viewer: Viewer) {
  const scope = unitScopeOf(viewer)
  return { OR: scope.map((prefix) => ({ path: { startsWith: prefix } })) }
}

export interface HallRow extends UnitSummary {
  branch: { nameZh: string; nameEn: string } | null
  clerks: number
  newHires: number
}

/** The halls under the viewer's units, with head counts: two queries whatever the number of halls. */
export async function hallsInScope(viewer: Viewer, now: Date): Promise<HallRow[]> {
  if (unitScopeOf(viewer).length === 0) return []
  const halls = await prisma.orgUnit.findMany({
    where: { kind: 'hall', ...scopeWhere(viewer) },
    select: { ...unitFields, id: true, parent: { select: { nameZh: true, nameEn: true } } },
    orderBy: { path: 'asc' },
  })
  const clerks = await prisma.user.findMany({
    where: { hallId: { in: halls.map((h) => h.id) }, active: true, roles: { some: { role: 'clerk' } } },
    select: { hallId: true, hireDate: true },
  })
  return halls.map(({ id, parent, ...hall }) => {
    const mine = clerks.filter((c) => c.hallId === id)
    return { ...hall, branch: parent, clerks: mine.length, newHires: mine.filter((c) => isNewHire(c.hireDate, now)).length }
  })
}

export interface PersonRow {
  id: string
  username: string
  name: string
  hireDate: Date | null
  roles: Role[]
  hall: UnitSummary | null
}

const personSelect = {
  id: true,
  username: true,
  name: true,
  hireDate: true,
  hall: { select: unitFields },
  roles: { select: { role: true } },
} as const

function toPersonRow(p: {
  id: string
  username: string
  name: string
  hireDate: Date | null
  hall: UnitSummary | null
  roles: { role: string }[]
}): PersonRow {
  return { ...p, roles: distinctRoles(p.roles.map((r) => r.role).filter(isRole)) }
}

export interface LearnerRef {
  id: string
  username: string
  name: string
  hireDate: Date | null
  roles: Role[]
  hallCode: string
  hallPath: string
}

// each row an array (no object a row: a region's overview reads 2 000; decision 0047)
const learnerGrantRows = preparedColumnsRead((q, from: string, to: string) =>
  q
    .selectFrom('OrgUnit as h')
    .innerJoin('User as u', 'u.hallId', 'h.id')
    .innerJoin('RoleGrant as g', 'g.userId', 'u.id')
    .select(['u.id', 'u.username', 'u.name', 'u.hireDate', 'h.code as hallCode', 'h.path as hallPath', 'g.role'])
    .where('h.path', '>=', from)
    .where('h.path', '<', to)
    .where('u.active', '=', TRUE)
    .orderBy('u.username'),
)(['id', 'username', 'name', 'hireDate', 'hallCode', 'hallPath', 'role'])

/** Hall paths from `from` (included) to `to` (excluded): a unit's halls, or a page of consecutive halls of one. */
export interface HallRange {
  from: string
  to: string
}

/** Every hall under a unit ("/" for all): its path and everything that starts with it. */
export const hallsUnder = (unitPath: string): HallRange => ({ from: unitPath, to: `${unitPath}\uffff` })

/** Everyone who learns (clerks and mentors, active) in a range of halls (`hallsUnder(unit)`: all under a unit), by
 * username: one statement for any number of halls. */
export async function learnersIn(halls: HallRange): Promise<LearnerRef[]> {
  // one row per role grant, ordered by username: a person's grants are adjacent
  const rows = await learnerGrantRows(halls.from, halls.to)
  const learners: LearnerRef[] = []
  for (let i = 0; i < rows.length; ) {
    const [id, username, name, hireDate, hallCode, hallPath, role] = rows[i]
    const granted = [role]
    while (++i < rows.length && rows[i][0] === id) granted.push(rows[i][6])
    const roles = rolesOfGrants(granted)
    if (!roles.includes('clerk') && !roles.includes('mentor')) continue
    learners.push({ id, username, name, hireDate: instantOrNull(hireDate), roles, hallCode, hallPath })
  }
  return learners
}

/** Roles as the grants give them (one row per grant): one list shared by every learner granted the same, so that
 * what is kept per roles list (the due days a hall's learners share, unit-progress.server.ts) is kept once. */
const rolesGranted = new Map<string, Role[]>()
export function rolesOfGrants(granted: readonly string[]): Role[] {
  const key = granted.join()
  let roles = rolesGranted.get(key)
  if (!roles) rolesGranted.set(key, (roles = distinctRoles(granted.filter(isRole))))
  return roles
}

// per hall under the unit, in path order: how many active people it has (an upper bound of its learners)
const peoplePerHallRows = preparedRead((q, from: string, to: string) =>
  q
    .selectFrom('OrgUnit as h')
    .innerJoin('User as u', 'u.hallId', 'h.id')
    .select((eb) => ['h.path', eb.fn.countAll<number | string>().as('people')])
    .where('h.path', '>=', from)
    .where('h.path', '<', to)
    .where('u.active', '=', TRUE)
    .groupBy('h.path')
    .orderBy('h.path'),
  { bulk: true },
)

/**
 * The halls under a unit cut into pages of consecutive halls holding about `size` people each (a larger hall is a
 * page of its own): what reads a whole unit page by page walks, so that it holds one page at a time.
 */
export async function hallPagesUnder(unitPath: string, size: number): Promise<HallRange[]> {
  const { from, to } = hallsUnder(unitPath)
  const pages: HallRange[] = []
  let first: string | null = null
  let people = 0
  for (const hall of await peoplePerHallRows(from, to)) {
    first ??= hall.path
    people += Number(hall.people) // PostgreSQL's count is a bigint, read as text
    if (people >= size) {
      pages.push({ from: first, to: `${hall.path}\uffff` })
      first = null
      people = 0
    }
  }
  if (first !== null) pages.push({ from: first, to })
  return pages
}

/** A unit by code, with its parent chain for the drill-down crumb. */
export async function findUnitByCode(code: string) {
  return prisma.orgUnit.findUnique({ where: { code }, select: { ...unitFields, parent: { select: { ...unitFields, parent: { select: unitFields } } } } })
}

/** The units directly under a unit (or the regions, for "/"). */
export async function childUnits(unitPath: string) {
  const units = await prisma.orgUnit.findMany({ where: { path: { startsWith: unitPath } }, select: unitFields, orderBy: { path: 'asc' } })
  const depth = unitPath.split('/').length
  return units.filter((u) => u.path.split('/').length === depth + 1)
}

export async function findHallByCode(code: string) {
  return prisma.orgUnit.findUnique({ where: { code }, select: unitFields })
}

export async function peopleOfHall(hallPath: string): Promise<PersonRow[]> {
  const people = await prisma.user.findMany({
    where: { hall: { path: hallPath }, active: true },
    select: personSelect,
    orderBy: { username: 'asc' },
  })
  return people.map(toPersonRow)
}

export async function findPerson(username: string): Promise<PersonRow | null> {
  const person = await prisma.user.findUnique({ where: { username }, select: personSelect })
  return person ? toPersonRow(person) : null
}

export async function organisationCounts() {
  const [halls, clerks, units, users] = await Promise.all([
    prisma.orgUnit.count({ where: { kind: 'hall' } }),
    prisma.user.count({ where: { roles: { some: { role: 'clerk' } } } }),
    prisma.orgUnit.count(),
    prisma.user.count(),
  ])
  return { halls, clerks, units, users }
}

export async function organisationTree() {
  return prisma.orgUnit.findMany({ select: unitFields, orderBy: { path: 'asc' } })
}
