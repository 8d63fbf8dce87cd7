// Issue 12: the attempt page's data posts (an item's save, 交卷) are answered by the lean path before Remix
// (app/server/attempt-posts.server.ts, server/lean-posts.js). Every answer it gives, and every refusal, must be the
// one the Remix route gives: the same request goes to the real server (server.js) twice, once with the lean path
// and once with Remix alone, and the two answers are compared.
import type { AddressInfo } from 'node:net'
import type { ServerBuild } from '@remix-run/node'
import * as attemptRoute from '~/routes/quizzes.$quiz.attempts.$attempt'
import { leanAttemptPost, type LeanPost, type LeanReply } from '~/server/attempt-posts.server'
import { importContent } from '~/server/content/import.server'
import { loadSessionUser } from '~/server/people.server'
import { submitAttempt } from '~/server/quiz-answers.server'
import { startAttempt } from '~/server/quiz-attempts.server'
import { seedDemo } from '~/server/seed/demo.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { createServer } from '../../server.js'
import { FORM_BODY_LIMIT } from '../../server/body-limits.js'
import { useTestDatabase } from '../database'
import { cookieFor } from '../session'

const ROUTE_ID = 'routes/quizzes.$quiz.attempts.$attempt'
const DATA = `?_data=${encodeURIComponent(ROUTE_ID)}`

/** What the lean path answered (null: left to Remix), request by request. */
const leanAnswers: Array<LeanReply | null> = []

/** A Remix build of the one route under test, with or without the lean path in its entry. */
function buildOf(lean: boolean): ServerBuild {
  // a document (a form posted without script) is answered with the status Remix chose, without rendering the page
  const entry: Record<string, unknown> = { default: (_request: Request, status: number) => new Response('document', { status }) }
  if (lean) {
    entry.leanAttemptPost = async (post: LeanPost) => {
      const reply = await leanAttemptPost(post)
      leanAnswers.push(reply)
      return reply
    }
  }
  return {
    mode: 'production',
    entry: { module: entry as unknown as ServerBuild['entry']['module'] },
    routes: {
      root: { id: 'root', path: '', module: { default: () => null } },
      [ROUTE_ID]: { id: ROUTE_ID, parentId: 'root', path: 'quizzes/:quiz/attempts/:attempt', module: attemptRoute },
    },
    assets: { entry: { imports: [], module: '' }, routes: {}, url: '', version: 'test' },
    publicPath: '/build/',
    assetsBuildDirectory: 'public/build',
    future: {} as ServerBuild['future'],
    isSpaMode: false,
  } as unknown as ServerBuild
}

let db: PrismaClient
const servers: Array<{ close: () => void }> = []
let leanBase = ''
let remixBase = ''

async function listen(lean: boolean): Promise<string> {
  const app = await createServer({ build: buildOf(lean) })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  servers.push(server)
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now: new Date() })
  expect((await importContent(db, 'tests/fixtures/content/good')).ok).toBe(true)
  leanBase = await listen(true)
  remixBase = await listen(false)
})
afterAll(async () => {
  for (const server of servers) server.close()
  await db.$disconnect()
})

async function openAttempt(username: string): Promise<string> {
  const user = (await loadSessionUser((await db.user.findUniqueOrThrow({ where: { username } })).id))!
  const started = await startAttempt(user, 'demo-quiz', new Date())
  if (!started.ok) throw new Error(`could not start: ${JSON.stringify(started)}`)
  return started.attemptId
}

interface Post {
  path: string
  cookie?: string
  body?: string
  headers?: Record<string, string>
}

/** The parts of an answer a client reads: status, Remix's protocol headers, type, where to go, the body. */
async function answerOf(base: string, { path, cookie, body = '', headers = {} }: Post) {
  const response = await fetch(base + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}), ...headers },
    body,
  })
  const picked = ['content-type', 'location', 'vary', 'x-remix-redirect', 'x-remix-status', 'x-remix-response', 'x-remix-catch', 'x-remix-error']
  // the lean path runs ahead of Express: the headers every answer carries must be on its answers too
  picked.push('x-content-type-options', 'referrer-policy', 'x-frame-options')
  return {
    status: response.status,
    headers: Object.fromEntries(picked.map((name) => [name, response.headers.get(name)])),
    body: await response.text(),
  }
}

