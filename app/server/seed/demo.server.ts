// Seeds the demo organisation and accounts. Idempotent: a second run finds everything and changes nothing
// (except password hashes, when DEMO_PASSWORD changed).
import { childPath } from '~/core/org'
import type { PrismaClient } from '~/generated/prisma/client'
import { DEMO_UNITS, demoPeople, type DemoPerson } from './demo-data'
import { seedAuditHistory } from './audit-history.server'
import { seedHistory } from './history.server'
import { SEED_TRANSACTION } from './transaction.server'
import { seedStars } from './stars.server'
import { seedMentoring } from './mentoring.server'
import { seedBanks } from './banks.server'
import { qualitySampleUnder } from '../unit-quality.server'
import { hashPassword, verifyPassword } from '../password-hash.server'

export const DEFAULT_DEMO_PASSWORD = 'Demo@2026'

export interface SeedOptions {
  password: string
  now: Date
  log?: (line: string) => void
  /** Six months of demo activity (app/server/seed/history.server.ts); needs the content imported first. */
  history?: boolean
}

async function seedUnits(db: PrismaClient): Promise<Map<string, { id: string; path: string }>> {
  const byCode = new Map<string, { id: string; path: string }>()
  for (const unit of DEMO_UNITS) {
    const parent = unit.parent ? byCode.get(unit.parent) : undefined
    const path = childPath(parent?.path ?? '/', unit.code)
    const row = await db.orgUnit.upsert({
      where: { code: unit.code },
      update: {},
      create: { code: unit.code, kind: unit.kind, nameZh: unit.nameZh, nameEn: unit.nameEn, path, parentId: parent?.id },
      select: { id: true, path: true },
    })
    byCode.set(unit.code, row)
  }
  return byCode
}

/**
 * The hash every demo account gets, and which existing ones it replaces: all of them when DEMO_PASSWORD changed,
 * only those still on the old shared hash when that was bcrypt (issue 13: moved to scrypt; a demo account whose
 * password was changed in the app keeps it).
 */
async function passwordHashFor(db: PrismaClient, password: string): Promise<{ hash: string; replace: 'none' | 'all' | { from: string } }> {
  const existing = await db.user.findUnique({ where: { username: 'admin' }, select: { passwordHash: true } })
  const verdict = existing ? await verifyPassword(password, existing.passwordHash) : null
  if (existing && verdict?.matches && !verdict.rehash) return { hash: existing.passwordHash, replace: 'none' }
  // One hash for every demo account, at the full cost: they share the password anyway, so a seed of any size
  // hashes once (~100 ms) and no account is ever seeded with a weaker hash than a real one.
  const hash = await hashPassword(password)
  if (!existing) return { hash, replace: 'none' }
  return { hash, replace: verdict?.matches ? { from: existing.passwordHash } : 'all' }
}

export async function seedDemo(db: PrismaClient, options: SeedOptions): Promise<DemoPerson[]> {
  const log = options.log ?? (() => {})
  const units = await seedUnits(db)
  log(`seed: ${units.size} units`)
  const { hash, replace } = await passwordHashFor(db, options.password)
  const changed = replace !== 'none'
  const people = demoPeople()
  const existing = new Set((await db.user.findMany({ select: { username: true } })).map((u) => u.username))
  let created = 0
  await db.$transaction(async (tx) => {
    for (const person of people) {
      if (existing.has(person.username)) continue
      const hireDate =
        person.hiredDaysAgo === null ? null : new Date(options.now.getTime() - person.hiredDaysAgo * 86_400_000)
      await tx.user.create({
        data: {
          username: person.username,
          name: person.name,
          passwordHash: hash,
          hallId: person.hall ? units.get(person.hall)?.id : null,
          hireDate,
          roles: { create: person.roles.map((r) => ({ role: r.role, unitId: r.unit ? units.get(r.unit)?.id : null })) },
        },
      })
      created++
      if (created % 20 === 0) log(`seed: ${created} accounts created…`)
    }
    if (changed) {
      const old = typeof replace === 'object' ? { passwordHash: replace.from } : {}
      await tx.user.updateMany({ where: { username: { in: people.map((p) => p.username) }, ...old }, data: { passwordHash: hash } })
    }
  }, SEED_TRANSACTION)
  log(`seed: ${people.length} demo accounts (${created} new${changed ? ', passwords updated' : ''})`)
  if (options.history) await seedHistory(db, options.now, log)
  await seedStars(db, options.now, log, options.history ?? false)
  log(`seed: ${await seedMentoring(db, options.now)} demo pairing(s) created`)
  // only the full demo: tests seed people and count banks from zero
  if (options.history) log(`seed: question banks ${(await seedBanks(db, options.now)).join(', ') || 'none'}`)
  if (options.history) log(`seed: ${await seedAuditHistory(db, options.now)} audit log entries`)
  // the quality roll-up's closed days folded here, not on the first manager's first view (decision 0033)
  if (options.history) log(`seed: quality sample of ${(await qualitySampleUnder('/', options.now)).attempts} attempts folded`)
  return people
}
