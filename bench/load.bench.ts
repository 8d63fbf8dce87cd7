// Load (issue 13): 200 connections for 60 s of mixed journeys on a seeded database — clerks reading and marking
// modules read, clerks saving and submitting practice quizzes, managers opening their pages. Prints throughput,
// p50/p95/p99, errors and lost writes (an acknowledged write that is not in the database after).
//
// The arrival model, stated because it decides what the percentiles mean:
// - users (the target applies): each connection is one person at a counter terminal, who reads the page she was
//   given before the next request — a think time drawn uniformly from 0.5–1.5 × THINK (5 s by default; a clerk
//   answering a quiz item or a manager scanning a table takes longer, so this is a busy hall, not a quiet one).
//   200 such users offer about 200 / 5 s = 40 requests/s.
// - saturation (no target): the same journeys with no think time, a closed loop that offers as much as the server
//   takes: its throughput is the capacity, its latencies are queueing (200 in flight / capacity), not users' waits.
// Before both, each route is called alone a few times to charge it the server CPU it costs (robust to the
// other engineers' load on this shared machine, unlike wall-clock figures).
// `--connections=N --seconds=N --saturation-seconds=N --think=MS` change it; LOAD_BENCH_NODE_ARGS passes flags
// to the server (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof --import=./bench/lib/exit-on-term.mjs`).
import { performance } from 'node:perf_hooks'
import { readFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { latestAnswers, practiceQuizIds } from './lib/quiz-app.ts'
import { learners, pooled, saveTarget, signInAll, startAttempt, type SaveTarget } from './lib/quiz-prepare.ts'
import { data, managing, MODULE, newCounts, percentile, quizzing, reading, type Counts, type Think } from './lib/load-journeys.ts'
import { processCpuSeconds, signIn, startSeededApp } from './lib/server.ts'
import { benchLine, type Bench } from './report.ts'

const flag = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback)
const CONNECTIONS = flag('connections', 200)
const SECONDS = flag('seconds', 60)
const SATURATION_SECONDS = flag('saturation-seconds', 20)
const THINK_MS = flag('think', 5000)
const CALIBRATION_TURNS = 6
const QUIZ = 'etiquette-quiz'
// each manager opens a hall of their own
const MANAGERS = [['hall01mgr', 'H01'], ['hall02mgr', 'H02'], ['branch01mgr', 'H01'], ['region01mgr', 'H03'], ['region02mgr', 'H05']] as const

interface Cast {
  base: string
  clerks: Array<{ username: string; cookie: string }>
  managers: Array<{ cookie: string; hall: string }>
  targets: Array<SaveTarget | null>
  practice: string
  versionId: string
}

/** `connections` connections until `seconds` are up: connection n plays clerk n % clerks (reading or quizzing in
 * turn), every fifth one a manager. */
async function drive(cast: Cast, counts: Counts, connections: number, seconds: number, thinkMs: number) {
  const think: Think = thinkMs > 0 ? () => new Promise((r) => setTimeout(r, thinkMs * (0.5 + Math.random()))) : async () => {}
  const until = performance.now() + seconds * 1000
  await Promise.all(
    Array.from({ length: connections }, async (_, n) => {
      // users arrive spread over one think time, not all in the same millisecond
      if (thinkMs > 0) await new Promise((r) => setTimeout(r, Math.random() * thinkMs))
      for (let turn = 0; performance.now() < until; turn++) {
        const i = n % cast.clerks.length
        if (n % 5 === 4) await managing(counts, think, cast.base, cast.managers[n % cast.managers.length])
        else if (turn % 2 === 0 || !cast.targets[i]) await reading(counts, think, cast.base, cast.clerks[i], cast.versionId)
        else {
          const target = cast.targets[i]!
          cast.targets[i] = null // one connection at a time plays this clerk's attempt
          await quizzing(counts, think, cast.base, target, cast.practice)
          cast.targets[i] = target
        }
      }
    }),
  )
}

function report(print: (line: string) => void, phase: string, counts: Counts, elapsed: number, target: boolean) {
  const sorted = [...counts.latencies].sort((a, b) => a - b)
  const at = (p: number) => Math.round(percentile(sorted, p))
  print(benchLine(`load-${phase}-throughput`, Math.round(counts.latencies.length / elapsed), 'requests/s'))
  print(benchLine(`load-${phase}-p50`, at(50), 'ms'))
  print(benchLine(`load-${phase}-p95`, at(95), 'ms'))
  print(benchLine(`load-${phase}-p99`, at(99), 'ms', target ? { op: '<=', value: 500 } : undefined))
  print(benchLine(`load-${phase}-errors`, counts.errors.length, 'requests', { op: '=', value: 0 }))
  if (counts.errors.length) print(`load: first errors: ${[...new Set(counts.errors)].slice(0, 5).join(' | ')}`)
  for (const [label, list] of [...counts.byRoute].sort()) {
    const s = [...list].sort((a, b) => a - b)
    const p = (q: number) => Math.round(percentile(s, q))
    print(`load: ${phase} ${label}: ${list.length} requests, p50 ${p(50)} ms, p95 ${p(95)} ms, p99 ${p(99)} ms`)
  }
}

