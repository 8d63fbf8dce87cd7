// The page reads in process (no HTTP, no render): what the session user, /learn, a course page and a module
// page cost the server in database work, on a migrated SQLite file with the demo people and the real content.
// Process CPU per call (µs), median of 5 rounds of 400 calls; compare runs taken side by side.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { importContent } from '~/server/content/import.server'
import { catalogueFor, loadCourseForLearner, loadModuleForLearner, markModuleRead } from '~/server/courses.server'
import { createPrismaClient, tuneConnection } from '~/server/db.server'
import { loadSessionUser } from '~/server/people.server'
import { seedDemo } from '~/server/seed/demo.server'
import { benchLine, type Bench } from './report.ts'

const ROUNDS = 5
const CALLS = 400

async function perCall(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 1000; i++) await run() // warm: caches filled, statements prepared, JIT settled
  const rounds: number[] = []
  for (let r = 0; r < ROUNDS; r++) {
    // CPU time, not wall time: on a shared machine waiting for a core is not the reads' cost
    const started = process.cpuUsage()
    for (let i = 0; i < CALLS; i++) await run()
    const used = process.cpuUsage(started)
    rounds.push((used.user + used.system) / CALLS)
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

    print(benchLine('data-session-user', await perCall(() => loadSessionUser(id)), 'µs CPU/call'))
    print(benchLine('data-learn-catalogue', await perCall(() => catalogueFor(user, now)), 'µs CPU/call'))
    print(benchLine('data-course-page', await perCall(() => loadCourseForLearner(user, 'etiquette', now)), 'µs CPU/call'))
    print(benchLine('data-module-page', await perCall(() => loadModuleForLearner(user, 'etiquette', slug, now)), 'µs CPU/call'))
  } finally {
    await db.$disconnect()
    rmSync(dir, { recursive: true, force: true })
  }
}
export default bench
