// Issue 13, finding 6: a strict Content-Security-Policy with a fresh nonce per response for Remix's scripts;
// pages still hydrate and navigate with it, and unchanged pages still answer 304.
import type { Browser } from 'playwright-core'
import { inject } from 'vitest'
import { launch, phonePage, signIn } from './browser'
import { signInHttp } from './http'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

function directives(header: string | null): Map<string, string> {
  return new Map((header ?? '').split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0], d.slice(d.indexOf(' ') + 1)]))
}

it('every page carries the policy, and every script on it the nonce of that response', async () => {
  const first = await fetch(`${inject('baseURL')}/login`)
  const second = await fetch(`${inject('baseURL')}/login`)
  const policy = directives(first.headers.get('Content-Security-Policy'))
  expect(policy.get('frame-ancestors')).toBe("'none'")
  expect(policy.get('base-uri')).toBe("'none'")
  expect(policy.get('form-action')).toBe("'self'")
  expect(policy.get('object-src')).toBe("'none'")
  const scriptSrc = policy.get('script-src') ?? ''
  expect(scriptSrc).not.toContain('unsafe-inline')
  expect(scriptSrc).not.toContain('unsafe-eval')
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)?.[1]
  expect(nonce).toBeDefined()
  expect(nonce!.length).toBeGreaterThanOrEqual(22) // 128 bits
  expect(directives(second.headers.get('Content-Security-Policy')).get('script-src')).not.toBe(scriptSrc)
  const html = await first.text()
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
  expect(scripts.length).toBeGreaterThan(0)
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
  expect(html).not.toMatch(/\son[a-z]+=/i) // no inline event handlers anywhere in the page
})

it('an unchanged page still answers 304 although each response has its own nonce', async () => {
  const session = await signInHttp('clerk22')
  const first = await session.get('/learn')
  const etag = first.headers.get('ETag')
  expect(etag).toBeTruthy()
  const again = await fetch(`${inject('baseURL')}/learn`, { headers: { cookie: session.cookie, 'If-None-Match': etag! }, redirect: 'manual' })
  expect(again.status).toBe(304)
  // a 304's headers replace the cached ones: a new nonce here would block the cached page's scripts
  expect(again.headers.get('Content-Security-Policy')).toBeNull()
})

it('pages hydrate and navigate under the policy, with no violation reported', async () => {
  const page = await phonePage(browser)
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text())
  })
  await signIn(page, 'clerk23')
  await page.waitForURL(/\/learn$/)
  await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' })
  await page.locator('main a[href^="/learn/"]').first().click()
  await page.waitForURL(/\/learn\/[^/]+/)
  expect(violations).toEqual([])
  await page.context().close()
})
