// Load (issue 13): many connections for a while of mixed journeys on a seeded database — clerks reading and
// marking modules read, clerks saving and submitting practice quizzes, managers opening their pages. Prints
// throughput, p50/p95/p99, errors and lost writes (an acknowledged write that is not in the database after).
// `--connections=N --seconds=N` shorten it on a shared machine (defaults: the 200 for 60 s).
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import { learners, pooled, saveTarget, signInAll, startAttempt, type SaveTarget } from './lib/quiz-prepare.ts'
import { latestAnswers, practiceQuizIds } from './lib/quiz-app.ts'
import { signIn, startSeededApp } from './lib/server.ts'
import { benchLine, type Bench } from './report.ts'

const flag = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback)
const CONNECTIONS = flag('connections', 200)
const SECONDS = flag('seconds', 60)
const MODULE = { course: 'etiquette', slug: 'appearance' }
const QUIZ = 'etiquette-quiz'
// each manager opens a hall of their own
const MANAGERS = [['hall01mgr', 'H01'], ['hall02mgr', 'H02'], ['branch01mgr', 'H01'], ['region01mgr', 'H03'], ['region02mgr', 'H05']] as const
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' }
const data = (route: string) => `?_data=${encodeURIComponent(route)}`

interface Counts {
  latencies: number[]
  errors: string[]
  /** Acknowledged writes to look for afterwards. */
  reads: Set<string>
  /** attempt id → the option its last acknowledged save chose */
  saved: Map<string, string>
  submitted: Set<string>
}

/** One request; its latency counted, anything but the expected status an error. Returns the response text. */
async function hit(counts: Counts, base: string, path: string, cookie: string, expect: number, body?: string): Promise<Response | null> {
  const started = performance.now()
  try {
    const response = await fetch(base + path, { method: body === undefined ? 'GET' : 'POST', headers: body === undefined ? { cookie } : { ...FORM, cookie }, body, redirect: 'manual' })
    await response.arrayBuffer()
    counts.latencies.push(performance.now() - started)
    if (response.status !== expect) counts.errors.push(`${path.split('?')[0]}: ${response.status}`)
    return response.status === expect ? response : null
  } catch (error) {
    counts.latencies.push(performance.now() - started)
    counts.errors.push(`${path.split('?')[0]}: ${(error as Error).message}`)
    return null
  }
}

/** A clerk opens her home and a module, and marks it read (the module version id from the page's data). */
async function reading(counts: Counts, base: string, clerk: { cookie: string; username: string }, versionId: string) {
  await hit(counts, base, '/learn', clerk.cookie, 200)
  await hit(counts, base, `/learn/${MODULE.course}/${MODULE.slug}`, clerk.cookie, 200)
  const marked = await hit(counts, base, `/learn/${MODULE.course}/${MODULE.slug}${data('routes/learn.$course.$module')}`, clerk.cookie, 200, new URLSearchParams({ intent: 'read', versionId }).toString())
  if (marked) counts.reads.add(clerk.username)
}

/** A clerk changes her answer in the quiz she is taking (two saves), then starts and submits a practice quiz. */
async function quizzing(counts: Counts, base: string, target: SaveTarget, practice: string) {
  for (const option of target.options.slice(0, 2)) {
    const body = new URLSearchParams({ intent: 'save', item: target.itemId, [`a.${target.itemId}`]: option }).toString()
    if (await hit(counts, base, target.path, target.cookie, 200, body)) counts.saved.set(target.attemptId, option)
  }
  const started = await hit(counts, base, `/quizzes/${practice}?index`, target.cookie, 302, '')
  const attemptId = /\/attempts\/([A-Za-z0-9-]+)$/.exec(started?.headers.get('location') ?? '')?.[1]
  if (!attemptId) return
  const path = `/quizzes/${practice}/attempts/${attemptId}${data('routes/quizzes.$quiz.attempts.$attempt')}`
  // a Remix data request answers the submit's redirect with 204 and X-Remix-Redirect
  if (await hit(counts, base, path, target.cookie, 204, 'intent=submit')) counts.submitted.add(attemptId)
}

