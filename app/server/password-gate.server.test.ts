import { demoPasswordHint, isDemoMode } from './demo-mode.server'
import { requirePasswordCurrent } from './password-gate.server'

describe('requirePasswordCurrent', () => {
  const thrown = (mustChangePassword: boolean, path: string) => {
    try {
      requirePasswordCurrent({ mustChangePassword }, new Request(`http://localhost${path}`))
      return null
    } catch (response) {
      return response instanceof Response ? response.headers.get('Location') : 'not a response'
    }
  }
  it.each([
    { must: true, path: '/learn', to: '/account/password' },
    { must: true, path: '/people/E1?x=1', to: '/account/password' },
    { must: true, path: '/account/password', to: null },
    { must: true, path: '/logout', to: null },
    { must: false, path: '/learn', to: null },
  ])('must change: $must, at $path → $to', ({ must, path, to }) => expect(thrown(must, path)).toBe(to))
})

describe('demo mode', () => {
  afterEach(() => {
    delete process.env.DEMO_MODE
    delete process.env.DEMO_PASSWORD
  })
  it('prints no password unless DEMO_MODE=1 (set only by npm run demo)', () => {
    process.env.DEMO_PASSWORD = 'Secret-2026'
    expect([isDemoMode(), demoPasswordHint()]).toEqual([false, null])
    process.env.DEMO_MODE = '1'
    expect([isDemoMode(), demoPasswordHint()]).toEqual([true, 'Secret-2026'])
    delete process.env.DEMO_PASSWORD
    expect(demoPasswordHint()).toBe('Demo@2026')
  })
})
