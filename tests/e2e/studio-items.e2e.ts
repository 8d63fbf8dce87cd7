// A trainer edits a quiz item through its form (an empty field refused beside it, the input kept), saves it into
// the draft, sees the preview a clerk would get, answers it and is scored by the server; at desktop width and 360 px.
import type { Browser } from 'playwright-core'
import { heading, launch, open, phonePage, screenshot, settled, signIn } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

const ITEMS = '/trainer/studio/items?path=quizzes%2Fetiquette-quiz.yaml&item=0'

it('trainer01 edits an item, sees the preview, answers it and sees the score (desktop, then 360 px, both languages)', async () => {
  const page = await phonePage(browser)
  await page.setViewportSize({ width: 1280, height: 900 })
  await signIn(page, 'trainer01')
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
  await open(page, ITEMS)
  await heading(page, '逐题编辑：quizzes/etiquette-quiz.yaml')
  const prompt = page.getByLabel('题干', { exact: true })
  await prompt.fill('')
  await page.getByRole('button', { name: '保存这道题' }).click()
  await page.locator('.field-error', { hasText: '不能为空' }).first().waitFor()
  await settled(page)
  await screenshot(page, 'studio-items-refused')
  await prompt.fill('上岗前发现工牌丢了，正确的做法是？')
  await page.getByRole('button', { name: '保存这道题' }).click()
  await page.getByRole('status').getByText(/已保存/).waitFor()
  await settled(page)
  expect(await page.getByLabel('题干', { exact: true }).inputValue()).toBe('上岗前发现工牌丢了，正确的做法是？')

  const preview = page.locator('.item-preview')
  await preview.getByText('上岗前发现工牌丢了，正确的做法是？').waitFor()
  await preview.getByText('立即报告值班经理', { exact: false }).click()
  await preview.getByRole('button', { name: '提交答案' }).click()
  await preview.getByRole('status').getByText('✓ 答对').waitFor()
  expect(await preview.getByRole('status').textContent()).toContain('得 1 / 1 分')
  await screenshot(page, 'studio-items-desktop')

  await page.setViewportSize({ width: 360, height: 740 })
  await open(page, ITEMS)
  await preview.getByText('借同事的工牌先戴着').click()
  await preview.getByRole('button', { name: '提交答案' }).click()
  await preview.getByRole('status').getByText('✗ 答错').waitFor()
  await screenshot(page, 'studio-items-360')
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)

  await page.getByRole('button', { name: '切换语言' }).click()
  await heading(page, 'Items of quizzes/etiquette-quiz.yaml')
  await screenshot(page, 'studio-items-360-en')
})
