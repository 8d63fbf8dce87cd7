// Importing accounts from a CSV or XLSX file: read (imports/table-file), plan (core/people-import), and — unless
// it is a dry run — create every planned account in ONE transaction, or none when any row has a problem.
// Importing the same file again creates nothing: its rows are now accounts exactly as described.
import { accountScopeOf, canCreateAccount, type Viewer } from '~/core/permissions'
import { hallDay } from '~/core/dates'
import { planImport, usernamesOf, type ImportContext, type ImportPlan, type ImportProblem } from '~/core/people-import'
import { checkThenWrite, prisma } from './db.server'
import type { Tx } from './audit.server'
import { CREATABLE_ROLES, hashOneTimePassword, insertAccounts, newOneTimePassword } from './accounts.server'
import { readTableFile, type TableRefusal } from './imports/table-file.server'
import { forbidden } from './responses.server'

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024
export const MAX_IMPORT_ROWS = 5000

export type ImportOutcome =
  | { ok: false; fileError: TableRefusal }
  | {
      ok: true
      applied: boolean
      rows: number
      problems: ImportProblem[]
      toCreate: number
      unchanged: number
      /** Shown once, to the importer: each new account's one-time password. */
      created: CreatedAccount[]
    }

export type CreatedAccount = { username: string; name: string; hallCode: string; oneTimePassword: string }

async function importContext(db: Tx, viewer: Viewer, usernames: string[], now: Date): Promise<ImportContext> {
  const [halls, existing] = await Promise.all([
    db.orgUnit.findMany({ where: { kind: 'hall' }, select: { code: true, path: true, closedAt: true } }),
    db.user.findMany({ where: { username: { in: usernames } }, select: { username: true, name: true, hall: { select: { code: true } } } }),
  ])
  return {
    halls: new Map(halls.map((h) => [h.code, { path: h.path, open: h.closedAt === null }])),
    existing: new Map(existing.map((u) => [u.username.toLowerCase(), { name: u.name, hallCode: u.hall?.code ?? null }])),
    scope: accountScopeOf(viewer),
    grantable: CREATABLE_ROLES,
    today: hallDay(now),
  }
}

export async function importAccounts(
  viewer: Viewer,
  file: { bytes: Uint8Array; fileName: string },
  options: { apply: boolean },
  now: Date,
): Promise<ImportOutcome> {
  const table = await readTableFile({ ...file, maxBytes: MAX_IMPORT_BYTES, maxRows: MAX_IMPORT_ROWS })
  if (!table.ok) return { ok: false, fileError: table.reason }
  const lookup = usernamesOf(table.header, table.rows)
  const plan = (context: ImportContext) => planImport(table.header, table.rows, context)
  const first = plan(await importContext(prisma, viewer, lookup, now))
  const summary = (p: ImportPlan, applied: boolean, created: CreatedAccount[]): ImportOutcome => ({
    ok: true as const,
    applied,
    rows: table.rows.length,
    problems: p.problems,
    toCreate: p.create.length,
    unchanged: p.unchanged.length,
    created,
  })
  if (!options.apply || first.problems.length > 0 || first.create.length === 0) return summary(first, false, [])
  // Hashing costs CPU time: done before the transaction, for the accounts the plan expects to create.
  const passwords = new Map<string, { oneTimePassword: string; hash: string }>()
  for (const account of first.create) {
    const oneTimePassword = newOneTimePassword()
    passwords.set(account.username, { oneTimePassword, hash: await hashOneTimePassword(oneTimePassword) })
  }
  return checkThenWrite(
    async (tx) => {
      // Planned again inside the transaction: another import may have landed in between.
      const context = await importContext(tx, viewer, lookup, now)
      const final = plan(context)
      if (final.problems.length > 0) return summary(final, false, [])
      const hallIds = new Map((await tx.orgUnit.findMany({ where: { kind: 'hall', code: { in: final.create.map((a) => a.hallCode) } }, select: { code: true, id: true } })).map((h) => [h.code, h.id]))
      const accounts = final.create.map((account) => {
        const hall = context.halls.get(account.hallCode)!
        if (!canCreateAccount(viewer, { hallPath: hall.path, roles: account.roles })) forbidden('hall out of scope')
        const password = passwords.get(account.username)
        if (!password) throw new Error(`no password prepared for ${account.username}`)
        return { ...account, hallId: hallIds.get(account.hallCode)!, hallPath: hall.path, passwordHash: password.hash, via: 'import' as const, oneTimePassword: password.oneTimePassword }
      })
      await insertAccounts(tx, viewer.id, accounts, now)
      const created: CreatedAccount[] = accounts.map((a) => ({ username: a.username, name: a.name, hallCode: a.hallCode, oneTimePassword: a.oneTimePassword }))
      return summary(final, true, created)
    },
    { timeout: 120_000 },
  )
}
