// The load bench's journeys (bench/load.bench.ts): what one connection does in a turn, each request timed under
// a route label so that the report can say where the time goes.
import { performance } from 'node:perf_hooks'
import type { SaveTarget } from './quiz-prepare.ts'

export const MODULE = { course: 'etiquette', slug: 'appearance' }
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' }
export const data = (route: string) => `?_data=${encodeURIComponent(route)}`

export interface Counts {
  latencies: number[]
  /** route label → latencies (ms) */
  byRoute: Map<string, number[]>
  errors: string[]
  /** Acknowledged writes to look for afterwards. */
  reads: Set<string>
  /** attempt id → the option its last acknowledged save chose */
  saved: Map<string, string>
  submitted: Set<string>
  /** When set (requests one at a time only): the server's CPU seconds so far, to charge each route its share. */
  serverCpu?: () => number
  /** route label → server CPU seconds charged */
  cpuByRoute: Map<string, number>
}

export const newCounts = (serverCpu?: () => number): Counts => ({ latencies: [], byRoute: new Map(), errors: [], reads: new Set(), saved: new Map(), submitted: new Set(), serverCpu, cpuByRoute: new Map() })

/** Waits between two requests of one user: the user reading the page she was given. `thinkMs` 0: no wait. */
export type Think = () => Promise<void>

/** One request; its latency counted under `label`, anything but the expected status an error. */
async function hit(counts: Counts, label: string, base: string, path: string, cookie: string, expect: number, body?: string): Promise<Response | null> {
  const started = performance.now()
  const cpu0 = counts.serverCpu?.() ?? 0
  const record = () => {
    if (counts.serverCpu) counts.cpuByRoute.set(label, (counts.cpuByRoute.get(label) ?? 0) + counts.serverCpu() - cpu0)
    const ms = performance.now() - started
    counts.latencies.push(ms)
    const list = counts.byRoute.get(label) ?? []
    list.push(ms)
    counts.byRoute.set(label, list)
  }
  try {
    const response = await fetch(base + path, { method: body === undefined ? 'GET' : 'POST', headers: body === undefined ? { cookie } : { ...FORM, cookie }, body, redirect: 'manual' })
    await response.arrayBuffer()
    record()
    if (response.status !== expect) counts.errors.push(`${label}: ${response.status}`)
    return response.status === expect ? response : null
  } catch (error) {
    record()
    counts.errors.push(`${label}: ${(error as Error).message}`)
    return null
  }
}

/** A clerk opens her home and a module, and marks it read (the module version id from the page's data). */
export async function reading(counts: Counts, think: Think, base: string, clerk: { cookie: string; username: string }, versionId: string) {
  await hit(counts, 'GET /learn', base, '/learn', clerk.cookie, 200)
  await think()
  await hit(counts, 'GET /learn/:course/:module', base, `/learn/${MODULE.course}/${MODULE.slug}`, clerk.cookie, 200)
  await think()
  const marked = await hit(counts, 'POST module read', base, `/learn/${MODULE.course}/${MODULE.slug}${data('routes/learn.$course.$module')}`, clerk.cookie, 200, new URLSearchParams({ intent: 'read', versionId }).toString())
  if (marked) counts.reads.add(clerk.username)
  await think()
}

/** A clerk changes her answer in the quiz she is taking (two saves), then starts and submits a practice quiz. */
export async function quizzing(counts: Counts, think: Think, base: string, target: SaveTarget, practice: string) {
  for (const option of target.options.slice(0, 2)) {
    const body = new URLSearchParams({ intent: 'save', item: target.itemId, [`a.${target.itemId}`]: option }).toString()
    if (await hit(counts, 'POST quiz save', base, target.path, target.cookie, 200, body)) counts.saved.set(target.attemptId, option)
    await think()
  }
  const started = await hit(counts, 'POST quiz start', base, `/quizzes/${practice}?index`, target.cookie, 302, '')
  await think()
  const attemptId = /\/attempts\/([A-Za-z0-9-]+)$/.exec(started?.headers.get('location') ?? '')?.[1]
  if (!attemptId) return
  const path = `/quizzes/${practice}/attempts/${attemptId}${data('routes/quizzes.$quiz.attempts.$attempt')}`
  // a Remix data request answers the submit's redirect with 204 and X-Remix-Redirect
  if (await hit(counts, 'POST quiz submit', base, path, target.cookie, 204, 'intent=submit')) counts.submitted.add(attemptId)
  await think()
}

/** A manager opens the overview, one of their halls and its people table. */
export async function managing(counts: Counts, think: Think, base: string, manager: { cookie: string; hall: string }) {
  await hit(counts, 'GET /manage', base, '/manage', manager.cookie, 200)
  await think()
  await hit(counts, 'GET /manage/halls/:code', base, `/manage/halls/${manager.hall}`, manager.cookie, 200)
  await think()
  await hit(counts, 'GET /manage/people', base, `/manage/people?unit=${manager.hall}`, manager.cookie, 200)
  await think()
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0
