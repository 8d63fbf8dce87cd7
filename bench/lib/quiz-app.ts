// The built app on a freshly seeded temp database (as startSeededApp), plus its database file and CPU time for checks.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { startSeededApp } from './server.ts'

export interface SeededApp {
  baseURL: string
  dbFile: string
  /** The server's process id (its main thread's tid). */
  pid: number
  /** CPU seconds the server process has used so far (its threads' scheduler statistics, in ns). */
  cpuSeconds: () => number
  /** The part of it used by threads other than the main (JavaScript) thread: V8's compiler and GC helpers, libuv's pool. */
  backgroundCpuSeconds: () => number
  /** CPU seconds per thread so far, by the thread's label (see threadLabels). */
  threadCpuSeconds: () => Map<string, number>
  /** With QUIZ_BENCH_TRACE_OPT: the TurboFan compilations the server has completed so far, and their ms. */
  optimisedSoFar?: () => { count: number; ms: number; functions: string[] }
  stop: () => Promise<void>
}

/**
 * A process's CPU seconds from each thread's scheduler statistics (/proc/<pid>/task/<tid>/schedstat: time on a CPU,
 * in nanoseconds), all threads and those other than the main one. /proc/<pid>/stat counts 10 ms ticks: a phase of
 * 99 real-quiz submits uses ~12 of them, a tenth of a millisecond per request of rounding. A thread that ended is
 * no longer counted (Node's V8 and libuv threads live as long as the process).
 */
function threadCpuSeconds(pid: number): { all: number; background: number } {
  let all = 0
  let background = 0
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    let seconds: number
    try {
      seconds = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e9
    } catch {
      continue // the thread ended meanwhile
    }
    all += seconds
    if (tid !== String(pid)) background += seconds
  }
  return { all, background }
}

/**
 * Each thread's CPU seconds, labelled by its place in the process's thread list. Node 20 leaves every thread named
 * "node" (comm), so the label comes from the order Node starts them (tids ascending): `main`; then `sched` (the
 * platform's delayed-task thread) and `v8-1`…`v8-N` (V8's platform workers, N = --v8-pool-size, 4 by default: they run
 * the GC's parallel and concurrent marking, sweeping and the concurrent TurboFan jobs), `inspector` (the SIGUSR1
 * watcher); threads started later (libuv's pool on its first use, 4 by default) are `late-1`, `late-2`… Checked with
 * `--v8-pool-size=2`: two threads fewer before the late ones.
 */
export function perThreadCpuSeconds(pid: number, v8PoolSize: number): Map<string, number> {
  const tids = readdirSync(`/proc/${pid}/task`).map(Number).sort((a, b) => a - b)
  const out = new Map<string, number>()
  tids.forEach((tid, i) => {
    let label: string
    if (tid === pid) label = 'main'
    else if (i === 1) label = 'sched'
    else if (i <= 1 + v8PoolSize) label = `v8-${i - 1}`
    else if (i === 2 + v8PoolSize) label = 'inspector'
    else label = `late-${i - 2 - v8PoolSize}`
    try {
      out.set(label, Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e9)
    } catch {
      // the thread ended meanwhile
    }
  })
  return out
}

/** The V8 platform's worker count the server runs with (its --v8-pool-size, else 4, Node's default). */
export function v8PoolSizeOf(args: readonly string[]): number {
  const flag = [...args].reverse().find((a) => a.startsWith('--v8-pool-size='))
  return flag ? Number(flag.split('=')[1]) || 4 : 4
}

/**
 * The seeded app (extra node flags from QUIZ_BENCH_NODE_ARGS, e.g. --cpu-prof) with its CPU time; `afterSeed` runs
 * on the seeded database file before the server starts (bench-only rows, e.g. addBenchLearners).
 */
export async function startSeededAppWithDb(afterSeed?: (dbFile: string) => void): Promise<SeededApp> {
  const args = (process.env.QUIZ_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)
  // QUIZ_BENCH_TRACE_OPT=1: the server runs with --trace-opt into a file, and each phase tells what V8 optimised in it
  const trace = process.env.QUIZ_BENCH_TRACE_OPT ? path.join(mkdtempSync(path.join(os.tmpdir(), 'ssa-trace-opt-')), 'trace.txt') : null
  if (trace) {
    args.push('--trace-opt')
    process.env.BENCH_SERVER_STDOUT = trace
  }
  let app: Awaited<ReturnType<typeof startSeededApp>>
  try {
    app = await startSeededApp(args, afterSeed)
  } finally {
    delete process.env.BENCH_SERVER_STDOUT
  }
  const cpuSeconds = () => threadCpuSeconds(app.pid).all
  const backgroundCpuSeconds = () => threadCpuSeconds(app.pid).background
  const poolSize = v8PoolSizeOf([...args, ...(process.env.NODE_OPTIONS ?? '').split(' ')])
  const perThread = () => perThreadCpuSeconds(app.pid, poolSize)
  const optimisedSoFar = trace ? () => optimisations(readFileSync(trace, 'utf8')) : undefined
  const stop = async () => {
    await app.stop()
    if (trace) rmSync(path.dirname(trace), { recursive: true, force: true })
  }
  return { baseURL: app.baseURL, dbFile: app.dbFile, pid: app.pid, cpuSeconds, backgroundCpuSeconds, threadCpuSeconds: perThread, optimisedSoFar, stop }
}