/** Posts to the lean server, then the same to Remix alone; both answers, and what the lean path did. */
async function both(post: Post) {
  leanAnswers.length = 0
  const lean = await answerOf(leanBase, post)
  const answeredByLean = leanAnswers.some((reply) => reply !== null)
  const remix = await answerOf(remixBase, post)
  return { lean, remix, answeredByLean }
}

describe('what the lean path answers itself', () => {
  it('an item save: 200 with the same JSON as the route', async () => {
    const attempt = await openAttempt('clerk11')
    const cookie = await cookieFor(db, 'clerk11')
    const { lean, remix, answeredByLean } = await both({ path: `/quizzes/demo-quiz/attempts/${attempt}${DATA}`, cookie, body: 'intent=save&item=q1&a.q1=unknown-option' })
    expect(answeredByLean).toBe(true)
    expect(lean.status).toBe(200)
    expect(JSON.parse(lean.body)).toMatchObject({ itemId: 'q1', errors: [], closed: false })
    expect(lean).toEqual(remix)
  })

  it("a save from the site's own page (Origin and Referer of this host): answered by the lean path", async () => {
    const attempt = await openAttempt('clerk12')
    const cookie = await cookieFor(db, 'clerk12')
    const path = `/quizzes/demo-quiz/attempts/${attempt}${DATA}`
    leanAnswers.length = 0
    const answer = await answerOf(leanBase, { path, cookie, body: 'intent=save&item=q1&a.q1=x', headers: { Origin: leanBase, Referer: leanBase + path } })
    expect(answer.status).toBe(200)
    expect(leanAnswers.some((reply) => reply !== null)).toBe(true)
  })

  it('a save into a submitted attempt: 409 closed, nothing written (issue 13, finding 10)', async () => {
    const attempt = await openAttempt('clerk13')
    const user = (await loadSessionUser((await db.user.findUniqueOrThrow({ where: { username: 'clerk13' } })).id))!
    await submitAttempt(user, 'demo-quiz', attempt, {}, new Date())
    const steps = await db.attemptStep.count({ where: { attemptId: attempt } })
    const cookie = await cookieFor(db, 'clerk13')
    const { lean, remix, answeredByLean } = await both({ path: `/quizzes/demo-quiz/attempts/${attempt}${DATA}`, cookie, body: 'intent=save&item=q1&a.q1=x' })
    expect(answeredByLean).toBe(true)
    expect(lean.status).toBe(409)
    expect(JSON.parse(lean.body)).toMatchObject({ closed: true })
    expect(lean).toEqual(remix)
    expect(await db.attemptStep.count({ where: { attemptId: attempt } })).toBe(steps)
  })

  it('交卷: the same redirect back to the attempt, and the attempt closed once', async () => {
    const attempt = await openAttempt('clerk14')
    const cookie = await cookieFor(db, 'clerk14')
    const { lean, remix, answeredByLean } = await both({ path: `/quizzes/demo-quiz/attempts/${attempt}${DATA}`, cookie, body: 'intent=submit' })
    expect(answeredByLean).toBe(true)
    expect(lean.status).toBe(204)
    expect(lean.headers['x-remix-redirect']).toBe(`/quizzes/demo-quiz/attempts/${attempt}`)
    expect(lean).toEqual(remix)
    expect((await db.attempt.findUniqueOrThrow({ where: { id: attempt } })).status).toBe('submitted')
  })
})

