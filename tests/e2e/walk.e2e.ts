// What a 360 px walk found, checked in the browser: an English module page says once that the module is in
// Chinese and marks the Chinese as such; dates never break at their hyphens; the studio's course tree folds
// (the course the trainer came back from open) and unfolds without JavaScript.
import type { Browser } from 'playwright-core'
import { inject } from 'vitest'
import { PHONE, heading, launch, open, phonePage, screenshot, signIn } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

it('a module page in English says once that the module is written in Chinese; the Chinese is marked lang=zh-CN', async () => {
  const page = await phonePage(browser)
  await signIn(page, 'clerk31')
  await heading(page, '我的学习')
  await open(page, '/learn/etiquette/appearance')
  expect(await page.locator('.chinese-only').count()).toBe(0) // a Chinese page needs no note
  expect(await page.locator('.prose').getAttribute('lang')).toBe('zh-CN')
  await page.getByRole('button', { name: '切换语言' }).click()
  await page.locator('html[lang="en"]').waitFor({ state: 'attached' })
  await open(page, '/learn/etiquette/appearance')
  await expect.poll(() => page.locator('.chinese-only').count()).toBe(1)
  expect(await page.locator('.chinese-only').textContent()).toContain('written in Chinese')
  expect(await page.locator('.prose').getAttribute('lang')).toBe('zh-CN')
  expect(await page.locator('.objectives ul').getAttribute('lang')).toBe('zh-CN')
  // the components' English labels say they are English inside the Chinese body
  const labels = page.locator('.prose .mdx-label')
  if ((await labels.count()) > 0) expect(await labels.first().getAttribute('lang')).toBe('en')
  await screenshot(page, 'walk-module-en')
  await page.context().close()
})

it('dates stay on one line at 360 px: each date is one unbroken box', async () => {
  const page = await phonePage(browser)
  await signIn(page, 'clerk06') // a new hire: check-ins with their days, sign-offs with their times
  await heading(page, '我的学习')
  await open(page, '/learn/checklist')
  const dates = page.locator('.date')
  expect(await dates.count()).toBeGreaterThan(0)
  const boxes = await dates.evaluateAll((elements) => elements.map((e) => ({ text: e.textContent, lines: e.getClientRects().length, wrap: getComputedStyle(e).whiteSpace })))
  for (const box of boxes) expect(box, box.text ?? '').toMatchObject({ lines: 1, wrap: 'nowrap' })
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await page.context().close()
})

it('the studio tree folds its courses; back from a file, that course is open; a fold opens without JavaScript', async () => {
  const page = await phonePage(browser)
  await signIn(page, 'trainer01')
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
  await open(page, `/trainer/studio?from=${encodeURIComponent('courses/complaints/course.yaml')}`)
  const courses = page.locator('details.studio-course')
  expect(await courses.count()).toBeGreaterThan(3)
  expect(await page.locator('details.studio-course[open]').count()).toBe(1)
  expect(await page.locator('details.studio-course[open]').getAttribute('id')).toBe('current')
  await page.locator('#current').getByRole('link', { name: 'course.yaml' }).waitFor()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await screenshot(page, 'walk-studio-tree')
  await page.context().close()

  const context = await browser.newContext({ viewport: PHONE, baseURL: inject('baseURL'), javaScriptEnabled: false })
  const plain = await context.newPage()
  await plain.goto('/login')
  await plain.getByLabel('工号').fill('trainer01')
  await plain.getByLabel('密码').fill('Demo@2026')
  await Promise.all([plain.waitForURL((url) => !url.pathname.startsWith('/login')), plain.getByRole('button', { name: '登录' }).click()])
  await plain.goto(`/trainer/studio?from=${encodeURIComponent('courses/complaints/course.yaml')}`)
  const index = (await plain.locator('details.studio-course').evaluateAll((all) => all.map((d) => (d as HTMLDetailsElement).open))).indexOf(false)
  const folded = plain.locator('details.studio-course').nth(index) // by place: a ":not([open])" locator would move on once it opens
  await folded.locator('summary').click()
  expect(await folded.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true)
  await context.close()
})
