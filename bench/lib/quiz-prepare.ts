// Quiz bench set-up over HTTP: learners signed in, attempts started, option ids read from pages, and the save/submit mix.
import Database from 'better-sqlite3'
import { practiceQuizIds, type SeededApp } from './quiz-app.ts'
import { signIn } from './server.ts'
import type { Shot } from './quiz-load.ts'

export const REAL_QUIZZES = ['etiquette-quiz', 'phrasing-quiz', 'complaints-quiz'] as const
const DATA = '?_data=' + encodeURIComponent('routes/quizzes.$quiz.attempts.$attempt')
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' }

export const learners = (): string[] => [
  ...Array.from({ length: 60 }, (_, i) => `clerk${String(i + 1).padStart(2, '0')}`),
  ...Array.from({ length: 6 }, (_, i) => `mentor${String(i + 1).padStart(2, '0')}`),
]

/** Bench-only clerks (bench0001, …) for warm-up attempts: the real quizzes allow a learner 3 attempts 10 minutes apart. */
export const benchLearners = (count: number): string[] => Array.from({ length: count }, (_, i) => `bench${String(i + 1).padStart(4, '0')}`)

/**
 * Adds the bench-only clerks to a seeded database before the server starts: each a copy of clerk02's account (hall,
 * hire date, password hash, the clerk role and nothing else: no certificates, inspections or history), so each can
 * sign in and take every quiz a long-serving clerk can.
 */
export function addBenchLearners(dbFile: string, usernames: readonly string[]): void {
  const db = new Database(dbFile, { fileMustExist: true })
  try {
    const model = db.prepare(`SELECT * FROM User WHERE username = 'clerk02'`).get() as Record<string, unknown> | undefined
    if (!model) throw new Error('the seeded database has no clerk02 to copy bench learners from')
    const columns = Object.keys(model).filter((c) => c !== 'id' && c !== 'username' && c !== 'name')
    const user = db.prepare(
      `INSERT INTO User (id, username, name, ${columns.join(', ')}) SELECT ?, ?, ?, ${columns.join(', ')} FROM User WHERE username = 'clerk02'`,
    )
    const grant = db.prepare(`INSERT INTO RoleGrant (id, userId, role, unitId) VALUES (?, ?, 'clerk', NULL)`)
    db.transaction(() => {
      for (const username of usernames) {
        user.run(`bench-user-${username}`, username, `测试${username.slice(5)}`)
        grant.run(`bench-grant-${username}`, `bench-user-${username}`)
      }
    })()
  } finally {
    db.close()
  }
}

/** Runs `work` over `items` with at most `limit` at a time; results in input order. */
export async function pooled<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await work(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

export async function signInAll(baseURL: string, usernames: readonly string[]): Promise<string[]> {
  return pooled(usernames, 4, (u) => signIn(baseURL, u))
}

/** Starts (or resumes) an attempt through the overview page's form; returns the attempt id. */
export async function startAttempt(baseURL: string, cookie: string, quizId: string): Promise<string> {
  const response = await fetch(`${baseURL}/quizzes/${quizId}?index`, { method: 'POST', redirect: 'manual', headers: { ...FORM, cookie }, body: '' })
  await response.arrayBuffer()
  const id = /\/attempts\/([A-Za-z0-9-]+)$/.exec(response.headers.get('location') ?? '')?.[1]
  if (response.status !== 302 || !id) throw new Error(`starting ${quizId}: HTTP ${response.status}`)
  return id
}

/**
 * The demo learners signed in with each real quiz's attempt open (`targets`: the saves cycle through these, and the
 * real submit is measured on them), the bench-only learners likewise (`warmTargets`: only to warm the real submit
 * up), and every learner's practice slots for the blank-dialogue submits.
 */
export async function prepareQuiz(app: SeededApp, warmLearners: readonly string[]) {
  const cookies = await signInAll(app.baseURL, learners())
  const warmCookies = await signInAll(app.baseURL, warmLearners)
  const open = (list: readonly string[]) =>
    pooled(
      list.flatMap((cookie) => REAL_QUIZZES.map((quizId) => ({ cookie, quizId }))),
      8,
      async ({ cookie, quizId }) => saveTarget(app.baseURL, cookie, quizId, await startAttempt(app.baseURL, cookie, quizId)),
    )
  const targets = await open(cookies)
  const warmTargets = await open(warmCookies)
  const pool = new PracticePool(app.baseURL, [...cookies, ...warmCookies], practiceQuizIds(app.dbFile))
  return { pool, targets, warmTargets, mix: new SaveSubmitMix(targets, pool) }
}

export interface SaveTarget {
  cookie: string
  attemptId: string
  path: string
  itemId: string
  options: string[]
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]

/** The attempt page's first single-choice item (radios `a.<item>`) with its opaque option ids. */
export async function saveTarget(baseURL: string, cookie: string, quizId: string, attemptId: string): Promise<SaveTarget> {
  const path = `/quizzes/${quizId}/attempts/${attemptId}`
  const response = await fetch(baseURL + path, { headers: { cookie }, redirect: 'manual' })
  const html = await response.text()
  if (response.status !== 200) throw new Error(`GET ${path}: HTTP ${response.status}`)
  const radios = new Map<string, string[]>()
  for (const [tag] of html.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, 'name')
    const value = attr(tag, 'value')
    if (attr(tag, 'type') !== 'radio' || !name?.startsWith('a.') || value === undefined) continue
    radios.set(name, [...(radios.get(name) ?? []), value])
  }
  const found = [...radios].find(([, values]) => values.length >= 2)
  if (!found) throw new Error(`${path}: no single-choice item on the page`)
  return { cookie, attemptId, path: path + DATA, itemId: found[0].slice(2), options: found[1] }
}

