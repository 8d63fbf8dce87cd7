// Reading people and the halls a viewer may see. Every manager view goes through hallsInScope.
import { isNewHire } from '~/core/people'
import { unitScopeOf, type Viewer } from '~/core/permissions'
import { distinctRoles, isRole, type Role } from '~/core/roles'
import { prisma } from './db.server'

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
  roles: Role[]
  /** Units a manager role is held on. */
  managedUnits: UnitSummary[]
  viewer: Viewer
}

const unitFields = { code: true, nameZh: true, nameEn: true, path: true, kind: true } as const

/** One query: the user, their hall and their role grants with units. Null for unknown or inactive users. */
export async function loadSessionUser(id: string): Promise<SessionUser | null> {
  const user = await prisma.user.findUnique({
    where: { id },
    select: {
      id: true,
      username: true,
      name: true,
      active: true,
      hall: { select: unitFields },
      roles: { select: { role: true, unit: { select: unitFields } } },
    },
  })
  if (!user || !user.active) return null
  const grants = user.roles.filter((g) => isRole(g.role)).map((g) => ({ role: g.role as Role, unitPath: g.unit?.path ?? null }))
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    hall: user.hall,
    roles: distinctRoles(grants.map((g) => g.role)),
    managedUnits: user.roles.filter((g) => g.role === 'manager' && g.unit).map((g) => g.unit as UnitSummary),
    viewer: { id: user.id, grants, hallPath: user.hall?.path ?? null, menteeIds: [] },
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
