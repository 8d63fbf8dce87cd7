// Issue 13, "What to build": the policy's directives, read one by one (the browser test, tests/e2e/csp.e2e.ts,
// checks that pages carry it and run under it).
import { contentSecurityPolicy, newNonce } from './csp.server'

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]))

it('lets scripts run only from this site with the response nonce: no unsafe-inline, no eval', () => {
  const nonce = newNonce()
  const script = directives(contentSecurityPolicy(nonce, false)).get('script-src')
  expect(script).toEqual(["'self'", `'nonce-${nonce}'`])
  expect(contentSecurityPolicy(nonce, true)).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval)/)
})

it.each([
  ['frame-ancestors', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'self'"]],
  ['object-src', ["'none'"]],
  ['default-src', ["'self'"]],
  ['connect-src', ["'self'"]],
])('%s is %j', (name, value) => expect(directives(contentSecurityPolicy('n', false)).get(name)).toEqual(value))

it('gives every response a fresh 128-bit nonce', () => {
  const nonces = new Set(Array.from({ length: 100 }, newNonce))
  expect(nonces.size).toBe(100)
  expect(Buffer.from([...nonces][0], 'base64')).toHaveLength(16)
})
