// `npm run content:import [-- <dir>]`: check, then store every new version in one transaction (or nothing).
import { formatProblem } from '~/core/content/problems'
import { createPrismaClient, tuneConnection } from '~/server/db.server'
import { importContent } from '~/server/content/import.server'
import { contentArgs } from './content-args'
import { applyMigrations, resolveDatabaseUrl } from './database'

// --skip-migrations: the dev server re-imports on every edit into a database it already migrated.
const skipMigrations = process.argv.includes('--skip-migrations')
const { root, language } = contentArgs(process.argv.slice(2).filter((a) => a !== '--skip-migrations'))
resolveDatabaseUrl()
if (!skipMigrations) applyMigrations()
const db = createPrismaClient()
await tuneConnection(db)
const started = performance.now()
const result = await importContent(db, root, language)
await db.$disconnect()
if (!result.ok) {
  for (const problem of result.problems) console.error(formatProblem(problem, language))
  console.error(language === 'en' ? `\n${result.problems.length} problem(s): nothing was imported.` : `\n共 ${result.problems.length} 个问题：没有导入任何内容。`)
  process.exit(1)
}
const { coursesChanged, modulesCreated, modulesUnchanged, quizzesChanged } = result.summary
console.log(
  `content: ${coursesChanged.length} course(s) changed${coursesChanged.length ? ` (${coursesChanged.join(', ')})` : ''}, ` +
    `${modulesCreated} module version(s) created, ${modulesUnchanged} unchanged, ${quizzesChanged.length} quiz version(s) ` +
    `in ${Math.round(performance.now() - started)} ms`,
)
