// How the export benches measure a streamed export: rows, seconds, CPU seconds of the process (the figure contention
// moves least on the shared machine) and peak RSS above the RSS before it. Shared by scale.bench.ts and export.bench.ts.
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

export interface Sampled<T> {
  result: T
  seconds: number
  cpuSeconds: number
  peakMb: number
}

/** Runs `work` while sampling the process's RSS every 5 ms. */
export async function sampledRss<T>(work: () => Promise<T>): Promise<Sampled<T>> {
  global.gc?.()
  const idle = process.memoryUsage().rss
  let peak = idle
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5)
  const started = performance.now()
  const cpu = process.cpuUsage()
  try {
    const result = await work()
    const used = process.cpuUsage(cpu)
    return { result, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6, peakMb: (Math.max(peak, process.memoryUsage.rss()) - idle) / 1_048_576 }
  } finally {
    clearInterval(sampler)
  }
}

/** Data rows in a CSV stream (lines less the header); each row of these exports is one line. */
export async function streamedRows(stream: NodeJS.ReadableStream): Promise<number> {
  let lines = 0
  // the stand-in for the socket: counting newlines by indexOf (a byte-by-byte loop cost as much CPU as the CSV writer)
  const count = (chunk: Buffer) => {
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++
  }
  await pipeline(stream, new Writable({ write(chunk: Buffer, _e, done) { count(chunk); done() } }))
  return lines - 1
}

/**
 * The exports a bench runs before the measured ones, as a server that has served exports has had them: V8 takes
 * ~5 of the organisation's exports (100 000 rows at SCALE=1) to compile the rows' code to its steady CPU (decision
 * 0045; on a quiet machine 36 000 → 71 000 → 89 000 → 102 000 → ~120 000 rows per CPU-second over the first five,
 * 0048), each export worker ~10 region exports (0043). The first export of a fresh server is a figure of its own.
 */
export async function warmUpExports<Unit>(exportOf: (unit: Unit) => Promise<unknown>, region: Unit, organisation: Unit, workers: number): Promise<void> {
  for (let i = 0; i < (workers ? 10 : 0); i++) await exportOf(region)
  for (let i = 0; i < 5; i++) await exportOf(organisation)
}

/** The median run by CPU of `runs`, with the highest peak RSS of them all. */
export function medianByCpu<T>(runs: Array<Sampled<T>>): Sampled<T> {
  const sorted = [...runs].sort((a, b) => a.cpuSeconds - b.cpuSeconds)
  return { ...sorted[Math.floor(sorted.length / 2)], peakMb: Math.max(...runs.map((run) => run.peakMb)) }
}
