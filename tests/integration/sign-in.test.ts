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

// How failures slow further attempts (per username and address, progressively) is in sign-in-limit.test.ts.

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

  it('answers 429 with the minutes to wait once slowed', async () => {
    // ten failures, each made as soon as the previous wait allowed, the last about half a minute ago
    let at = Date.now() - 16 * 60_000
    for (let failures = 0; failures < 10; ) {
      const result = await signIn('clerk07', 'wrong', '10.1.1.3', new Date(at))
      if (!result.ok && result.reason === 'locked') at += result.retryAfterSeconds * 1000
      else failures++
    }
    const response = await outcome(() =>
      loginAction({ request: loginRequest({ username: 'clerk07', password: 'Test@2026' }), context: { clientAddress: '10.1.1.3' }, params: {} }),
    )
    expect(response.status).toBe(429)
    expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(8 * 60) // 8 min after the 5th slowed failure
    const body = await response.json()
    expect(body.retryMinutes).toBeGreaterThanOrEqual(8)
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
