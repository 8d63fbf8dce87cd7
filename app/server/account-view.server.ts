// What the account page shows a manager or admin: the person, their roles, whether their sign-in is locked,
// and what this viewer may do with them (the halls they may move them to, the roles they may change).
import { canChangeRole, canManageAccount, hasRole, type Viewer } from '~/core/permissions'
import { hallDay } from '~/core/dates'
import { ROLES, isRole } from '~/core/roles'
import { signInWaitOf } from './auth.server'
import { prisma } from './db.server'
import { accountRefused, placeableHalls } from './accounts.server'

export async function accountForManagement(viewer: Viewer, username: string, now: Date) {
  const person = await prisma.user.findUnique({
    where: { username },
    select: {
      id: true,
      username: true,
      name: true,
      active: true,
      hireDate: true,
      phone: true,
      mustChangePassword: true,
      hall: { select: { code: true, path: true, nameZh: true, nameEn: true } },
      roles: { select: { role: true, unit: { select: { code: true, kind: true, nameZh: true, nameEn: true } } } },
    },
  })
  if (!person) accountRefused()
  const roles = person.roles.map((g) => g.role).filter(isRole)
  const ref = { id: person.id, hallPath: person.hall?.path ?? null, roles }
  if (!canManageAccount(viewer, ref)) accountRefused() // the same answer as an unknown name

  const [halls, units, locked] = await Promise.all([
    placeableHalls(viewer),
    hasRole(viewer, 'admin') ? openUnits() : Promise.resolve<Awaited<ReturnType<typeof openUnits>>>([]),
    isSignInLocked(person.username, now),
  ])
  return {
    person: {
      username: person.username,
      name: person.name,
      active: person.active,
      hireDay: person.hireDate ? hallDay(person.hireDate) : null,
      phone: person.phone,
      mustChangePassword: person.mustChangePassword,
      hall: person.hall ? { code: person.hall.code, nameZh: person.hall.nameZh, nameEn: person.hall.nameEn } : null,
      grants: person.roles.flatMap((g) => (isRole(g.role) ? [{ role: g.role, unit: g.unit }] : [])),
      locked,
    },
    changeableRoles: ROLES.filter((role) => canChangeRole(viewer, ref, role)),
    halls: halls.filter((h) => h.code !== person.hall?.code),
    units,
    isSelf: person.id === viewer.id,
  }
}

/** The units a manager role may be granted on. */
function openUnits() {
  return prisma.orgUnit.findMany({ where: { closedAt: null }, select: { code: true, kind: true, nameZh: true, nameEn: true }, orderBy: { path: 'asc' } })
}

/** Slowed now by failed sign-ins on this username from some address (the same rule sign-in applies). */
async function isSignInLocked(username: string, now: Date): Promise<boolean> {
  return (await signInWaitOf(username, now)) > 0
}
