// The demo assigns 入职必修 to new hires only: a new hire's home lists it among the assigned courses, a veteran's
// (same regions, same history) does not — on a real SQLite file with the demo history seeded.
import { loader as learnLoader } from '~/routes/learn._index'
import type { PrismaClient } from '~/generated/prisma/client'
import { cookieFor, outcome, requestAs } from '../session'
import { useDemoDatabase } from '../database'

let db: PrismaClient
const now = new Date()
type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>

beforeAll(async () => {
  ;({ db } = await useDemoDatabase(now))
}, 180_000)
afterAll(() => db.$disconnect())

async function assignedCourses(username: string): Promise<string[]> {
  const cookie = await cookieFor(db, username)
  const response = await outcome(() => (learnLoader as Loader)({ request: requestAs(cookie, '/learn'), params: {}, context: {} }))
  expect(response.status).toBe(200)
  const body = (await response.json()) as { assigned: { id: string }[] }
  return body.assigned.map((entry) => entry.id)
}

it.each([
  { user: 'clerk12', region: 'R01', mentee: true },
  { user: 'clerk06', region: 'R02', mentee: true },
  { user: 'clerk48', region: 'R02', mentee: false },
])('new hire $user ($region) has 入职必修 on the home page', async ({ user }) => {
  expect(await assignedCourses(user)).toContain('onboarding')
})

it.each([
  { user: 'clerk01', region: 'R01' },
  { user: 'clerk04', region: 'R01' },
  { user: 'clerk05', region: 'R02' },
  { user: 'mentor01', region: 'R01' },
])('veteran $user ($region) does not', async ({ user }) => {
  expect(await assignedCourses(user)).not.toContain('onboarding')
})

it('every clerk hired within 90 days, and only they, is assigned 入职必修', async () => {
  const dayMs = 86_400_000
  const clerks = await db.user.findMany({ where: { roles: { some: { role: 'clerk' } } }, select: { username: true, hireDate: true } })
  const newHires = clerks.filter((c) => c.hireDate && now.getTime() - c.hireDate.getTime() < 90 * dayMs).map((c) => c.username)
  expect(newHires.length).toBeGreaterThanOrEqual(5)
  const sample = [...newHires.slice(0, 3), ...clerks.map((c) => c.username).filter((u) => !newHires.includes(u)).slice(0, 3)]
  for (const username of sample) {
    expect(await assignedCourses(username), username).toEqual(newHires.includes(username) ? expect.arrayContaining(['onboarding']) : expect.not.arrayContaining(['onboarding']))
  }
})
