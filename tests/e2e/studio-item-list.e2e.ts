// The studio's item list on a phone: one compact row per item (number, type, id, verdict), narrowed by type and by
// the statistics' verdict through a filter kept in the URL; in Chinese and English at 360 px.
import { readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { parse } from 'yaml'
import { heading, launch, open, phonePage, screenshot, settled, signIn } from './browser'

const FILE = 'quizzes/etiquette-quiz.yaml'
const quiz = parse(readFileSync(`content/${FILE}`, 'utf8')) as { items: Array<{ id: string; type: string }> }
const multiple = quiz.items.filter((i) => i.type === 'multiple')
let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

it('at 360 px the list is one row per item and filters by type in the URL (zh, then en)', async () => {
  expect(multiple.length).toBeGreaterThan(1)
  const page = await phonePage(browser)
  await signIn(page, 'trainer01')
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
  await open(page, `/trainer/studio/items?path=${encodeURIComponent(FILE)}`)
  await heading(page, `逐题编辑：${FILE}`)
  const rows = page.locator('.items-list ol > li')
  expect(await rows.count()).toBe(quiz.items.length)
  // compact: only the current item carries its buttons
  expect(await page.locator('.items-list .item-actions').count()).toBe(1)
  await screenshot(page, 'studio-item-list-360')

  await page.locator('.items-filter select[name="kind"]').selectOption('multiple')
  await page.getByRole('button', { name: '筛选' }).click()
  await page.waitForURL(/kind=multiple/)
  await settled(page)
  expect(await rows.count()).toBe(multiple.length)
  expect(await page.locator('.items-list').textContent()).toContain(`显示 ${multiple.length} / ${quiz.items.length} 题`)
  // choosing an item keeps the filter
  await rows.nth(1).locator('a').click()
  await page.waitForURL(new RegExp(`item=\\d+&kind=multiple`))
  await settled(page)
  expect(await rows.count()).toBe(multiple.length)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await screenshot(page, 'studio-item-list-360-filtered')

  await page.getByRole('button', { name: '切换语言' }).click()
  await page.getByRole('button', { name: 'Filter' }).waitFor()
  expect(await page.locator('.items-list').textContent()).toContain(`Showing ${multiple.length} of ${quiz.items.length} items`)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await screenshot(page, 'studio-item-list-360-en')
  await page.context().close()
})
