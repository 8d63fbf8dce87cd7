/// <reference types="vite/client" />
// Every route × every kind of visitor × (GET, each action intent), from the table in route-matrix.table.ts,
// called as the real route module with a real session. A route file without an entry fails, by name.
import { createHash } from 'node:crypto'
import { importContent } from '~/server/content/import.server'
import { loadSessionUser } from '~/server/people.server'
import { startAttempt } from '~/server/quiz-attempts.server'
import { seedDemo } from '~/server/seed/demo.server'
import { demoVerifyCodes } from '~/server/seed/stars.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'
import { cookieFor, outcome, requestAs } from '../session'
import { ACTORS, ROUTE_MATRIX, type Actor, type Fixtures, type FormValue, type MatrixEntry, ACTIONS_PENDING, MATRIX_PENDING } from './route-matrix.table'

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
  fixtures = { moduleVersionId: version.id, attemptId: attempt.attemptId, clerkOwnId: clerk.id, ...(await moreFixtures(clerk.id)) }
}, 120_000)
afterAll(() => db.$disconnect())

/** clerk01 paired with mentor01, an overdue assignment for H01, clerk01's certificate, a picture. */
async function moreFixtures(clerkId: string) {
  const [mentor, admin, hall, checklist] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { username: 'mentor01' } }),
    db.user.findUniqueOrThrow({ where: { username: 'admin' } }),
    db.orgUnit.findUniqueOrThrow({ where: { code: 'H01' } }),
    db.checklistTemplate.findUniqueOrThrow({ where: { id: 'counter-clerk' } }),
  ])
  const pairing = await db.pairing.create({
    data: {
      id: 'matrix-clerk01', chainId: 'matrix-clerk01', menteeId: clerkId, mentorId: mentor.id, checklistVersionId: checklist.currentVersionId!,
      startDay: '2026-11-02', plannedEndDay: '2027-01-31', status: 'active', activeKey: clerkId, createdById: admin.id, requestKey: 'matrix-clerk01',
    },
  })
  const assignment = await db.assignment.create({ data: { courseId: 'demo', unitId: hall.id, dueDay: '2026-01-05', createdById: admin.id, requestKey: 'matrix-overdue' } })
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'
  const hash = createHash('sha256').update(svg).digest('hex')
  await db.contentAsset.create({ data: { hash, mime: 'image/svg+xml', bytes: Buffer.from(svg) } })
  const certificateCode = (await demoVerifyCodes(db)).active
  if (!certificateCode) throw new Error('clerk01 has no seeded certificate')
  return { pairingId: pairing.id, overdueAssignmentId: assignment.id, mediaFile: `${hash}.svg`, certificateCode }
}

/** Route params from the route id's $segments and the path, e.g. manage.halls.$code + /manage/halls/H01. */
function paramsOf(route: string, path: string): Record<string, string> {
  const segments = route.split(/\.(?![^[]*\])/).filter((s) => s !== '_index')
  const parts = path.split('?')[0].split('/').filter(Boolean)
  return Object.fromEntries(
    segments.flatMap((s, i) => {
      if (!s.startsWith('$')) return []
      // $code_ is $code outside its parent's layout; $code[.pdf] is $code followed by a literal ".pdf"
      const [, name, literal = ''] = /^\$([^[_]+)_?(?:\[(.*)\])?$/.exec(s)!
      const value = decodeURIComponent(parts[i])
      return [[name, literal && value.endsWith(literal) ? value.slice(0, -literal.length) : value]]
    }),
  )
}

/** A urlencoded body, or a multipart one when a field is a file. */
function bodyOf(form: Record<string, FormValue>): URLSearchParams | FormData {
  const values = Object.entries(form)
  if (values.every(([, v]) => typeof v === 'string')) return new URLSearchParams(values as [string, string][])
  const body = new FormData()
  for (const [name, v] of values) typeof v === 'string' ? body.append(name, v) : body.append(name, new File([v.file], v.name, { type: v.type }))
  return body
}

// a fresh session for every call: sign-out and "sign out everywhere" may end the one before
async function cookieOf(actor: Actor): Promise<string | null> {
  const username = ACTORS[actor]
  return username ? cookieFor(db, username) : null
}

async function statusOf(entry: MatrixEntry, actor: Actor, method: 'GET' | 'POST', form?: Record<string, FormValue>): Promise<number> {
  const module = await routeFiles.get(entry.route)!()
  const path = entry.path(fixtures)
  const run = method === 'GET' ? module.loader : module.action
  if (!run) throw new Error(`${entry.route} has no ${method === 'GET' ? 'loader' : 'action'}`)
  const init = method === 'POST' ? { method, body: bodyOf(form ?? {}) } : {}
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
    if (process.env.MATRIX_DEBUG) console.log('DEBUG', entry.route, 'GET', JSON.stringify(Object.entries(got).filter(([a, v]) => entry.get[a as Actor] !== v)))
    expect(got).toEqual(entry.get)
  })

  for (const row of entry.actions ?? []) {
    it(`action ${row.intent}, as each visitor`, async () => {
      const got: Record<string, number> = {}
      // the owner last: an owner's submit closes the attempt the others were refused
      const actors = (Object.keys(ACTORS) as Actor[]).sort((a, b) => Number(a === 'clerkOwn') - Number(b === 'clerkOwn'))
      for (const actor of actors) got[actor] = await statusOf(entry, actor, 'POST', row.form(fixtures, actor))
      if (process.env.MATRIX_DEBUG) console.log('DEBUG', entry.route, row.intent, JSON.stringify(Object.entries(got).filter(([a, v]) => row.expect[a as Actor] !== v)))
      expect(got).toEqual(row.expect)
    })
  }
})
