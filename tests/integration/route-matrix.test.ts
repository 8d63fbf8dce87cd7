/// <reference types="vite/client" />
// Every route × every kind of visitor × (GET, each action intent), from the table in route-matrix.table.ts,
// called as the real route module with a real session. A route file without an entry fails, by name.
import { importContent } from '~/server/content/import.server'
import { loadSessionUser } from '~/server/people.server'
import { startAttempt } from '~/server/quiz-attempts.server'
import { seedDemo } from '~/server/seed/demo.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'
import { cookieFor, outcome, requestAs } from '../session'
import { ACTORS, ROUTE_MATRIX, type Actor, type Fixtures, type MatrixEntry, ACTIONS_PENDING, MATRIX_PENDING } from './route-matrix.table'

type RouteFunction = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>
type RouteModule = { loader?: RouteFunction; action?: RouteFunction }

const modules = import.meta.glob<RouteModule>('../../app/routes/*.tsx')
const routeIdOf = (file: string) => file.split('/').pop()!.replace(/\.tsx$/, '')
const routeFiles = new Map(Object.entries(modules).map(([file, load]) => [routeIdOf(file), load]))

let db: PrismaClient
let fixtures: Fixtures

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now: new Date() })
  expect((await importContent(db, 'tests/fixtures/content/good')).ok).toBe(true)
  const clerk = (await loadSessionUser((await db.user.findUniqueOrThrow({ where: { username: 'clerk01' } })).id))!
  const attempt = await startAttempt(clerk, 'demo-quiz', new Date())
  if (!attempt.ok) throw new Error('could not start an attempt')
  const version = await db.moduleVersion.findFirstOrThrow({ where: { courseId: 'demo', slug: 'intro' } })
  fixtures = { moduleVersionId: version.id, attemptId: attempt.attemptId }
}, 120_000)
afterAll(() => db.$disconnect())

/** Route params from the route id's $segments and the path, e.g. manage.halls.$code + /manage/halls/H01. */
function paramsOf(route: string, path: string): Record<string, string> {
  const segments = route.split('.').filter((s) => s !== '_index')
  const parts = path.split('?')[0].split('/').filter(Boolean)
  // a trailing _ (trainer.quizzes.$quiz_.answers) only tells Remix not to nest the route: the param is still "quiz"
  return Object.fromEntries(segments.flatMap((s, i) => (s.startsWith('$') ? [[s.slice(1).replace(/_$/, ''), decodeURIComponent(parts[i])]] : [])))
}

// a fresh session for every call: sign-out and "sign out everywhere" may end the one before
async function cookieOf(actor: Actor): Promise<string | null> {
  const username = ACTORS[actor]
  return username ? cookieFor(db, username) : null
}

async function statusOf(entry: MatrixEntry, actor: Actor, method: 'GET' | 'POST', form?: Record<string, string>): Promise<number> {
  const module = await routeFiles.get(entry.route)!()
  const path = entry.path(fixtures)
  const run = method === 'GET' ? module.loader : module.action
  if (!run) throw new Error(`${entry.route} has no ${method === 'GET' ? 'loader' : 'action'}`)
  const init = method === 'POST' ? { method, body: new URLSearchParams(form) } : {}
  const request = requestAs(await cookieOf(actor), path, init)
  return (await outcome(() => run({ request, params: paramsOf(entry.route, path), context: { clientAddress: `10.77.0.${Object.keys(ACTORS).indexOf(actor)}` } }))).status
}

it('covers every route file: a new route needs its row in tests/integration/route-matrix.table.ts', async () => {
  const listed = new Set(ROUTE_MATRIX.map((e) => e.route))
  const missing = [...routeFiles.keys()].filter((route) => !listed.has(route) && !(route in MATRIX_PENDING))
  const pendingWithRow = Object.keys(MATRIX_PENDING).filter((route) => listed.has(route) || !routeFiles.has(route))
  expect(pendingWithRow, `MATRIX_PENDING lists routes that have a row or no file: ${pendingWithRow.join(', ')}`).toEqual([])
  const stale = [...listed].filter((route) => !routeFiles.has(route))
  expect(missing, `routes missing from the matrix: ${missing.join(', ')}`).toEqual([])
  expect(stale, `matrix rows for routes that do not exist: ${stale.join(', ')}`).toEqual([])
  const withoutActionRows: string[] = []
  for (const [route, load] of routeFiles) {
    const module = await load()
    if (module.action && !(route in MATRIX_PENDING) && !(route in ACTIONS_PENDING) && !ROUTE_MATRIX.find((e) => e.route === route)?.actions?.length) withoutActionRows.push(route)
  }
  expect(withoutActionRows, `routes with an action but no action rows in the matrix: ${withoutActionRows.join(', ')}`).toEqual([])
})

describe.each(ROUTE_MATRIX.map((entry) => ({ entry, route: entry.route })))('$route', ({ entry }) => {
  it('GET, as each visitor', async () => {
    const got: Record<string, number> = {}
    for (const actor of Object.keys(ACTORS) as Actor[]) got[actor] = await statusOf(entry, actor, 'GET')
    expect(got).toEqual(entry.get)
  })

  for (const row of entry.actions ?? []) {
    it(`action ${row.intent}, as each visitor`, async () => {
      const got: Record<string, number> = {}
      // the owner last: an owner's submit closes the attempt the others were refused
      const actors = (Object.keys(ACTORS) as Actor[]).sort((a, b) => Number(a === 'clerkOwn') - Number(b === 'clerkOwn'))
      for (const actor of actors) got[actor] = await statusOf(entry, actor, 'POST', row.form(fixtures, actor))
      expect(got).toEqual(row.expect)
    })
  }
})
