// Issue 17: 催学 "shows a notice on each overdue person's home page and records who reminded whom when". One press on
// a hall's page reminds every overdue learner of each overdue course (before: one record page, one press, per person
// per course); 50 parallel presses of one form remind each once; the clerks see it; refusals as for the record page.
import { loader as learnLoader } from '~/routes/learn._index'
import { action as hallAction } from '~/routes/manage.halls.$code'
import { unitProgress } from '~/server/unit-progress.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { cookieFor, outcome, requestAs } from '../session'
import { useDemoDatabase } from '../database'

let db: PrismaClient
const cookies: Record<string, string> = {}
const now = new Date()
type Action = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>
const press = (user: string, code: string, requestKey: string) =>
  outcome(() => (hallAction as Action)({ request: requestAs(cookies[user], `/manage/halls/${code}`, { method: 'POST', body: new URLSearchParams({ intent: 'remindOverdue', requestKey }) }), params: { code }, context: {} }))

beforeAll(async () => {
  ;({ db } = await useDemoDatabase(now))
  for (const u of ['hall01mgr', 'hall02mgr', 'branch01mgr', 'trainer01', 'clerk09']) cookies[u] = await cookieFor(db, u)
}, 120_000)
afterAll(() => db.$disconnect())

it('50 parallel presses remind each overdue learner of each overdue course once, by the manager, now; each sees it at home', async () => {
  const rows = (await unitProgress('/R01/B01/H01/', now)).rows.filter((r) => r.overdue > 0)
  const pairs = rows.flatMap((r) => r.courses.filter((c) => c.overdue).map((c) => `${r.username} ${c.courseId}`)).sort()
  expect(rows.length).toBeGreaterThan(1) // the demo history leaves several of H01 overdue: not a vacuous pass
  const since = new Date(now.getTime() - 1000)
  const key = crypto.randomUUID()
  const responses = await Promise.all(Array.from({ length: 50 }, () => press('branch01mgr', 'H01', key)))
  expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200))
  const made = await db.reminder.findMany({
    where: { createdAt: { gte: since } },
    select: { learner: { select: { username: true } }, assignment: { select: { courseId: true } }, remindedBy: { select: { username: true } } },
  })
  expect(made.map((r) => `${r.learner.username} ${r.assignment.courseId}`).sort()).toEqual(pairs)
  expect(new Set(made.map((r) => r.remindedBy.username))).toEqual(new Set(['branch01mgr']))
  const bodies = await Promise.all(responses.map(async (r) => (await r.json()) as { reminded: number; people: number; courses: number }))
  expect(bodies.reduce((a, b) => a + b.reminded, 0)).toBe(pairs.length) // each reminder counted by the one press that made it
  // every press, the double submit's late ones included, tells what stands reminded, never "0 sent"
  expect(bodies.map((b) => [b.people, b.courses])).toEqual(Array(50).fill([rows.length, pairs.length]))

  const clerk = rows.find((r) => r.username === 'clerk09') ?? rows[0]
  cookies[clerk.username] ??= await cookieFor(db, clerk.username)
  const home = (await (await outcome(() => (learnLoader as Action)({ request: requestAs(cookies[clerk.username], '/learn'), params: {}, context: {} }))).json()) as { reminders: Array<{ courseId: string; by: string }> }
  const manager = await db.user.findUniqueOrThrow({ where: { username: 'branch01mgr' }, select: { name: true } })
  for (const course of clerk.courses.filter((c) => c.overdue)) expect(home.reminders).toContainEqual(expect.objectContaining({ courseId: course.courseId, by: manager.name }))
})

it.each([
  { user: 'hall02mgr', why: 'another hall: as an unknown hall', status: 403 },
  { user: 'trainer01', why: 'trainers see but do not remind', status: 403 },
  { user: 'clerk09', why: 'not a manager', status: 403 },
])('$user may not ($why)', async ({ user, status }) => {
  const before = await db.reminder.count()
  expect((await press(user, 'H01', crypto.randomUUID())).status).toBe(status)
  expect(await db.reminder.count()).toBe(before)
})

it('a form without its request key is refused', async () => {
  const response = await outcome(() => (hallAction as Action)({ request: requestAs(cookies.hall01mgr, '/manage/halls/H01', { method: 'POST', body: new URLSearchParams({ intent: 'remindOverdue' }) }), params: { code: 'H01' }, context: {} }))
  expect(response.status).toBe(400)
})
