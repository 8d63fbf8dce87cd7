// Quizzes on a phone: a clerk plays one dialogue scenario per course to an end and reads the review;
// answers are autosaved and come back after a reload; submitting shows the score and what to re-read.
import type { Browser, Page } from 'playwright-core'
import { heading, launch, open, phonePage, screenshot, signIn } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

/** Answers each customer turn with the reply at `pick` (0 = first shown) until the dialogue ends. */
async function playToEnd(page: Page, pick: number): Promise<number> {
  // the attempt page may still be rendering after the redirect: wait for the dialogue itself
  await page.locator('button.reply, .ending').first().waitFor()
  let turns = 0
  for (; turns < 12; turns++) {
    const replies = page.locator('button.reply')
    if ((await replies.count()) === 0) break
    const before = await page.locator('.bubble.clerk').count()
    await replies.nth(Math.min(pick, (await replies.count()) - 1)).click()
    await page.locator('.bubble.clerk').nth(before).waitFor() // the recorded reply is back in the transcript
  }
  await page.locator('.ending').waitFor()
  return turns
}

it.each([
  ['etiquette', 'practice-et-long-queue'],
  ['phrasing', 'practice-ph-gprs-data-plan'],
  ['complaints', 'practice-cp-counter-to-counter'],
])('%s: a clerk plays %s to an end node and reads the review', async (_course, quizId) => {
  const page = await phonePage(browser)
  await signIn(page, 'clerk11')
  await heading(page, '我的学习')
  await open(page, `/quizzes/${quizId}`)
  await page.getByRole('button', { name: '开始练习' }).click()
  await page.waitForURL(/\/attempts\//)
  await page.locator('.bubble.customer.current').waitFor()
  await screenshot(page, `${quizId}-start`)
  const turns = await playToEnd(page, 1)
  expect(turns).toBeGreaterThanOrEqual(1)
  await screenshot(page, `${quizId}-end`)
  await page.getByRole('button', { name: '交卷' }).click()
  await page.locator('.score-card').waitFor()
  expect(await page.locator('.score-card .score').textContent()).toMatch(/^\d+(\.\d)? \/ \d+(\.\d)? 分$/) // "17.5 / 41 分"
  expect(await page.locator('.path-compare').count()).toBe(1) // the path taken beside the best path
  expect(await page.locator('.dialogue .option-feedback').count()).toBe(turns) // feedback on every reply taken
  await screenshot(page, `${quizId}-review`)
  await page.context().close()
})

it('answers are autosaved and survive a reload; the review names what to re-read', async () => {
  const page = await phonePage(browser)
  await signIn(page, 'clerk12')
  await heading(page, '我的学习')
  await open(page, '/quizzes/phrasing-quiz')
  await page.getByRole('button', { name: '开始作答' }).click()
  await page.waitForURL(/\/attempts\//)
  await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' })
  // one item per screen: go to the first single choice item through the navigator
  const firstChoice = page.locator('.quiz-item').filter({ has: page.locator('input[type=radio]') }).first()
  await page.locator('.quiz-nav .nav-item').nth(Number(await firstChoice.locator('.item-number').textContent().then((t) => /\d+/.exec(t ?? '')?.[0])) - 1).click()
  await firstChoice.locator('input[type=radio]').first().check()
  await firstChoice.getByText('已保存').waitFor()
  const value = await firstChoice.locator('input[type=radio]').first().getAttribute('value')
  await page.reload()
  expect(await page.locator(`input[type=radio][value="${value}"]`).isChecked()).toBe(true)
  await screenshot(page, 'quiz-in-progress')
  await page.getByRole('button', { name: '交卷' }).click()
  await page.getByRole('button', { name: '仍然交卷' }).click() // most items are unanswered: 交卷 asks first
  await page.locator('.score-card').waitFor()
  expect(await page.locator('.score-card').textContent()).toContain('未通过')
  expect(await page.locator('a.reread').count()).toBeGreaterThan(0)
  await screenshot(page, 'quiz-review')
  await page.context().close()
})

it('a trainer opens the statistics of the dialogue the clerks played: attempts, reply pick rates, the worst turn', async () => {
  // a second clerk plays it another way (statistics need at least two learners)
  const other = await phonePage(browser)
  await signIn(other, 'clerk13')
  await heading(other, '我的学习')
  await open(other, '/quizzes/practice-ph-gprs-data-plan')
  await other.getByRole('button', { name: '开始练习' }).click()
  await other.waitForURL(/\/attempts\//)
  await playToEnd(other, 0)
  await other.getByRole('button', { name: '交卷' }).click()
  await other.locator('.score-card').waitFor()
  await other.context().close()

  const page = await phonePage(browser)
  await signIn(page, 'trainer01')
  await heading(page, '内训师工作台')
  await open(page, '/trainer/quizzes')
  const link = page.getByRole('link', { name: /办了100M流量套餐却上不了网/ })
  expect(await link.getAttribute('href')).toBe('/trainer/quizzes/practice-ph-gprs-data-plan')
  await open(page, '/trainer/quizzes/practice-ph-gprs-data-plan')
  await page.locator('details.details-figures summary').click() // the detailed figures are one tap away
  await page.getByText('失分最多').first().waitFor()
  expect(await page.textContent('main')).toMatch(/2\s*已提交作答/)
  expect(await page.textContent('main')).toContain('我上个月在你们这儿办的套餐') // the first customer turn, with its replies' pick rates
  await screenshot(page, 'trainer-statistics')
  // a clerk may not open it
  const clerk = await phonePage(browser)
  await signIn(clerk, 'clerk11')
  await heading(clerk, '我的学习')
  const refused = await clerk.goto('/trainer/quizzes/practice-ph-gprs-data-plan')
  expect(refused?.status()).toBe(403)
  await page.context().close()
  await clerk.context().close()
})
