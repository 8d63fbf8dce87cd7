import fc from 'fast-check'
import { needsTouch, newSessionTimes, secureCookies, sessionPolicyFrom, sessionState } from './session-expiry'

const policy = { idleMinutes: 120, absoluteHours: 12, touchEverySeconds: 60 }
const now = new Date('2026-03-01T08:00:00Z')
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000)
const ahead = (minutes: number) => new Date(now.getTime() + minutes * 60_000)

describe('sessionState: idle and absolute expiry', () => {
  it.each([
    { case: 'seen a minute ago', lastSeenAt: ago(1), expiresAt: ahead(60), state: 'live' },
    { case: 'idle 119 min', lastSeenAt: ago(119), expiresAt: ahead(60), state: 'live' },
    { case: 'idle exactly 120 min', lastSeenAt: ago(120), expiresAt: ahead(60), state: 'idle' },
    { case: 'busy, but past the absolute end', lastSeenAt: ago(0), expiresAt: ago(0), state: 'expired' },
    { case: 'both', lastSeenAt: ago(500), expiresAt: ago(1), state: 'expired' },
  ])('$case → $state', ({ lastSeenAt, expiresAt, state }) => expect(sessionState({ lastSeenAt, expiresAt }, now, policy)).toBe(state))
})

describe('needsTouch: last seen written at most once a minute', () => {
  it.each([
    { lastSeenAt: ago(0.5), touch: false },
    { lastSeenAt: ago(1), touch: true },
    { lastSeenAt: ago(30), touch: true },
  ])('$lastSeenAt → $touch', ({ lastSeenAt, touch }) => expect(needsTouch(lastSeenAt, now, policy)).toBe(touch))
})

it('newSessionTimes: ends after the absolute limit, seen now', () => {
  expect(newSessionTimes(now, policy)).toEqual({ lastSeenAt: now, expiresAt: new Date('2026-03-01T20:00:00Z') })
})

describe('sessionPolicyFrom the environment', () => {
  it.each([
    { env: {}, policy: { idleMinutes: 120, absoluteHours: 12, touchEverySeconds: 60 } },
    { env: { SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '8' }, policy: { idleMinutes: 30, absoluteHours: 8, touchEverySeconds: 60 } },
    { env: { SESSION_IDLE_MINUTES: 'soon', SESSION_MAX_HOURS: '-1' }, policy: { idleMinutes: 120, absoluteHours: 12, touchEverySeconds: 60 } },
    { env: { SESSION_IDLE_MINUTES: '0.5' }, policy: { idleMinutes: 0.5, absoluteHours: 12, touchEverySeconds: 3 } }, // touched every tenth of the idle time
  ])('$env', ({ env, policy: expected }) => expect(sessionPolicyFrom(env)).toEqual(expected))
})

describe('secureCookies: Secure unless in the demo or the development server', () => {
  it.each([
    { env: {}, secure: true }, // `npm start` sets no NODE_ENV
    { env: { NODE_ENV: 'production' }, secure: true },
    { env: { NODE_ENV: 'production', INSECURE_COOKIES: '1' }, secure: true }, // the old switch is gone
    { env: { INSECURE_COOKIES: '1' }, secure: true },
    { env: { NODE_ENV: 'test' }, secure: true },
    { env: { DEMO_MODE: '0' }, secure: true },
    { env: { DEMO_MODE: 'true' }, secure: true }, // only scripts/demo.ts's exact value counts
    { env: { NODE_ENV: 'production', DEMO_MODE: '1' }, secure: false }, // npm run demo
    { env: { NODE_ENV: 'development' }, secure: false }, // npm run dev
  ])('$env → $secure', ({ env, secure }) => expect(secureCookies(env)).toBe(secure))

  it("no setting of `npm start`'s turns Secure off: any environment without demo mode or the dev server", () => {
    const names = fc.constantFrom('INSECURE_COOKIES', 'NODE_ENV', 'SECURE', 'COOKIE_SECURE', 'HTTPS', 'DEMO', 'PORT', 'HOST', 'TRUST_PROXY', 'DEMO_MODE')
    const values = fc.constantFrom('', '0', '1', 'true', 'false', 'no', 'off', 'production', 'test', 'http')
    fc.assert(
      fc.property(fc.dictionary(names, values), (env) => {
        fc.pre(env.DEMO_MODE !== '1') // NODE_ENV=development is never drawn: that is `npm run dev`, not `npm start`
        expect(secureCookies(env)).toBe(true)
      }),
    )
  })
})