describe('which addresses the lean path takes (it splits the address by hand)', () => {
  it('another query parameter beside _data: answered by the lean path, as the route answers it', async () => {
    const attempt = await openAttempt('clerk17')
    const cookie = await cookieFor(db, 'clerk17')
    const post = { path: `/quizzes/demo-quiz/attempts/${attempt}?from=page&_data=${encodeURIComponent(ROUTE_ID)}`, cookie, body: 'intent=save&item=q1&a.q1=x' }
    const { lean, remix, answeredByLean } = await both(post)
    expect(answeredByLean).toBe(true)
    expect(lean.status).toBe(200)
    expect(lean).toEqual(remix)
  })

  it('another route in _data, a trailing slash or an escaped segment: left to Remix (which answers them its own way)', async () => {
    const attempt = await openAttempt('clerk17')
    const cookie = await cookieFor(db, 'clerk17')
    for (const path of [
      `/quizzes/demo-quiz/attempts/${attempt}?_data=root`,
      `/quizzes/demo-quiz/attempts/${attempt}/${DATA}`,
      `/quizzes/demo%2Dquiz/attempts/${attempt}${DATA}`,
      `/quizzes/demo-quiz/attempts/${attempt}?_data=${encodeURIComponent(ROUTE_ID)}x`,
    ]) {
      leanAnswers.length = 0
      await answerOf(leanBase, { path, cookie, body: 'intent=save&item=q1&a.q1=y' })
      expect(leanAnswers.every((reply) => reply === null), path).toBe(true)
    }
  })
})

