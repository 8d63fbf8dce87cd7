// Open-model HTTP load: POSTs due at a fixed arrival rate over a capped keep-alive pool, latency counted from when due.
import http from 'node:http'
import { performance } from 'node:perf_hooks'

export interface Shot {
  kind: 'save' | 'submit'
  path: string
  cookie: string
  body: string
}

export interface Outcome {
  kind: Shot['kind']
  /** HTTP status, or 0 for a connection error or timeout. */
  status: number
  ms: number
}

export interface LoadRun {
  rate: number
  outcomes: Outcome[]
  /** From the first request due to the last response. */
  elapsedMs: number
  /** Most requests waiting or in flight at once. */
  maxOutstanding: number
}

const TIMEOUT_MS = 30_000

/** Sends `rate × seconds` POSTs, one every 1/rate s whatever the server's pace (no coordinated omission); a request
 * due while all `connections` are busy waits for one, and that wait counts in its latency. */
export async function openLoad(baseURL: string, rate: number, seconds: number, connections: number, next: () => Shot): Promise<LoadRun> {
  const { hostname, port } = new URL(baseURL)
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections })
  const total = Math.round(rate * seconds)
  const interval = 1000 / rate
  const outcomes: Outcome[] = []
  let sent = 0
  let outstanding = 0
  let maxOutstanding = 0
  const start = performance.now()
  let end = start
  await new Promise<void>((resolve) => {
    const fire = (due: number) => {
      const shot = next()
      const body = Buffer.from(shot.body)
      let settled = false
      const done = (status: number) => {
        if (settled) return
        settled = true
        end = performance.now()
        outcomes.push({ kind: shot.kind, status, ms: end - due })
        outstanding--
        if (sent === total && outstanding === 0) resolve()
      }
      outstanding++
      maxOutstanding = Math.max(maxOutstanding, outstanding)
      const req = http.request({
        hostname,
        port,
        path: shot.path,
        method: 'POST',
        agent,
        timeout: TIMEOUT_MS,
        headers: { cookie: shot.cookie, 'content-type': 'application/x-www-form-urlencoded', 'content-length': body.length },
      })
      req.on('response', (res) => {
        res.on('end', () => done(res.statusCode ?? 0))
        res.on('error', () => done(0))
        res.resume()
      })
      req.on('timeout', () => req.destroy(new Error('timeout')))
      req.on('error', () => done(0))
      req.end(body)
    }
    const tick = () => {
      const now = performance.now()
      while (sent < total && start + sent * interval <= now) {
        const due = start + sent * interval
        sent++
        fire(due)
      }
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()))
      else if (outstanding === 0) resolve()
    }
    tick()
  })
  agent.destroy()
  return { rate, outcomes, elapsedMs: end - start, maxOutstanding }
}

export interface LoadStats {
  p50: number
  p95: number
  p99: number
  max: number
  /** Successful responses per second over the run. */
  achieved: number
  errors: number
  count: number
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] : NaN)
const ok = (o: Outcome) => o.status >= 200 && o.status < 400

/** Percentiles over every request (failed ones included, at the time they failed); errors are non-2xx/3xx or no answer. */
export function statsOf(run: LoadRun, kind?: Shot['kind']): LoadStats {
  const outcomes = kind ? run.outcomes.filter((o) => o.kind === kind) : run.outcomes
  const sorted = outcomes.map((o) => o.ms).sort((a, b) => a - b)
  const good = outcomes.filter(ok).length
  return {
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? NaN,
    achieved: good / (run.elapsedMs / 1000),
    errors: outcomes.length - good,
    count: outcomes.length,
  }
}

/** Status code → count, for diagnostics. */
export function statusCounts(run: LoadRun): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const o of run.outcomes) counts[`${o.kind} ${o.status}`] = (counts[`${o.kind} ${o.status}`] ?? 0) + 1
  return counts
}
