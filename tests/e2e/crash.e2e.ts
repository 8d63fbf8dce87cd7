// Crash durability (issue 13): start the server, fire a burst of writes, SIGKILL it mid-burst, restart it on
// the same file; every write that was answered 2xx is there and PRAGMA integrity_check is ok. Twice. Then a start
// sweeps what expired while the server was down.
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { storedInstant } from '~/server/stored.server'
import { freePort, waitFor } from './server-setup'

const dir = mkdtempSync(path.join(os.tmpdir(), 'ssa-crash-'))
const dbFile = path.join(dir, 'crash.db')
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: `file:${dbFile}`,
  SESSION_SECRET: 'crash-secret-0123456789abcdef0123456789',
  DEMO_PASSWORD: 'Demo@2026',
  NODE_ENV: 'production',
}
let server: ChildProcess | null = null
const started: ChildProcess[] = [] // every server, so a failed test leaves none running

// Seeded with the asynchronous execFile: a synchronous one blocks this worker's event loop for minutes on a
// busy machine, and vitest then reports "Timeout calling onTaskUpdate".
const run = promisify(execFile)
beforeAll(async () => {
  await run('npx', ['tsx', 'scripts/seed.ts'], { env })
  await run('npx', ['tsx', 'scripts/content-import.ts', 'tests/fixtures/content/good', '--skip-migrations'], { env })
}, 400_000)
afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

async function start(): Promise<string> {
  const port = await freePort()
  const child = spawn(process.execPath, ['server.js'], { env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'pipe'] })
  server = child
  started.push(child)
  let errors = ''
  child.stderr!.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)))
  const base = `http://127.0.0.1:${port}`
  // generous: on a shared machine at load 10+ a cold start (WAL replay included) has taken over 30 s
  await waitFor(`${base}/login`, 120_000).catch((error: Error) => {
    throw new Error(`${error.message} (exit ${child.exitCode ?? child.signalCode ?? 'none'}): ${errors}`)
  })
  return base
}

async function adminCookie(base: string): Promise<string> {
  const response = await fetch(`${base}/login`, { method: 'POST', body: new URLSearchParams({ username: 'admin', password: 'Demo@2026' }), redirect: 'manual' })
  return (response.headers.get('set-cookie') ?? '').split(';')[0]
}

/** Whether an error is the connection dying with the server (the request was never acknowledged). */
const isConnectionLost = (error: unknown) => error instanceof TypeError && ['fetch failed', 'terminated'].includes(error.message)

/**
 * Assignments posted 16 at a time until the server dies; the request keys it acknowledged with 2xx. Asks for
 * the action's JSON (`_data`): a plain POST answers the page's HTML, which once made every worker stop at its
 * first answer, read as a lost connection, and the test wait for a kill that never came.
 */
async function burstUntilKilled(base: string, cookie: string, killAfter: number): Promise<string[]> {
  const acknowledged: string[] = []
  const refused: string[] = []
  let killed = false
  const worker = async () => {
    while (!killed) {
      const requestKey = crypto.randomUUID()
      const body = new URLSearchParams({ courseId: 'demo', unitCode: 'H01', audience: 'everyone', dueDay: '2099-12-31', requestKey })
      let response: Response
      let answer: string
      try {
        response = await fetch(`${base}/assignments?_data=routes%2Fassignments`, { method: 'POST', headers: { cookie }, body, redirect: 'manual' })
        answer = await response.text()
      } catch (error) {
        if (killed && isConnectionLost(error)) return // died with the server: this one was never acknowledged
        throw error
      }
      if (response.ok && (JSON.parse(answer) as { created?: boolean }).created) acknowledged.push(requestKey)
      else refused.push(`${response.status} ${answer}`.slice(0, 200))
      if (refused.length > 20) throw new Error(`writes refused before the crash: ${refused.slice(0, 3).join(' | ')}`)
      if (acknowledged.length >= killAfter && !killed) {
        killed = true
        server!.kill('SIGKILL')
      }
    }
  }
  await Promise.all(Array.from({ length: 16 }, worker))
  if (!killed) throw new Error('the burst ended without the kill')
  await new Promise((resolve) => (server!.exitCode !== null || server!.signalCode !== null ? resolve(null) : server!.once('exit', resolve)))
  return acknowledged
}

it.each([1, 2])('SIGKILL mid-burst (%i): every acknowledged write survives and the file is sound', async () => {
  const base = await start()
  const acknowledged = await burstUntilKilled(base, await adminCookie(base), 60)
  expect(acknowledged.length).toBeGreaterThanOrEqual(60)
  await start() // recovery: the server opens the file again (WAL replay) and answers
  const db = new Database(dbFile, { readonly: true })
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    const present = new Set(db.prepare('SELECT "requestKey" FROM "Assignment"').all().map((r) => (r as { requestKey: string }).requestKey))
    expect(acknowledged.filter((key) => !present.has(key))).toEqual([])
  } finally {
    db.close()
  }
  server!.kill('SIGKILL')
}, 400_000)

// What ended while the server was down is swept when it starts, not a minute later (server.js): a timed attempt past
// its deadline is closed by the deadline, an expired session deleted, without a request to either.
it('a start closes the attempts and ends the sessions that expired while the server was down', async () => {
  const hourAgo = new Date(Date.now() - 3_600_000)
  const db = new Database(dbFile)
  try {
    const version = db.prepare('SELECT "id", "quizId" FROM "QuizVersion" LIMIT 1').get() as { id: string; quizId: string }
    const clerk = db.prepare(`SELECT "userId" AS id FROM "RoleGrant" WHERE "role" = 'clerk' LIMIT 1`).get() as { id: string }
    db.prepare(
      `INSERT INTO "Attempt" ("id", "userId", "quizId", "quizVersionId", "seed", "status", "openKey", "startedAt", "deadline") VALUES ('swept-attempt', ?, ?, ?, 'seed', 'in_progress', ?, ?, ?)`,
    ).run(clerk.id, version.quizId, version.id, `${clerk.id}:${version.quizId}`, storedInstant(new Date(hourAgo.getTime() - 600_000)), storedInstant(hourAgo))
    db.prepare(`INSERT INTO "Session" ("id", "userId", "createdAt", "expiresAt", "lastSeenAt") VALUES ('swept-session', ?, ?, ?, ?)`).run(clerk.id, storedInstant(hourAgo), storedInstant(hourAgo), storedInstant(hourAgo))
  } finally {
    db.close()
  }
  await start()
  // from the first answer on (a cold start on a busy machine can take half a minute), well inside the minute after
  // which the periodic sweep would have done it
  const startedAt = Date.now()
  const swept = () => {
    const read = new Database(dbFile, { readonly: true })
    try {
      const attempt = read.prepare(`SELECT "status", "closedBy" FROM "Attempt" WHERE "id" = 'swept-attempt'`).get() as { status: string; closedBy: string | null }
      const session = read.prepare(`SELECT COUNT(*) AS n FROM "Session" WHERE "id" = 'swept-session'`).get() as { n: number }
      return { attempt, sessions: session.n }
    } finally {
      read.close()
    }
  }
  const done = () => {
    const { attempt, sessions } = swept()
    return attempt.status !== 'in_progress' && sessions === 0
  }
  while (Date.now() - startedAt < 40_000 && !done()) await new Promise((resolve) => setTimeout(resolve, 200))
  expect(swept()).toEqual({ attempt: { status: 'submitted', closedBy: 'deadline' }, sessions: 0 })
  server!.kill('SIGKILL')
}, 400_000)
