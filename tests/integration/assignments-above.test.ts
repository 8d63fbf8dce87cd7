// Issue 17 "Assignments: list, edit the due date, cancel": a hall manager's people are overdue on a course a region
// manager assigned, and /assignments did not list that assignment at all (only those on their own units), so the
// manager reminding them could not see what was due when, nor who set it. Those from above are now listed, read
// only (changing them stays the 403 of changeableAssignment); an assignment's creation time is the `now` passed in.
import { loader as assignmentsLoader } from '~/routes/assignments'
import { createAssignment } from '~/server/assignments.server'
import { loadSessionUser } from '~/server/people.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { cookieFor, outcome, requestAs } from '../session'
import { useDemoDatabase } from '../database'

let db: PrismaClient
const cookies: Record<string, string> = {}
type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>
type Listed = { assignments: Array<{ id: string; editable: boolean; unit: { code: string } }> }
const listOf = async (user: string) => (await (await outcome(() => (assignmentsLoader as Loader)({ request: requestAs(cookies[user], '/assignments'), params: {}, context: {} }))).json()) as Listed

beforeAll(async () => {
  ;({ db } = await useDemoDatabase(new Date()))
  for (const u of ['hall01mgr', 'branch01mgr', 'region01mgr']) cookies[u] = await cookieFor(db, u)
}, 120_000)
afterAll(() => db.$disconnect())

describe.each([
  { user: 'hall01mgr', unit: '/R01/B01/H01/' },
  { user: 'branch01mgr', unit: '/R01/B01/' },
  { user: 'region01mgr', unit: '/R01/' },
])('$user', ({ user, unit }) => {
  it('lists every assignment on their unit, under it and above it — those above read only — and none apart', async () => {
    const all = await db.assignment.findMany({ select: { id: true, unit: { select: { path: true } } } })
    const under = all.filter((a) => a.unit.path.startsWith(unit)).map((a) => a.id)
    const above = all.filter((a) => unit.startsWith(a.unit.path) && a.unit.path !== unit).map((a) => a.id)
    if (unit !== '/R01/') expect(above.length).toBeGreaterThan(0) // the demo's region assignments reach H01 and B01
    const listed = (await listOf(user)).assignments
    expect(listed.map((a) => a.id).sort()).toEqual([...under, ...above].sort())
    expect(listed.filter((a) => !a.editable).map((a) => a.id).sort()).toEqual([...above].sort())
  })
})

it("a hall manager's overdue clerks' assignment is in their list", async () => {
  const overdue = await db.assignment.findFirstOrThrow({ where: { unit: { code: 'R01' }, courseId: 'etiquette' }, select: { id: true } })
  expect((await listOf('hall01mgr')).assignments.find((a) => a.id === overdue.id)).toMatchObject({ editable: false, unit: { code: 'R01' } })
})

it('an assignment is created at the `now` passed in, not by the database clock', async () => {
  const admin = (await loadSessionUser((await db.user.findUniqueOrThrow({ where: { username: 'admin' } })).id))!
  const now = new Date('2026-03-02T01:02:03.000Z')
  const made = await createAssignment(admin.viewer, { unitCode: 'H01', courseId: 'etiquette', dueDay: '2026-04-01', requestKey: 'assignments-above-now', role: null, newHiresOnly: false }, now)
  if (!made.ok) throw new Error(made.error)
  expect((await db.assignment.findUniqueOrThrow({ where: { id: made.id }, select: { createdAt: true } })).createdAt).toEqual(now)
})
