// Issue 15 at 360 px: an anonymous visitor opens a certificate's public /verify/<code> and sees it valid; the
// hall manager revokes it with a reason; the same address then says revoked. The page names the holder only
// masked (张*明): never the full name, never the 工号.
import type { Browser, Page } from 'playwright-core'
import { inject } from 'vitest'
import { heading, launch, open, phonePage, screenshot, settled, signIn } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

async function anonymousPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, baseURL: inject('baseURL'), locale: 'zh-CN' })
  return context.newPage()
}

it('a visitor verifies clerk01’s ★★ certificate (valid), the manager revokes it, the visitor then sees it revoked', async () => {
  const manager = await phonePage(browser)
  await signIn(manager, 'hall01mgr')
  await heading(manager, '管理看板')
  await open(manager, '/manage/stars')
  await heading(manager, '星级认证')
  const certificate = manager.locator('li', { has: manager.locator('a[href^="/verify/"]') }).filter({ hasText: 'clerk01' }).filter({ hasText: '有效' }).first()
  const holder = (await certificate.locator('strong').first().textContent())!.trim()
  const href = (await certificate.locator('a[href^="/verify/"]').getAttribute('href'))!
  expect(holder.length).toBeGreaterThan(1)

  const visitor = await anonymousPage()
  await open(visitor, href)
  await heading(visitor, '星级证书查验')
  const body = () => visitor.locator('main').textContent()
  expect(await body()).toContain('证书有效')
  expect(await body()).not.toContain(holder)
  expect(await body()).not.toContain('clerk01')
  expect(await body()).toContain(`${holder[0]}*`)
  expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await screenshot(visitor, 'verify-valid')

  await certificate.getByLabel('撤销原因').fill('暗访发现违规代客操作，经核实撤销')
  await certificate.getByRole('button', { name: '撤销证书' }).click()
  await manager.getByText('证书已撤销。').waitFor()
  await settled(manager)
  await screenshot(manager, 'stars-revoked')
  await manager.context().close()

  await open(visitor, href)
  await heading(visitor, '星级证书查验')
  expect(await body()).toContain('已撤销')
  expect(await body()).not.toContain('证书有效')
  expect(await body()).not.toContain(holder)
  expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await screenshot(visitor, 'verify-revoked')
  await visitor.context().close()
})