/** A manager opens the overview, one of their halls and its people table. */
async function managing(counts: Counts, base: string, manager: { cookie: string; hall: string }) {
  await hit(counts, base, '/manage', manager.cookie, 200)
  await hit(counts, base, `/manage/halls/${manager.hall}`, manager.cookie, 200)
  await hit(counts, base, `/manage/people?unit=${manager.hall}`, manager.cookie, 200)
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0

const bench: Bench = async (print) => {
  const app = await startSeededApp()
  try {
    const base = app.baseURL
    const clerkNames = learners()
    const clerkCookies = await signInAll(base, clerkNames)
    const clerks = clerkNames.map((username, i) => ({ username, cookie: clerkCookies[i] }))
    const managers = await pooled(MANAGERS, 2, async ([username, hall]) => ({ cookie: await signIn(base, username), hall }))
    // practice quizzes: unlimited attempts with no delay, so submitting can go on for the whole run
    const [practice] = practiceQuizIds(app.dbFile)
    if (!practice) throw new Error('no practice quiz in the seeded content')
    const page = (await (await fetch(`${base}/learn/${MODULE.course}/${MODULE.slug}${data('routes/learn.$course.$module')}`, { headers: { cookie: clerks[0].cookie } })).json()) as { module: { id: string } }
    // one attempt of the real quiz open per clerk, saved into all along (the time limit outlasts the run)
    const targets: Array<SaveTarget | null> = await pooled(clerks, 4, async (c) => saveTarget(base, c.cookie, QUIZ, await startAttempt(base, c.cookie, QUIZ)))
    const counts: Counts = { latencies: [], errors: [], reads: new Set(), saved: new Map(), submitted: new Set() }
    const until = performance.now() + SECONDS * 1000
    const started = performance.now()
    // connection n plays clerk n % clerks (reading or quizzing in turn), every fifth one a manager
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async (_, n) => {
        for (let turn = 0; performance.now() < until; turn++) {
          const i = n % clerks.length
          if (n % 5 === 4) await managing(counts, base, managers[n % managers.length])
          else if (turn % 2 === 0 || !targets[i]) await reading(counts, base, clerks[i], page.module.id)
          else {
            const target = targets[i]!
            targets[i] = null // one connection at a time plays this clerk's attempt
            await quizzing(counts, base, target, practice)
            targets[i] = target
          }
        }
      }),
    )
    const elapsed = (performance.now() - started) / 1000
    const lost = lostWrites(app.dbFile, counts) // read while the server still runs: stopping removes the file
    print(`load: ${CONNECTIONS} connections for ${SECONDS} s on a shared machine (figures taken under contention)`)
    print(benchLine('load-throughput', Math.round(counts.latencies.length / elapsed), 'requests/s'))
    const sorted = [...counts.latencies].sort((a, b) => a - b)
    print(benchLine('load-p50', Math.round(percentile(sorted, 50)), 'ms'))
    print(benchLine('load-p95', Math.round(percentile(sorted, 95)), 'ms'))
    print(benchLine('load-p99', Math.round(percentile(sorted, 99)), 'ms', { op: '<=', value: 500 }))
    print(benchLine('load-errors', counts.errors.length, 'requests', { op: '=', value: 0 }))
    if (counts.errors.length) print(`load: first errors: ${[...new Set(counts.errors)].slice(0, 5).join(' | ')}`)
    print(`load: acknowledged writes checked: ${counts.reads.size} clerks' reads, ${counts.saved.size} attempts' last saves, ${counts.submitted.size} submits`)
    print(benchLine('load-lost-writes', lost, 'writes', { op: '=', value: 0 }))
  } finally {
    await app.stop()
  }
}

/** Acknowledged writes missing from the database: reads not recorded, last saves not held, submits not closed. */
function lostWrites(dbFile: string, counts: Counts): number {
  const db = new Database(dbFile, { readonly: true })
  try {
    const readers = new Set(db.prepare('SELECT u."username" AS username FROM "ModuleRead" r JOIN "User" u ON u."id" = r."userId" WHERE r."slug" = ?').all(MODULE.slug).map((r) => (r as { username: string }).username))
    const closed = new Set(db.prepare(`SELECT "id" FROM "Attempt" WHERE "status" = 'submitted'`).all().map((r) => (r as { id: string }).id))
    const answers = latestAnswers(dbFile)
    const savesLost = [...counts.saved].filter(([attemptId, option]) => answers.get(attemptId) !== option)
    return [...counts.reads].filter((u) => !readers.has(u)).length + savesLost.length + [...counts.submitted].filter((id) => !closed.has(id)).length
  } finally {
    db.close()
  }
}

export default bench
