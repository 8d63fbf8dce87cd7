// Accounts: creating one (its one-time password shown once to its creator), resetting a password, unlocking a
// sign-in, a person changing their own password. Each check and its write run in one transaction, together with
// the audit entry.
import { randomBytes } from 'node:crypto'
import { canCreateAccount, canManageAccount, accountScopeOf, type AccountRef, type Viewer } from '~/core/permissions'
import { oneTimePasswordFrom } from '~/core/password/one-time'
import { passwordProblems, type PasswordProblem } from '~/core/password/policy'
import { checkAccountRow, type AccountColumn, type ImportProblem } from '~/core/people-import'
import { hallDay } from '~/core/dates'
import { isRole, type Role } from '~/core/roles'
import { checkThenWrite, isUniqueViolation, prisma } from './db.server'
import { pairPrefix } from './auth.server'
import { hashPassword, ONE_TIME_SCRYPT, verifyPassword } from './password-hash.server'
import { endAllSessionsOf } from './session.server'
import { recordAudit, recordAudits, type Tx } from './audit.server'
import { forbidden, notFound } from './responses.server'

/** Roles an account is created with (trainer, manager and admin are granted afterwards, by admins). */
export const CREATABLE_ROLES: readonly Role[] = ['clerk', 'mentor']

export function newOneTimePassword(): string {
  return oneTimePasswordFrom(randomBytes(12))
}

/** scrypt at the one-time cost (see ONE_TIME_SCRYPT: 60 random bits need no more). */
export function hashOneTimePassword(password: string): Promise<string> {
  return hashPassword(password, ONE_TIME_SCRYPT)
}

