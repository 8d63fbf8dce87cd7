// `npm run db:seed`: applies migrations, seeds the demo organisation (idempotent) and imports content/.
import { formatProblem } from '~/core/content/problems'
import { importContent } from '~/server/content/import.server'
import { createPrismaClient } from '~/server/db.server'
import { DEFAULT_DEMO_PASSWORD, seedDemo } from '~/server/seed/demo.server'
import { applyMigrations, resolveDatabaseUrl } from './database'

resolveDatabaseUrl()
applyMigrations()
const db = createPrismaClient()
// Content first: the demo history (DEMO_HISTORY=1, seeded by seedDemo) reads the imported module and quiz versions.
const imported = await importContent(db, process.env.CONTENT_DIR ?? 'content')
await seedDemo(db, { password: process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD, now: new Date(), log: console.log, history: process.env.DEMO_HISTORY === '1' })
await db.$disconnect()
if (!imported.ok) {
  for (const problem of imported.problems) console.error(formatProblem(problem))
  process.exit(1)
}
console.log(`content: ${imported.summary.modulesCreated} module version(s), ${imported.summary.quizzesChanged.length} quiz version(s) imported`)
