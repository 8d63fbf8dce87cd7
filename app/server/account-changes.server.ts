// Changes to an existing account: moving between halls (the hall history keeps where and when), deactivating and
// reactivating, granting and removing roles. Each check and its write run in one transaction with the audit entry.
import { canChangeRole, canMoveAccount, type Viewer } from '~/core/permissions'
import { hallDay } from '~/core/dates'
import type { Role } from '~/core/roles'
import { checkThenWrite, prisma } from './db.server'
import { recordAudit, type Tx } from './audit.server'
import { forgetHallsQuality } from './quality-rollup.server'
import { accountIn, endSessionsOf } from './accounts.server'
import { forbidden } from './responses.server'

export type ChangeResult = { ok: true } | { ok: false; error: string }

type Account = Awaited<ReturnType<typeof accountIn>>

/**
 * Ends the open period in the current hall. People created before hall history existed have no row: their
 * period is written now, from their hire date (or account creation) on, so the history has no hole.
 */
async function closeHallPeriod(tx: Tx, account: Account, now: Date): Promise<void> {
  const { count } = await tx.hallMembership.updateMany({ where: { userId: account.id, endedAt: null }, data: { endedAt: now } })
  if (count === 0 && account.hall) {
    const started = account.hireDate ?? account.createdAt
    await tx.hallMembership.create({ data: { userId: account.id, hallId: account.hall.id, startedAt: started < now ? started : now, endedAt: now } })
  }
}

export async function moveAccount(viewer: Viewer, username: string, hallCode: string, now: Date): Promise<ChangeResult> {
  return checkThenWrite(async (tx) => {
    const account = await accountIn(tx, viewer, username)
    const hall = await tx.orgUnit.findUnique({ where: { code: hallCode }, select: { id: true, kind: true, path: true, closedAt: true } })
    // A hall outside the viewer's units answers as an unknown one: hall codes cannot be tried out through this form.
    if (!hall || hall.kind !== 'hall' || !canMoveAccount(viewer, account.ref, hall.path)) return { ok: false, error: 'people.errors.unknownHall' }
    if (hall.closedAt) return { ok: false, error: 'people.errors.hallClosed' }
    if (!account.active) return { ok: false, error: 'people.errors.inactive' }
    if (account.hall?.id === hall.id) return { ok: false, error: 'people.errors.sameHall' }
    await closeHallPeriod(tx, account, now)
    await tx.hallMembership.create({ data: { userId: account.id, hallId: hall.id, startedAt: now } })
    await tx.user.update({ where: { id: account.id }, data: { hallId: hall.id } })
    await forgetHallsQuality(tx, [account.hall?.id, hall.id]) // their past attempts now count in the new hall (decision 0033)
    await recordAudit(tx, {
      at: now,
      actorId: viewer.id,
      action: 'person.moved',
      subjectId: account.id,
      unitPath: account.hall?.path,
      otherUnitPath: hall.path,
      detail: { from: account.hall?.code ?? null, to: hallCode },
    })
    return { ok: true }
  })
}

/** Deactivated people keep every record and certificate; they cannot sign in. */
export async function setAccountActive(viewer: Viewer, username: string, active: boolean, now: Date): Promise<ChangeResult> {
  const result = await checkThenWrite(async (tx): Promise<ChangeResult & { id?: string }> => {
    const account = await accountIn(tx, viewer, username)
    if (account.id === viewer.id) return { ok: false, error: 'people.errors.self' }
    if (account.active === active) return { ok: true } // a repeated press changes nothing and records nothing
    await tx.user.update({ where: { id: account.id }, data: { active, deactivatedAt: active ? null : now } })
    if (active && account.hall) await tx.hallMembership.create({ data: { userId: account.id, hallId: account.hall.id, startedAt: now } })
    if (!active) await closeHallPeriod(tx, account, now)
    await recordAudit(tx, { at: now, actorId: viewer.id, action: active ? 'person.reactivated' : 'person.deactivated', subjectId: account.id, unitPath: account.hall?.path })
    return { ok: true, id: account.id }
  })
  if (!active && result.ok && result.id) await endSessionsOf(result.id)
  return result.ok ? { ok: true } : { ok: false, error: result.error }
}

/** Grants or removes one role. A manager role needs the unit it is held on. */
export async function changeRole(
  viewer: Viewer,
  username: string,
  change: { role: Role; grant: boolean; unitCode: string | null },
  now: Date,
): Promise<ChangeResult> {
  return checkThenWrite(async (tx) => {
    const account = await accountIn(tx, viewer, username)
    if (!canChangeRole(viewer, account.ref, change.role)) forbidden('role change not allowed')
    if (account.id === viewer.id && change.role === 'admin' && !change.grant) return { ok: false, error: 'people.errors.self' }
    const unit = change.role === 'manager' && change.unitCode ? await tx.orgUnit.findUnique({ where: { code: change.unitCode }, select: { id: true, path: true, closedAt: true } }) : null
    if (change.role === 'manager' && (!unit || (change.grant && unit.closedAt))) return { ok: false, error: 'people.errors.unknownUnit' }
    const held = account.roles.filter((g) => g.role === change.role && (change.role !== 'manager' || g.unit?.path === unit?.path))
    if (change.grant === held.length > 0) return { ok: true } // already so: nothing to record
    if (change.role === 'mentor' && change.grant && !account.ref.roles.includes('clerk')) return { ok: false, error: 'people.errors.mentorNeedsClerk' }
    if (change.grant) await tx.roleGrant.create({ data: { userId: account.id, role: change.role, unitId: unit?.id ?? null } })
    else await tx.roleGrant.deleteMany({ where: { id: { in: held.map((g) => g.id) } } })
    await recordAudit(tx, {
      at: now,
      actorId: viewer.id,
      action: change.grant ? 'role.granted' : 'role.removed',
      subjectId: account.id,
      unitPath: account.hall?.path ?? unit?.path,
      otherUnitPath: unit?.path,
      detail: { role: change.role, unit: change.unitCode },
    })
    return { ok: true }
  })
}

export interface HallPeriod {
  hall: { code: string; nameZh: string; nameEn: string }
  from: string
  until: string | null
}

/** Where someone worked and when, oldest first. Before any move, the current hall since the hire date. */
export async function hallHistoryOf(userId: string): Promise<HallPeriod[]> {
  const hallFields = { select: { code: true, nameZh: true, nameEn: true } } as const
  const rows = await prisma.hallMembership.findMany({ where: { userId }, select: { startedAt: true, endedAt: true, hall: hallFields }, orderBy: [{ startedAt: 'asc' }, { id: 'asc' }] })
  if (rows.length > 0) return rows.map((r) => ({ hall: r.hall, from: hallDay(r.startedAt), until: r.endedAt ? hallDay(r.endedAt) : null }))
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { hireDate: true, createdAt: true, active: true, deactivatedAt: true, hall: hallFields } })
  if (!user?.hall) return []
  return [{ hall: user.hall, from: hallDay(user.hireDate ?? user.createdAt), until: user.deactivatedAt ? hallDay(user.deactivatedAt) : null }]
}
