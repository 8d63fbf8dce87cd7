// The people export's CSV written on both cores (decision 0043): a small pool of worker threads, each with its own
// read-only SQLite connection (sqlite-read.server.ts, through the same query module), reads its share of the
// export's pages (every n-th run of pages of halls), builds their rows with the same rule and writes them with csvBody (csv-write.server.ts);
// the request's thread passes the pages on in order. Each worker runs at most AHEAD pages ahead of what the request
// has taken (a slow download holds the workers back: memory stays a few pages). SQLite only: on PostgreSQL the
// database server already does the reading on its own core, and the request's thread writes the pages as before.
// The workers start at the first export and stay (their start, ~0.1 s, would cost a region's export as much again;
// each compiles its own code, and reaches its steady CPU after ~10 exports).
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { isMainThread, Worker } from 'node:worker_threads'
import { databaseEngine, databaseUrl } from './db.server'
import type { PageShare, ProgressBasis } from './unit-progress.server'

/** What a worker is sent of an export: the basis the request read, the filter, the clock, the words looked up. */
export interface ExportJob {
  basis: ProgressBasis
  params: string
  now: string
  words: Record<string, string>
  language: string
  /** Consecutive pages a worker writes into one message (its share is runs of this many pages). */
  group: number
}

export type ToWorker = { type: 'job'; id: number; url: string; job: ExportJob; share: PageShare } | { type: 'ack' | 'cancel'; id: number }
export type FromWorker = { id: number; page: string } | { id: number; done: true } | { id: number; error: string }

/** Pages a worker may have written that the request has not yet taken. */
export const AHEAD = Number(process.env.EXPORT_WORKER_AHEAD ?? 2)

/**
 * Workers in the pool: EXPORT_WORKERS; 0 (the default) writes the CSV in the request's thread. They pay only with a
 * core to spare: on the shared bench machine at load ~2-3.5 the organisation's export ran 15-40 % faster, at load
 * 4-9 (the kernel shares CPU between sessions, not threads) no faster; they spend ~10-20 % more CPU a row, and two
 * warmed workers hold ~80 MB, which a cold server's first export would add to its peak (decision 0043).
 */
let WORKERS = Number(process.env.EXPORT_WORKERS ?? 0)

/** The worker's code: the bundle beside the server build (npm run build), else its source through tsx's loader,
 * registered in the worker before the source is imported (tests, benches, dev; `--import tsx` in a worker's
 * execArgv does not reach its entry on Node 20). */
function workerEntry(): { file: URL | string; eval: boolean } | null {
  // EXPORT_WORKER_BUNDLE: a bundle built elsewhere (the benches build one, to measure what production runs)
  const bundled = process.env.EXPORT_WORKER_BUNDLE ? pathToFileURL(process.env.EXPORT_WORKER_BUNDLE) : new URL('./export-worker.mjs', import.meta.url)
  if (existsSync(bundled)) return { file: bundled, eval: false }
  const source = new URL('./export-worker.entry.ts', import.meta.url)
  if (!existsSync(source)) return null
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs')
  const load = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}) })`
  return { file: `${load}.catch((error) => { setImmediate(() => { throw error }) })`, eval: true }
}

let entry: ReturnType<typeof workerEntry> | undefined

/** About how many learners a worker writes into one message: its pages (a hall or two each, as in the request's
 * thread) are dealt out and posted in runs of about this many learners. */
export const WORKER_MESSAGE_LEARNERS = 1000

/** Whether the people CSV is written by the workers: SQLite, EXPORT_WORKERS not 0, the worker's code found. */
export function exportWorkersOn(): boolean {
  if (!isMainThread || inThread || WORKERS < 1 || databaseEngine() !== 'sqlite') return false
  if (entry === undefined) entry = workerEntry()
  return entry !== null
}

/** A worker's messages of one export, taken in order. */
class Channel {
  private queue: FromWorker[] = []
  private waiting: ((message: FromWorker) => void) | null = null
  push(message: FromWorker) {
    if (this.waiting) {
      this.waiting(message)
      this.waiting = null
    } else this.queue.push(message)
  }
  next(): Promise<FromWorker> {
    const message = this.queue.shift()
    return message ? Promise.resolve(message) : new Promise((resolve) => (this.waiting = resolve))
  }
}

interface Pool {
  workers: Worker[]
  jobs: Map<number, Channel[]>
}

let pool: Pool | null = null
/** A worker's young generation (V8's default lets it grow to ~48 MB): 6 MB held ~40 MB less for two workers, at no
 * measurable CPU (a page's garbage is a few MB). */
const YOUNG_MB = 6

function startPool(): Pool {
  entry ??= workerEntry()
  if (!entry) throw new Error('the export worker’s code was not found')
  const { file, eval: evaluated } = entry
  const jobs = new Map<number, Channel[]>()
  const started: Pool = { workers: [], jobs }
  started.workers = Array.from({ length: WORKERS }, (_, index) => {
    const worker = new Worker(file, { eval: evaluated, execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } })
    worker.unref() // an idle pool keeps no process alive; a running export refs it
    worker.on('message', (message: FromWorker) => jobs.get(message.id)?.[index].push(message))
    // a worker that fails outside an export's code (or exits) fails the exports it was serving; the next starts a new pool
    const fail = (why: string) => {
      if (pool === started) pool = null
      for (const [id, channels] of jobs) channels[index].push({ id, error: why })
    }
    worker.on('error', (error) => fail(error.stack ?? error.message))
    worker.on('exit', (code) => fail(`exited with code ${code}`))
    return worker
  })
  return started
}

let nextId = 1

/** The people CSV from the workers, a run of pages a string, in the order of the export's pages. */
export async function* csvPagesFromWorkers(job: ExportJob): AsyncGenerator<string> {
  const running = (pool ??= startPool())
  const { workers, jobs } = running
  const id = nextId++
  const channels = workers.map(() => new Channel())
  if (jobs.size === 0) for (const worker of workers) worker.ref()
  jobs.set(id, channels)
  const url = databaseUrl()
  workers.forEach((worker, index) => worker.postMessage({ type: 'job', id, url, job, share: { count: workers.length, index, group: job.group } } satisfies ToWorker))
  try {
    // run r (of job.group pages) is the (r / n)-th message of worker r mod n; the first run a worker does not have is
    // the end of the export
    for (let run = 0; ; run++) {
      const index = run % workers.length
      const message = await channels[index].next()
      if ('error' in message) throw new Error(`export worker ${index}: ${message.error}`)
      if ('done' in message) return
      workers[index].postMessage({ type: 'ack', id } satisfies ToWorker)
      yield message.page
    }
  } finally {
    jobs.delete(id)
    // the others may be reading ahead (or the download was cancelled): they stop at their next page
    for (const worker of workers) worker.postMessage({ type: 'cancel', id } satisfies ToWorker)
    if (jobs.size === 0) for (const worker of workers) worker.unref()
  }
}

/** Exports the workers are serving now (tests: none is left once a download ends or is left). */
export const exportWorkerJobs = (): number => pool?.jobs.size ?? 0

/** Stops the pool (tests; a new export starts another). */
export async function stopExportWorkers(): Promise<void> {
  const running = pool
  pool = null
  if (running) await Promise.all(running.workers.map((worker) => worker.terminate()))
}

let inThread = false

/** Tests and benches: the exports from now on with `count` workers; 0: in the request's thread (the pool is kept,
 * so that an A/B alternating the two does not pay the workers' start). */
export async function useExportWorkers(count: number): Promise<void> {
  inThread = count === 0
  if (count === 0 || count === WORKERS) return
  await stopExportWorkers()
  WORKERS = count
}