describe('refusals: answered as the route answers them, nothing written', () => {
  let attempt = ''
  let steps = 0
  beforeAll(async () => {
    attempt = await openAttempt('clerk15')
    steps = await db.attemptStep.count({ where: { attemptId: attempt } })
  })
  afterEach(async () => expect(await db.attemptStep.count({ where: { attemptId: attempt } })).toBe(steps))
  const path = () => `/quizzes/demo-quiz/attempts/${attempt}${DATA}`
  const save = 'intent=save&item=q1&a.q1=x'

  it('anonymous: sent to sign in', async () => {
    const { lean, remix, answeredByLean } = await both({ path: path(), body: save })
    expect(answeredByLean).toBe(false)
    expect(lean.status).toBe(204)
    expect(lean.headers['x-remix-redirect']).toMatch(/^\/login\?redirectTo=/)
    expect(lean).toEqual(remix)
  })

  it('a signed-out cookie (session row deleted): sent to sign in', async () => {
    const cookie = await cookieFor(db, 'clerk15')
    expect((await answerOf(leanBase, { path: path(), cookie, body: 'intent=save' })).status).toBe(200) // live a moment ago
    await db.session.deleteMany({ where: { user: { username: 'clerk15' } } })
    const { lean, remix, answeredByLean } = await both({ path: path(), cookie, body: save })
    expect(answeredByLean).toBe(false)
    expect(lean.headers['x-remix-redirect']).toMatch(/^\/login\?redirectTo=/)
    expect(lean).toEqual(remix)
  })

  it('a session past its absolute end, or idle too long: sent to sign in, and the session forgotten', async () => {
    for (const late of [{ expiresAt: new Date(Date.now() - 1000) }, { lastSeenAt: new Date(Date.now() - 121 * 60_000) }]) {
      const cookie = await cookieFor(db, 'clerk15')
      expect((await answerOf(leanBase, { path: path(), cookie, body: 'intent=save' })).status).toBe(200) // live a moment ago
      const { id } = await db.session.findFirstOrThrow({ where: { user: { username: 'clerk15' } }, orderBy: { createdAt: 'desc' } })
      await db.session.update({ where: { id }, data: late })
      const { lean, remix, answeredByLean } = await both({ path: path(), cookie, body: save })
      expect(answeredByLean).toBe(false)
      expect(lean.headers['x-remix-redirect']).toMatch(/^\/login\?redirectTo=/)
      expect(lean).toEqual(remix)
      expect(await db.session.count({ where: { id } })).toBe(0)
    }
  })

  it("another clerk's attempt: 404, as for an attempt that does not exist", async () => {
    const { lean, remix, answeredByLean } = await both({ path: path(), cookie: await cookieFor(db, 'clerk16'), body: save })
    expect(answeredByLean).toBe(false)
    expect(lean.status).toBe(404)
    expect(lean).toEqual(remix)
  })

  it('an attempt of another quiz, or none at all: 404', async () => {
    const cookie = await cookieFor(db, 'clerk15')
    for (const other of [`/quizzes/other-quiz/attempts/${attempt}${DATA}`, `/quizzes/demo-quiz/attempts/no-such-attempt${DATA}`]) {
      const { lean, remix, answeredByLean } = await both({ path: other, cookie, body: save })
      expect(answeredByLean).toBe(false)
      expect(lean.status).toBe(404)
      expect(lean).toEqual(remix)
    }
  })

  it('a manager without the learner area: 403', async () => {
    const manager = await db.user.findFirstOrThrow({ where: { roles: { some: { role: 'manager' } }, NOT: { roles: { some: { role: 'clerk' } } } } })
    const { lean, remix, answeredByLean } = await both({ path: path(), cookie: await cookieFor(db, manager.username), body: save })
    expect(answeredByLean).toBe(false)
    expect(lean.status).toBe(403)
    expect(lean).toEqual(remix)
  })

  it('malformed: an unknown intent is a 400, a multipart body that does not parse is a 400 from the body gate', async () => {
    const cookie = await cookieFor(db, 'clerk15')
    const unknown = await both({ path: path(), cookie, body: 'intent=delete' })
    expect(unknown.answeredByLean).toBe(false)
    expect(unknown.lean.status).toBe(400)
    expect(unknown.lean).toEqual(unknown.remix)
    const broken = await both({ path: path(), cookie, body: '--x\r\nnot a part', headers: { 'Content-Type': 'multipart/form-data; boundary=y' } })
    expect(broken.lean.status).toBe(400)
    expect(broken.lean).toEqual(broken.remix)
    const notAForm = await both({ path: path(), cookie, body: '{"intent":"save"}', headers: { 'Content-Type': 'application/json' } })
    expect(notAForm.lean.status).toBe(400)
    expect(notAForm.lean).toEqual(notAForm.remix)
  })

  it('a body over the form cap: 413', async () => {
    const cookie = await cookieFor(db, 'clerk15')
    const { lean, remix, answeredByLean } = await both({ path: path(), cookie, body: `intent=save&item=q1&a.q1=${'x'.repeat(FORM_BODY_LIMIT)}` })
    expect(answeredByLean).toBe(false)
    expect(lean.status).toBe(413)
    expect(lean).toEqual(remix)
  })

  it('a body sent without a declared length (chunked): capped by the body gate as any other', async () => {
    const cookie = await cookieFor(db, 'clerk15')
    const chunked = (text: string) => {
      const bytes = new TextEncoder().encode(text)
      return new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(bytes), c.close()) })
    }
    const over = `intent=save&item=q1&a.q1=${'x'.repeat(FORM_BODY_LIMIT)}`
    for (const base of [leanBase, remixBase]) {
      leanAnswers.length = 0
      const response = await fetch(base + path(), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
        body: chunked(over),
        duplex: 'half',
      } as RequestInit).catch(() => null)
      if (response) expect(response.status).toBe(413) // or the connection closed while still sending: also refused
      expect(leanAnswers.filter((reply) => reply !== null)).toEqual([])
    }
  })

  it('another site\'s page posting (CSRF): 403 before anything reads the body', async () => {
    const cookie = await cookieFor(db, 'clerk15')
    const { lean, remix, answeredByLean } = await both({ path: path(), cookie, body: save, headers: { Origin: 'https://evil.example' } })
    expect(answeredByLean).toBe(false)
    expect(lean.status).toBe(403)
    expect(lean).toEqual(remix)
    const referred = await both({ path: path(), cookie, body: save, headers: { Referer: 'https://evil.example/quiz' } })
    expect(referred.answeredByLean).toBe(false)
    expect(referred.lean.status).toBe(403)
    expect(referred.lean).toEqual(referred.remix)
  })

  it('a form posted without script (no ?_data): left to Remix', async () => {
    leanAnswers.length = 0
    const answer = await answerOf(leanBase, { path: `/quizzes/demo-quiz/attempts/${attempt}`, cookie: await cookieFor(db, 'clerk16'), body: save })
    expect(answer.status).toBe(404) // another clerk's attempt, answered as an unknown one
    expect(leanAnswers).toEqual([])
  })
})