/** The instant a hire day starts in the halls (Asia/Shanghai has no daylight saving). */
export function hireInstant(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`)
}

/**
 * Ends every session of this user (after a password change, a reset or a deactivation).
 * Ends the person's server-side sessions (every browser is signed out at once), keeping `except` when given: the
 * session that just changed its own password stays signed in.
 */
export async function endSessionsOf(userId: string, except: string | null = null): Promise<void> {
  await endAllSessionsOf(userId, { except })
}

/**
 * Lifts the sign-in wait on a username: its failed sign-ins from every address (the rows the sign-in limit keys
 * by username and address), in the caller's transaction so the audit entry and the unlock land together.
 */
export async function clearSignInFailures(tx: Tx, username: string): Promise<number> {
  const { count } = await tx.signInFailure.deleteMany({ where: { key: { startsWith: pairPrefix(username) } } })
  return count
}

const accountSelect = {
  id: true,
  username: true,
  name: true,
  active: true,
  hireDate: true,
  createdAt: true,
  hall: { select: { id: true, code: true, path: true } },
  roles: { select: { id: true, role: true, unit: { select: { code: true, path: true } } } },
} as const

/**
 * 404, word for word the same, for a username that does not exist and for an account the viewer may not manage,
 * so that names outside one's units cannot be tried out (as /people/<name>, issue 13 finding 9; decision 0023).
 */
export function accountRefused(): never {
  notFound('account')
}

/**
 * The account as the rules need it, read inside the transaction that changes it, when the viewer may manage it
 * (see accountRefused). What they may do with it (move where, which role) is checked by the caller.
 */
export async function accountIn(tx: Tx, viewer: Viewer, username: string) {
  const row = await tx.user.findUnique({ where: { username }, select: accountSelect })
  if (!row) accountRefused()
  const roles = row.roles.map((g) => g.role).filter(isRole)
  const ref: AccountRef = { id: row.id, hallPath: row.hall?.path ?? null, roles }
  if (!canManageAccount(viewer, ref)) accountRefused()
  return { ...row, ref }
}

export type CreateAccountResult = { ok: true; username: string; oneTimePassword: string } | { ok: false; problems: ImportProblem[] }

/** One account from the form: the same checks as an import row; the one-time password is returned once. */
export async function createAccount(viewer: Viewer, values: Record<AccountColumn, string>, now: Date): Promise<CreateAccountResult> {
  const oneTimePassword = newOneTimePassword()
  const passwordHash = await hashOneTimePassword(oneTimePassword)
  try {
    return await checkThenWrite(async (tx) => {
      const halls = await tx.orgUnit.findMany({ where: { kind: 'hall', code: values.hallCode.trim() }, select: { id: true, code: true, path: true, closedAt: true } })
      const existing = await tx.user.findFirst({ where: { username: values.username.trim() }, select: { name: true, hall: { select: { code: true } } } })
      const checked = checkAccountRow(2, values, {
        halls: new Map(halls.map((h) => [h.code, { path: h.path, open: h.closedAt === null }])),
        existing: new Map(existing ? [[values.username.trim().toLowerCase(), { name: existing.name, hallCode: existing.hall?.code ?? null }]] : []),
        scope: accountScopeOf(viewer),
        grantable: CREATABLE_ROLES,
        today: hallDay(now),
      })
      // "unchanged" makes sense for a re-imported file; for the form, an existing 工号 is taken.
      if (checked.unchanged) return { ok: false, problems: [{ line: 2, column: 'username', reason: 'username_taken', value: values.username }] }
      if (!checked.account) return { ok: false, problems: checked.problems }
      const hall = halls[0]
      if (!canCreateAccount(viewer, { hallPath: hall.path, roles: checked.account.roles })) forbidden('hall or role out of scope')
      await insertAccounts(tx, viewer.id, [{ ...checked.account, hallId: hall.id, hallPath: hall.path, passwordHash, via: 'form' }], now)
      return { ok: true, username: checked.account.username, oneTimePassword }
    })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    return { ok: false, problems: [{ line: 2, column: 'username', reason: 'username_taken', value: values.username }] }
  }
}

export interface NewAccount {
  username: string
  name: string
  roles: Role[]
  hireDay: string
  phone: string | null
  hallId: string
  hallPath: string
  passwordHash: string
  via: 'form' | 'import'
}

/**
 * Writes new accounts in a handful of statements whatever their number: the users, their roles, the start of
 * their time in the hall, and one audit entry each.
 */
export async function insertAccounts(tx: Tx, actorId: string, accounts: readonly NewAccount[], now: Date): Promise<void> {
  if (accounts.length === 0) return
  const users = await tx.user.createManyAndReturn({
    data: accounts.map((a) => ({
      username: a.username,
      name: a.name,
      passwordHash: a.passwordHash,
      mustChangePassword: true,
      hallId: a.hallId,
      hireDate: hireInstant(a.hireDay),
      phone: a.phone,
    })),
    select: { id: true, username: true },
  })
  const idOf = new Map(users.map((u) => [u.username, u.id]))
  const rows = accounts.map((a) => ({ account: a, userId: idOf.get(a.username)! }))
  await tx.roleGrant.createMany({ data: rows.flatMap(({ account, userId }) => account.roles.map((role) => ({ userId, role }))) })
  await tx.hallMembership.createMany({
    data: rows.map(({ account, userId }) => {
      const hired = hireInstant(account.hireDay)
      return { userId, hallId: account.hallId, startedAt: hired < now ? hired : now }
    }),
  })
  await recordAudits(
    tx,
    rows.map(({ account, userId }) => ({
      at: now,
      actorId,
      action: 'account.created',
      subjectId: userId,
      unitPath: account.hallPath,
      detail: { roles: account.roles.join(','), via: account.via },
    })),
  )
}

/** A new one-time password for someone in the viewer's care (it also lifts a sign-in lock). */
export async function resetPassword(viewer: Viewer, username: string, now: Date): Promise<{ oneTimePassword: string }> {
  const oneTimePassword = newOneTimePassword()
  const passwordHash = await hashOneTimePassword(oneTimePassword)
  const account = await prisma.$transaction(async (tx) => {
    const account = await accountIn(tx, viewer, username)
    await tx.user.update({ where: { id: account.id }, data: { passwordHash, mustChangePassword: true } })
    await clearSignInFailures(tx, account.username)
    await recordAudit(tx, { at: now, actorId: viewer.id, action: 'password.reset', subjectId: account.id, unitPath: account.hall?.path })
    return account
  })
  await endSessionsOf(account.id)
  return { oneTimePassword }
}

/** Lifts the sign-in lock of someone in the viewer's care. */
export async function unlockAccount(viewer: Viewer, username: string, now: Date): Promise<{ cleared: number }> {
  return prisma.$transaction(async (tx) => {
    const account = await accountIn(tx, viewer, username)
    const cleared = await clearSignInFailures(tx, account.username)
    await recordAudit(tx, { at: now, actorId: viewer.id, action: 'signin.unlocked', subjectId: account.id, unitPath: account.hall?.path, detail: { cleared } })
    return { cleared }
  })
}

export type ChangePasswordResult =
  | { ok: true }
  | { ok: false; field: 'current'; error: 'wrong' }
  | { ok: false; field: 'next'; error: PasswordProblem | 'same' }

/** Anyone signed in changes their own password; it ends the one-time password's hold. */
export async function changeOwnPassword(userId: string, current: string, next: string, now: Date, keepSessionId: string | null = null): Promise<ChangePasswordResult> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { username: true, passwordHash: true, hall: { select: { path: true } } } })
  if (!(await verifyPassword(current, user.passwordHash)).matches) return { ok: false, field: 'current', error: 'wrong' }
  const [problem] = passwordProblems(next, user.username)
  if (problem) return { ok: false, field: 'next', error: problem }
  if (next === current) return { ok: false, field: 'next', error: 'same' }
  const passwordHash = await hashPassword(next)
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: false } })
    await recordAudit(tx, { at: now, actorId: userId, action: 'password.changed', subjectId: userId, unitPath: user.hall?.path })
  })
  await endSessionsOf(userId, keepSessionId) // every other browser is signed out; this one stays
  return { ok: true }
}

/** The open halls the viewer may place people in (all for admins, their units' halls for managers). */
export async function placeableHalls(viewer: Viewer) {
  const scope = accountScopeOf(viewer)
  if (scope.length === 0) return []
  return prisma.orgUnit.findMany({
    where: { kind: 'hall', closedAt: null, OR: scope.map((prefix) => ({ path: { startsWith: prefix } })) },
    select: { code: true, nameZh: true, nameEn: true },
    orderBy: { path: 'asc' },
  })
}