/** Open practice attempts (unlimited, no delay; one open per learner and quiz) waiting to be submitted once each. */
export class PracticePool {
  private readonly free: Array<{ cookie: string; quizId: string }> = []
  private readonly ready: Array<{ cookie: string; quizId: string; attemptId: string }> = []
  shortfall = 0

  constructor(
    private readonly baseURL: string,
    cookies: readonly string[],
    quizIds: readonly string[],
  ) {
    for (const quizId of quizIds) for (const cookie of cookies) this.free.push({ cookie, quizId })
  }

  get size(): number {
    return this.free.length + this.ready.length
  }

  /** Starts attempts until `wanted` are ready (as many as there are free learner × quiz slots). */
  async fill(wanted: number): Promise<number> {
    const slots = this.free.splice(0, Math.max(0, wanted - this.ready.length))
    const ids = await pooled(slots, 8, (s) => startAttempt(this.baseURL, s.cookie, s.quizId))
    slots.forEach((s, i) => this.ready.push({ ...s, attemptId: ids[i] }))
    return this.ready.length
  }

  /** A fresh attempt's submit; the slot is free again once submitted (a new attempt can be started there). */
  take(): { shot: Shot; attemptId: string } | null {
    const a = this.ready.shift()
    if (!a) {
      this.shortfall++
      return null
    }
    this.free.push({ cookie: a.cookie, quizId: a.quizId })
    const path = `/quizzes/${a.quizId}/attempts/${a.attemptId}${DATA}`
    return { shot: { kind: 'submit', path, cookie: a.cookie, body: 'intent=submit' }, attemptId: a.attemptId }
  }
}

/** 9 saves then 1 submit, over and over. Saves cycle through the targets, each picking the option after the one saved
 * last: every save is a real change (as long as two saves of one attempt never overlap). */
export class SaveSubmitMix {
  private n = 0
  private saves = 0
  private readonly last: Array<string | undefined>
  savesSent = 0
  submitted: string[] = []

  constructor(
    private readonly targets: readonly SaveTarget[],
    private readonly pool: PracticePool,
  ) {
    this.last = targets.map(() => undefined)
  }

  /** Starts counting a new phase from the answers the database holds (attempt id → latest saved option id). */
  reset(saved: ReadonlyMap<string, string>): void {
    this.targets.forEach((t, i) => (this.last[i] = saved.get(t.attemptId)))
    this.savesSent = 0
    this.submitted = []
  }

  next = (): Shot => {
    if (++this.n % 10 === 0) return this.nextSubmit() ?? this.nextSave()
    return this.nextSave()
  }

  /** A fresh practice attempt's submit, or null when the pool ran dry. */
  nextSubmit = (): Shot | null => {
    const taken = this.pool.take()
    if (!taken) return null
    this.submitted.push(taken.attemptId)
    return taken.shot
  }

  /** A per-item save (as the attempt page's script sends it) that changes the item's answer. */
  nextSave = (): Shot => {
    const i = this.saves++ % this.targets.length
    const t = this.targets[i]
    const option = t.options[(t.options.indexOf(this.last[i] ?? '') + 1) % t.options.length]
    this.last[i] = option
    this.savesSent++
    const body = new URLSearchParams({ intent: 'save', item: t.itemId, [`a.${t.itemId}`]: option }).toString()
    return { kind: 'save', path: t.path, cookie: t.cookie, body }
  }
}

/** A written answer of the length and tone clerks write (the 服务禁语 detector reads every one on submit). */
const WRITTEN_ANSWER = '您好，给您添麻烦了，非常抱歉。我马上为您查询办理进度，请您稍等片刻，查到结果后第一时间告诉您。'

/**
 * The submit of an open real-quiz attempt as the page's answers form sends it, every item answered the way a
 * browser would: each single choice its first option, each multiple choice its first, each match line its own
 * partner, each written answer a sentence; the orderings as shown. One submit per attempt (it closes it).
 */
export async function fullSubmit(baseURL: string, target: SaveTarget): Promise<Shot> {
  const page = target.path.slice(0, target.path.indexOf('?'))
  const response = await fetch(baseURL + page, { headers: { cookie: target.cookie }, redirect: 'manual' })
  const html = await response.text()
  if (response.status !== 200) throw new Error(`GET ${page}: HTTP ${response.status}`)
  const body = new URLSearchParams()
  const picked = new Set<string>()
  for (const [tag] of html.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, 'name')
    const value = attr(tag, 'value')
    if (attr(tag, 'form') !== 'answers' || !name || value === undefined) continue
    const type = attr(tag, 'type')
    if (type === 'hidden') body.append(name, value)
    else if ((type === 'radio' || type === 'checkbox') && !picked.has(name)) {
      picked.add(name)
      body.append(name, value)
    }
  }
  // a match's partners are used once each: the k-th line of an item takes the k-th partner
  const lines = new Map<string, number>()
  for (const [, tag, options] of html.matchAll(/(<select\b[^>]*>)([\s\S]*?)<\/select>/g)) {
    const name = attr(tag, 'name')
    if (attr(tag, 'form') !== 'answers' || !name) continue
    const item = name.split('.').slice(0, 2).join('.')
    const k = lines.get(item) ?? 0
    lines.set(item, k + 1)
    const partners = [...options.matchAll(/value="([^"]+)"/g)].map((m) => m[1])
    if (partners.length) body.append(name, partners[k % partners.length])
  }
  for (const [tag] of html.matchAll(/<textarea\b[^>]*>/g)) {
    const name = attr(tag, 'name')
    if (attr(tag, 'form') === 'answers' && name) body.append(name, WRITTEN_ANSWER)
  }
  body.append('intent', 'submit')
  return { kind: 'submit', path: target.path, cookie: target.cookie, body: body.toString() }
}
