// Issue 13: `Secure` on by default under `npm start`, off only in demo mode. The session and language cookies
// are built once per process from its environment, so each case loads the real modules afresh under the
// environment `npm start` (node server.js) would have, and reads the Set-Cookie they write.
import { useTestDatabase } from '../database'

let userId = ''
beforeAll(async () => {
  const { db } = await useTestDatabase()
  const user = await db.user.create({ data: { username: 'secure01', name: 'Secure', passwordHash: 'x' } })
  userId = user.id
})
afterEach(() => vi.unstubAllEnvs())

async function cookiesUnder(env: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value)
  vi.resetModules()
  const { startSession } = await import('~/server/session.server')
  const { languageCookie } = await import('~/server/i18n.server')
  const session = (await startSession(userId, '/')).headers.get('Set-Cookie') ?? ''
  return { session, language: await languageCookie.serialize('en') }
}

const attributes = (header: string) => header.split(';').slice(1).map((a) => a.trim().toLowerCase())

it.each([
  { name: 'npm start (no NODE_ENV)', env: { NODE_ENV: undefined, DEMO_MODE: undefined } },
  { name: 'npm start with NODE_ENV=production', env: { NODE_ENV: 'production', DEMO_MODE: undefined } },
  { name: 'npm start with the old INSECURE_COOKIES=1', env: { NODE_ENV: undefined, DEMO_MODE: undefined, INSECURE_COOKIES: '1' } },
  { name: 'npm start with DEMO_MODE=0', env: { NODE_ENV: 'production', DEMO_MODE: '0', INSECURE_COOKIES: '1' } },
])('$name: the session and language cookies are Secure', async ({ env }) => {
  const { session, language } = await cookiesUnder(env)
  expect(session).toMatch(/^__ssa_session=/)
  expect(attributes(session)).toContain('secure')
  expect(attributes(language)).toContain('secure')
})

it('npm run demo (DEMO_MODE=1, plain http to phones on the hall network): not Secure', async () => {
  const { session, language } = await cookiesUnder({ NODE_ENV: 'production', DEMO_MODE: '1' })
  expect(attributes(session)).not.toContain('secure')
  expect(attributes(language)).not.toContain('secure')
})
