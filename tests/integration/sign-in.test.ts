// Sign-in against a real database: right and wrong passwords, the same answer for unknown users,
// and the limit that holds across processes because failures are stored.
import { action as loginAction } from '~/routes/login'
import { signIn } from '~/server/auth.server'
import { optionalUser } from '~/server/session.server'
import { seedDemo } from '~/server/seed/demo.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'
import { cookieFor, outcome, requestAs } from '../session'

let db: PrismaClient
const now = new Date('2026-11-25T02:00:00Z')
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000)

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now })
})
afterAll(() => db.$disconnect())
beforeEach(() => db.signInFailure.deleteMany())

it('accepts the right password', async () => {
  const result = await signIn('clerk01', 'Test@2026', '10.0.0.1', now)
  expect(result).toEqual({ ok: true, userId: expect.any(String) })
})

it('gives the same answer for a wrong password and an unknown user', async () => {
  expect(await signIn('clerk01', 'wrong', '10.0.0.1', now)).toEqual({ ok: false, reason: 'invalid' })
  expect(await signIn('nobody99', 'Test@2026', '10.0.0.1', now)).toEqual({ ok: false, reason: 'invalid' })
})

it('locks a username after 5 failures, even for the right password, and frees it after the window', async () => {
  for (let i = 0; i < 5; i++) await signIn('clerk02', 'wrong', `10.0.0.${i}`, later(i))
  const locked = await signIn('clerk02', 'Test@2026', '10.0.0.9', later(5))
  expect(locked).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: 10 * 60 })
  // another user from the same addresses is not affected
  expect((await signIn('clerk03', 'Test@2026', '10.0.0.1', later(5))).ok).toBe(true)
  // 15 minutes after the first failure only 4 remain in the window
  expect((await signIn('clerk02', 'Test@2026', '10.0.0.9', later(15))).ok).toBe(true)
})

it('locks an address that guesses across many usernames', async () => {
  for (let i = 0; i < 30; i++) await signIn(`clerk${String(10 + i)}`, 'wrong', '192.0.2.7', now)
  expect(await signIn('clerk05', 'Test@2026', '192.0.2.7', later(1))).toMatchObject({ ok: false, reason: 'locked' })
  expect((await signIn('clerk05', 'Test@2026', '192.0.2.8', later(1))).ok).toBe(true)
})

function loginRequest(fields: Record<string, string>) {
  return new Request('http://localhost/login', { method: 'POST', body: new URLSearchParams(fields) })
}

describe('the login action', () => {
  it('keeps the username and puts the error beside the password field', async () => {
    const response = await outcome(() =>
      loginAction({ request: loginRequest({ username: 'clerk01', password: 'nope' }), context: { clientAddress: '10.1.1.1' }, params: {} }),
    )
    expect(response.status).toBe(401)
    const body = await response.json()
    expect(body.result.initialValue).toEqual({ username: 'clerk01' }) // the password is not sent back
    expect(body.result.error).toEqual({ password: ['login.invalid'] })
  })

  it('names the empty fields', async () => {
    const response = await outcome(() =>
      loginAction({ request: loginRequest({ username: ' ', password: '' }), context: { clientAddress: '10.1.1.2' }, params: {} }),
    )
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(body.result.error).toEqual({ username: ['login.usernameRequired'], password: ['login.passwordRequired'] })
  })

  it('answers 429 with the minutes to wait once locked', async () => {
    for (let i = 0; i < 5; i++) await signIn('clerk07', 'wrong', '10.1.1.3', new Date())
    const response = await outcome(() =>
      loginAction({ request: loginRequest({ username: 'clerk07', password: 'Test@2026' }), context: { clientAddress: '10.1.1.3' }, params: {} }),
    )
    expect(response.status).toBe(429)
    expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(14 * 60)
    const body = await response.json()
    expect(body.retryMinutes).toBe(15)
    expect(body.result.error).toEqual({ username: ['login.locked'] })
  })

  it('signs in and redirects to the home, or to a same-site redirectTo only', async () => {
    const home = await outcome(() =>
      loginAction({ request: loginRequest({ username: 'hall01mgr', password: 'Test@2026' }), context: {}, params: {} }),
    )
    expect(home.status).toBe(302)
    expect(home.headers.get('Location')).toBe('/manage')
    expect(home.headers.get('Set-Cookie')).toMatch(/__ssa_session=.*HttpOnly.*SameSite=Lax/i)
    const evil = await outcome(() =>
      loginAction({
        request: loginRequest({ username: 'clerk01', password: 'Test@2026', redirectTo: '//evil.example/x' }),
        context: {},
        params: {},
      }),
    )
    expect(evil.headers.get('Location')).toBe('/learn')
  })
})

describe('the session user of a request', () => {
  it('is read once for the loaders that share a load context, and again for the next request', async () => {
    const cookie = await cookieFor(db, 'clerk04')
    const context = { clientAddress: '10.2.2.2' }
    // Remix hands each loader its own copy of the Request; the context is the same object
    const root = optionalUser({ request: requestAs(cookie, '/learn'), context })
    const page = optionalUser({ request: requestAs(cookie, '/learn?index'), context })
    expect(page).toBe(root)
    expect((await root)?.username).toBe('clerk04')
    const next = optionalUser({ request: requestAs(cookie, '/learn'), context: { clientAddress: '10.2.2.2' } })
    expect(next).not.toBe(root)
    expect((await next)?.username).toBe('clerk04')
  })

  it('sees a deactivation on the next request although the cookie is the same', async () => {
    const cookie = await cookieFor(db, 'clerk06')
    expect(await optionalUser({ request: requestAs(cookie, '/learn'), context: {} })).not.toBeNull()
    await db.user.update({ where: { username: 'clerk06' }, data: { active: false } })
    try {
      expect(await optionalUser({ request: requestAs(cookie, '/learn'), context: {} })).toBeNull()
    } finally {
      await db.user.update({ where: { username: 'clerk06' }, data: { active: true } })
    }
  })

  it('refuses a cookie whose signature does not match, also after the good one was seen', async () => {
    const cookie = await cookieFor(db, 'clerk08')
    expect(await optionalUser({ request: requestAs(cookie, '/'), context: {} })).not.toBeNull()
    const [name, value] = cookie.split('=')
    const forged = `${name}=${value.slice(0, -3)}${value.endsWith('abc') ? 'xyz' : 'abc'}`
    expect(await optionalUser({ request: requestAs(forged, '/'), context: {} })).toBeNull()
  })
})
