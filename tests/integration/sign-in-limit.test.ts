// Issue 13, findings 1 and 5: the sign-in limit holds under parallel guesses, and counts per (user, address)
// so that a stranger cannot lock a clerk out, nor one address lock a whole hall.
import { action as loginAction } from '~/routes/login'
import { SIGN_IN_LIMIT } from '~/core/sign-in-limit'
import { signIn, unlockSignIn } from '~/server/auth.server'
import { seedDemo } from '~/server/seed/demo.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'
import { outcome } from '../session'

let db: PrismaClient
const now = new Date('2026-11-25T02:00:00Z')

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now })
})
afterAll(() => db.$disconnect())
beforeEach(() => db.signInFailure.deleteMany())

function post(fields: Record<string, string>, address: string) {
  const request = new Request('http://localhost/login', { method: 'POST', body: new URLSearchParams(fields) })
  return outcome(() => loginAction({ request, context: { clientAddress: address }, params: {} }))
}

it('finding 1: 60 parallel guesses (59 wrong, the last right) never sign in and charge only the allowance', async () => {
  const guesses = Array.from({ length: 60 }, (_, i) => post({ username: 'clerk01', password: i === 59 ? 'Test@2026' : `wrong${i}` }, '203.0.113.5'))
  const statuses = (await Promise.all(guesses)).map((r) => r.status)
  expect(statuses.filter((s) => s === 302)).toHaveLength(0)
  expect(statuses.filter((s) => s === 401)).toHaveLength(5)
  expect(statuses.filter((s) => s === 429)).toHaveLength(55)
}, 120_000)

it('finding 1: 50 parallel guesses across usernames are all counted for the address', async () => {
  const policy = { ...SIGN_IN_LIMIT, freePerAddress: 10 } // fewer password comparisons than the real 100
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, i) => signIn(`clerk${String(i + 10)}`, 'wrong', '198.51.100.9', now, policy)),
  )
  expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(10)
  expect(results.filter((r) => !r.ok && r.reason === 'locked')).toHaveLength(40)
})

it('finding 5: a stranger failing 30 times does not keep the clerk out from her own address', async () => {
  for (let i = 0; i < 30; i++) await signIn('clerk02', 'wrong', '192.0.2.66', now)
  expect(await signIn('clerk02', 'wrong', '192.0.2.66', now)).toMatchObject({ ok: false, reason: 'locked' })
  expect(await signIn('clerk02', 'Test@2026', '10.8.0.2', now)).toEqual({ ok: true, userId: expect.any(String) })
})

it('finding 5: 30 failures from a hall\'s one address do not keep the other clerks of that hall out', async () => {
  for (let i = 0; i < 30; i++) await signIn(`clerk${String(10 + i)}`, 'wrong', '10.20.0.1', now)
  expect(await signIn('clerk05', 'Test@2026', '10.20.0.1', now)).toEqual({ ok: true, userId: expect.any(String) })
}, 120_000) // 30 password comparisons: slow on a busy machine

it('slows the pair progressively and frees it once the wait is over', async () => {
  for (let i = 0; i < 5; i++) await signIn('clerk03', 'wrong', '10.0.0.3', now)
  expect(await signIn('clerk03', 'Test@2026', '10.0.0.3', now)).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: 30 })
  const after = new Date(now.getTime() + 30_000)
  expect(await signIn('clerk03', 'wrong', '10.0.0.3', after)).toEqual({ ok: false, reason: 'invalid' })
  expect(await signIn('clerk03', 'Test@2026', '10.0.0.3', after)).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: 60 })
  expect((await signIn('clerk03', 'Test@2026', '10.0.0.3', new Date(after.getTime() + 60_000))).ok).toBe(true)
})

it('a manager or admin can unlock a username at once', async () => {
  for (let i = 0; i < 8; i++) await signIn('clerk04', 'wrong', '10.0.0.4', now)
  expect(await signIn('clerk04', 'Test@2026', '10.0.0.4', now)).toMatchObject({ reason: 'locked' })
  expect(await unlockSignIn('CLERK04')).toBe(5) // the attempts refused while slowed were not charged
  expect((await signIn('clerk04', 'Test@2026', '10.0.0.4', now)).ok).toBe(true)
})

it('a right password does not count as a failure', async () => {
  for (let i = 0; i < 20; i++) expect((await signIn('clerk06', 'Test@2026', '10.0.0.6', now)).ok).toBe(true)
  expect(await db.signInFailure.count()).toBe(0)
}, 120_000)
