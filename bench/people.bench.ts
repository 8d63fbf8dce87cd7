// People: reading and checking a 2 000-row account import, and importing it (hashing the one-time passwords and
// writing every account in one transaction) into a freshly migrated, seeded SQLite file.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { TEMPLATE_HEADER } from '~/core/people-import'
import { createPrismaClient, tuneConnection } from '~/server/db.server'
import { writeTableTemplate } from '~/server/imports/table-template.server'
import { loadSessionUser } from '~/server/people.server'
import { importAccounts } from '~/server/people-import.server'
import { seedDemo } from '~/server/seed/demo.server'
import { benchLine, type Bench } from './report.ts'

const ROWS = 2000

const bench: Bench = async (print) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ssa-people-bench-'))
  const url = `file:${path.join(dir, 'people.db')}`
  try {
    execFileSync('npx', ['prisma', 'migrate', 'deploy'], { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'ignore', 2] })
    process.env.DATABASE_URL = url
    const db = createPrismaClient(url)
    await tuneConnection(db)
    const now = new Date()
    await seedDemo(db, { password: 'Bench@2026-long', now })
    const admin = await db.user.findUniqueOrThrow({ where: { username: 'admin' }, select: { id: true } })
    const viewer = (await loadSessionUser(admin.id))!.viewer
    const rows = Array.from({ length: ROWS }, (_, i) => [`B${String(i).padStart(5, '0')}`, `员工${i}`, `H0${(i % 8) + 1}`, '营业员', '2026-01-05', ''])
    for (const format of ['csv', 'xlsx'] as const) {
      const bytes = await writeTableTemplate({ header: TEMPLATE_HEADER, rows, format })
      const started = performance.now()
      const checked = await importAccounts(viewer, { bytes, fileName: `people.${format}` }, { apply: false }, now)
      if (!checked.ok || checked.toCreate !== ROWS) throw new Error('the bench file did not check clean')
      print(benchLine(`people.check-${ROWS}-rows-${format}`, Math.round(performance.now() - started), 'ms', { op: '<=', value: 3000 }))
    }
    const bytes = await writeTableTemplate({ header: TEMPLATE_HEADER, rows, format: 'csv' })
    const started = performance.now()
    const done = await importAccounts(viewer, { bytes, fileName: 'people.csv' }, { apply: true }, now)
    if (!done.ok || done.created.length !== ROWS) throw new Error('the bench import did not create every account')
    print(benchLine(`people.import-${ROWS}-rows`, Math.round(performance.now() - started), 'ms', { op: '<=', value: 30000 }))
    await db.$disconnect()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export default bench