const bench: Bench = async (print) => {
  const app = await startSeededApp((process.env.LOAD_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean))
  const serverCpu = () => processCpuSeconds(app.pid)
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
    const cast: Cast = { base, clerks, managers, targets, practice, versionId: page.module.id }

    // server CPU per route: the journeys one request at a time, each charged its CPU
    const alone = newCounts(serverCpu)
    const none: Think = async () => {}
    // one turn first, not charged: the first call of each route compiles its code
    await reading(newCounts(), none, base, clerks[CALIBRATION_TURNS], cast.versionId)
    await quizzing(newCounts(), none, base, targets[CALIBRATION_TURNS]!, practice)
    await managing(newCounts(), none, base, managers[0])
    for (let turn = 0; turn < CALIBRATION_TURNS; turn++) {
      await reading(alone, none, base, clerks[turn], cast.versionId)
      await quizzing(alone, none, base, targets[turn]!, practice)
      await managing(alone, none, base, managers[turn % managers.length])
    }
    print(`load: server CPU per request, each route called alone ${CALIBRATION_TURNS}+ times (load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})`)
    for (const [label, seconds] of [...alone.cpuByRoute].sort()) {
      print(benchLine(`load-cpu ${label}`, Math.round((seconds * 1000) / alone.byRoute.get(label)!.length), 'ms/request'))
    }

    const users = newCounts()
    let cpu0 = serverCpu()
    let started = performance.now()
    await drive(cast, users, CONNECTIONS, SECONDS, THINK_MS)
    let elapsed = (performance.now() - started) / 1000
    print(`load: users — ${CONNECTIONS} connections for ${SECONDS} s, think time 0.5–1.5 × ${THINK_MS} ms between requests (load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})`)
    report(print, 'users', users, elapsed, true)
    print(benchLine('load-users-server-cpu', Math.round(((serverCpu() - cpu0) * 1000) / Math.max(1, users.latencies.length)), 'ms/request'))

    const saturation = newCounts()
    cpu0 = serverCpu()
    started = performance.now()
    await drive(cast, saturation, CONNECTIONS, SATURATION_SECONDS, 0)
    elapsed = (performance.now() - started) / 1000
    print(`load: saturation — ${CONNECTIONS} connections for ${SATURATION_SECONDS} s, no think time: a closed loop, throughput = capacity (load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})`)
    report(print, 'saturation', saturation, elapsed, false)
    print(benchLine('load-saturation-server-cpu', Math.round(((serverCpu() - cpu0) * 1000) / Math.max(1, saturation.latencies.length)), 'ms/request'))

    const all = [alone, users, saturation]
    const lost = lostWrites(app.dbFile, all) // read while the server still runs: stopping removes the file
    const sum = (f: (c: Counts) => number) => all.reduce((n, c) => n + f(c), 0)
    print(`load: acknowledged writes checked: ${sum((c) => c.reads.size)} reads, ${sum((c) => c.saved.size)} attempts' last saves, ${sum((c) => c.submitted.size)} submits`)
    print(benchLine('load-lost-writes', lost, 'writes', { op: '=', value: 0 }))
  } finally {
    await app.stop()
  }
}

/** Acknowledged writes missing from the database: reads not recorded, last saves not held, submits not closed.
 * A later phase's save of the same attempt supersedes an earlier one, so saves are checked for the last phase. */
function lostWrites(dbFile: string, phases: Counts[]): number {
  const db = new Database(dbFile, { readonly: true })
  try {
    const readers = new Set(db.prepare('SELECT u."username" AS username FROM "ModuleRead" r JOIN "User" u ON u."id" = r."userId" WHERE r."slug" = ?').all(MODULE.slug).map((r) => (r as { username: string }).username))
    const closed = new Set(db.prepare(`SELECT "id" FROM "Attempt" WHERE "status" = 'submitted'`).all().map((r) => (r as { id: string }).id))
    const answers = latestAnswers(dbFile)
    const lastSaves = new Map(phases.flatMap((c) => [...c.saved]))
    const savesLost = [...lastSaves].filter(([attemptId, option]) => answers.get(attemptId) !== option)
    const reads = new Set(phases.flatMap((c) => [...c.reads]))
    const submitted = phases.flatMap((c) => [...c.submitted])
    return [...reads].filter((u) => !readers.has(u)).length + savesLost.length + submitted.filter((id) => !closed.has(id)).length
  } finally {
    db.close()
  }
}

export default bench
