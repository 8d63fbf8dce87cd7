// The page reads in process (no HTTP, no render): what the session user, /learn, a course page and a module
// page cost the server in database work, on a migrated SQLite file with the demo people and the real content.
// Median of 5 rounds of 400 calls each; the machine may be shared, so compare runs taken side by side.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { importContent } from '~/server/content/import.server'
import { catalogueFor, loadCourseForLearner, loadModuleForLearner, markModuleRead } from '~/server/courses.server'
import { createPrismaClient, tuneConnection } from '~/server/db.server'
import { loadSessionUser } from '~/server/people.server'
import { seedDemo } from '~/server/seed/demo.server'
import { benchLine, type Bench } from './report.ts'

const ROUNDS = 5
const CALLS = 400

async function perCall(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 100; i++) await run() // warm: caches filled, statements prepared, JIT settled
  const rounds: number[] = []
  for (let r = 0; r < ROUNDS; r++) {
    const started = performance.now()
    for (let i = 0; i < CALLS; i++) await run()
    rounds.push(((performance.now() - started) / CALLS) * 1000)
  }
  return rounds.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]
}

const bench: Bench = async (print) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ssa-data-bench-'))
  const url = `file:${path.join(dir, 'bench.db')}`
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DATABASE_URL: url } })
  process.env.DATABASE_URL = url
  const db = createPrismaClient()
  try {
    await tuneConnection(db)
    const now = new Date('2026-11-25T02:00:00Z')
    await seedDemo(db, { password: 'Bench@2026', now })
    const imported = await importContent(db, 'content')
    if (!imported.ok) throw new Error('the real content did not import')
    const { id } = await db.user.findUniqueOrThrow({ where: { username: 'clerk01' }, select: { id: true } })
    const user = (await loadSessionUser(id))!
    const course = await db.courseVersion.findFirstOrThrow({ where: { courseId: 'etiquette', current: { isNot: null } }, select: { modules: { select: { moduleVersion: { select: { id: true, slug: true } } } } } })
    for (const { moduleVersion } of course.modules.slice(0, 2)) await markModuleRead(user, 'etiquette', moduleVersion.slug, moduleVersion.id, now)
    const slug = course.modules[0].moduleVersion.slug

    print(benchLine('data-session-user', await perCall(() => loadSessionUser(id)), 'µs/call'))
    print(benchLine('data-learn-catalogue', await perCall(() => catalogueFor(user, now)), 'µs/call'))
    print(benchLine('data-course-page', await perCall(() => loadCourseForLearner(user, 'etiquette', now)), 'µs/call'))
    print(benchLine('data-module-page', await perCall(() => loadModuleForLearner(user, 'etiquette', slug, now)), 'µs/call'))
  } finally {
    await db.$disconnect()
    rmSync(dir, { recursive: true, force: true })
  }
}
export default bench