/** TurboFan compilations completed in a --trace-opt log: how many, the ms V8 says they took (its three phases, wall
 * time: on a busy machine this counts waiting too), and the functions, in order. */
function optimisations(log: string): { count: number; ms: number; functions: string[] } {
  const functions: string[] = []
  let ms = 0
  for (const [, name, a, b, c] of log.matchAll(/^\[completed compiling 0x[0-9a-f]+ <JSFunction ?(\S*) .* took ([\d.]+), ([\d.]+), ([\d.]+) ms\]$/gm)) {
    functions.push(name && name !== '(sfi' ? name : '(anonymous)')
    ms += Number(a) + Number(b) + Number(c)
  }
  return { count: functions.length, ms, functions }
}

/** Runs `read` on a read-only connection to the (WAL-mode) database the server is writing, then closes it. */
export function readDb<T>(dbFile: string, read: (db: Database.Database) => T): T {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true })
  try {
    return read(db)
  } finally {
    db.close()
  }
}

export function practiceQuizIds(dbFile: string): string[] {
  return readDb(dbFile, (db) => (db.prepare(`SELECT id FROM Quiz WHERE id LIKE 'practice-%' ORDER BY id`).all() as { id: string }[]).map((r) => r.id))
}

export function answerStepCount(dbFile: string): number {
  return readDb(dbFile, (db) => (db.prepare(`SELECT COUNT(*) AS n FROM AttemptStep WHERE kind = 'answer'`).get() as { n: number }).n)
}

/** Each attempt's latest saved answer (one item per attempt in this bench): attempt id → the saved value. */
export function latestAnswers(dbFile: string): Map<string, string> {
  const sql = `SELECT attemptId, payload FROM AttemptStep WHERE id IN (SELECT MAX(id) FROM AttemptStep WHERE kind = 'answer' GROUP BY attemptId)`
  const rows = readDb(dbFile, (db) => db.prepare(sql).all() as { attemptId: string; payload: string }[])
  return new Map(rows.map((r) => [r.attemptId, JSON.parse(r.payload) as string]))
}

/** How many of these attempts are submitted (closed by the clerk). */
export function submittedCount(dbFile: string, attemptIds: readonly string[]): number {
  return readDb(dbFile, (db) => {
    let total = 0
    for (let i = 0; i < attemptIds.length; i += 500) {
      const chunk = attemptIds.slice(i, i + 500)
      const sql = `SELECT COUNT(*) AS n FROM Attempt WHERE status = 'submitted' AND closedBy = 'clerk' AND id IN (${chunk.map(() => '?').join(',')})`
      total += (db.prepare(sql).get(...chunk) as { n: number }).n
    }
    return total
  })
}

export interface CpuShare {
  serverSeconds: number
  /** Of serverSeconds, the threads other than the main one (compiling, GC helpers). */
  backgroundSeconds: number
  /** Percent of one core, over the measured span. */
  server: number
  bench: number
  /** Everything else on the machine (other engineers' builds and tests share these cores). */
  other: number
}

const machineBusy = () => {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/)
  const ticks = fields.map(Number)
  return (ticks.reduce((a, b) => a + b, 0) - ticks[3] - ticks[4]) / 100 // minus idle and iowait, in seconds
}

/** Starts measuring CPU use; the returned function tells each party's share since. */
export function watchCpu(app: SeededApp): () => CpuShare {
  const t0 = performance.now()
  const [server0, background0, machine0, bench0] = [app.cpuSeconds(), app.backgroundCpuSeconds(), machineBusy(), process.cpuUsage()]
  return () => {
    const seconds = (performance.now() - t0) / 1000
    const server = app.cpuSeconds() - server0
    const backgroundSeconds = Math.max(0, app.backgroundCpuSeconds() - background0)
    const used = process.cpuUsage(bench0)
    const bench = (used.user + used.system) / 1e6
    const other = Math.max(0, machineBusy() - machine0 - server - bench)
    const pct = (v: number) => Math.round((v / seconds) * 100)
    return { serverSeconds: server, backgroundSeconds, server: pct(server), bench: pct(bench), other: pct(other) }
  }
}
