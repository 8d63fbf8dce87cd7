// 服务禁语 and free-text answers on a phone (360 px): a polite paraphrase is not flagged in /practice or in a quiz;
// a forbidden reply shows its category and the 文明用语; a trainer overrides a mark and the clerk sees why.
import type { Browser, Page } from 'playwright-core'
import { heading, launch, open, phonePage, screenshot, signIn } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

async function checkReply(page: Page, text: string) {
  await page.getByLabel('您的回答').fill(text)
  await page.getByRole('button', { name: '检查' }).click()
  await page.locator('.check-result').waitFor()
  return page.locator('.check-result')
}

it('/practice: a polite paraphrase with trigger words passes; a forbidden one shows its category and what to say', async () => {
  const page = await phonePage(browser)
  await signIn(page, 'clerk21')
  await heading(page, '我的学习')
  await open(page, '/practice')
  const polite = await checkReply(page, '有什么不清楚的，您随时来问我')
  await polite.getByText('没有发现服务禁语。').waitFor()
  await screenshot(page, 'lang-practice-polite')
  const rude = await checkReply(page, '刚才不是跟您说过了吗？')
  await rude.locator('.suggestions').waitFor()
  expect(await rude.locator('.suggestions').textContent()).toContain('不耐烦')
  expect(await rude.locator('.suggestions').textContent()).toContain('建议说：')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await screenshot(page, 'lang-practice-forbidden')
  await page.context().close()
})

// one item per screen on a phone: go to the item through the navigator, type, and wait for its own autosave
async function answerText(page: Page, prompt: string, text: string) {
  const item = page.locator('.quiz-item').filter({ hasText: prompt, has: page.locator('textarea') })
  const number = Number(/\d+/.exec((await item.locator('.item-number').textContent()) ?? '')?.[0])
  await page.locator('.quiz-nav .nav-item').nth(number - 1).click()
  await item.locator('textarea').fill(text)
  await item.getByText('已保存').waitFor()
}

it('a quiz: the model paraphrase gets full marks with each element said; a forbidden answer shows category and 文明用语', async () => {
  const page = await phonePage(browser)
  await signIn(page, 'clerk22')
  await heading(page, '我的学习')
  await open(page, '/quizzes/etiquette-quiz')
  await page.getByRole('button', { name: '开始作答' }).click()
  await page.waitForURL(/\/attempts\//)
  await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' })
  await answerText(page, '客户按号走到你的柜台前', '您好，请稍坐，我马上为您办理')
  await answerText(page, '等了快一个小时了', '等着吧，急什么急')
  await page.getByRole('button', { name: '交卷' }).click()
  await page.getByRole('button', { name: '仍然交卷' }).click() // the other items are left blank: 交卷 asks first
  await page.locator('.score-card').waitFor()

  const greet = page.locator('.quiz-item').filter({ hasText: '写出你起身后对客户说的话' })
  expect(await greet.textContent()).toContain('2 / 2 分')
  expect(await greet.locator('.is-wrong').count()).toBe(0)
  expect(await greet.textContent()).toContain('请客户稍坐或稍等')
  const queue = page.locator('.quiz-item').filter({ hasText: '写出你的回答' }).filter({ hasText: '等了快一个小时了' })
  expect(await queue.textContent()).toContain('0 / 2 分')
  expect(await queue.textContent()).toMatch(/服务禁语「[^」]+」· (不耐烦|冷漠)/)
  expect(await queue.textContent()).toContain('建议说：')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await screenshot(page, 'lang-quiz-review')
  await page.context().close()
})

it('a trainer overrides the forbidden answer’s mark with a reason; the clerk sees the new mark and the reason', async () => {
  const trainer = await phonePage(browser)
  await signIn(trainer, 'trainer01')
  await trainer.waitForURL((url) => !url.pathname.startsWith('/login'))
  await open(trainer, '/trainer/quizzes/etiquette-quiz/answers')
  await heading(trainer, '简答题人工复核')
  const card = trainer.locator('section.quiz-item').filter({ hasText: '等着吧，急什么急' }).first()
  await card.getByLabel(/改为/).fill('1')
  await card.getByLabel('改分理由（营业员可见）').fill('补')
  await card.getByRole('button', { name: '保存改分' }).click()
  await trainer.getByText('请写明改分理由').waitFor() // a one-character reason: refused beside the field, input kept
  expect(await trainer.locator('section.quiz-item').filter({ hasText: '等着吧，急什么急' }).first().getByLabel('改分理由（营业员可见）').inputValue()).toBe('补')
  await screenshot(trainer, 'lang-override-error')
  const again = trainer.locator('section.quiz-item').filter({ hasText: '等着吧，急什么急' }).first()
  await again.getByLabel(/改为/).fill('0.5')
  await again.getByLabel('改分理由（营业员可见）').fill('态度问题已当面辅导，给予过程分')
  await again.getByRole('button', { name: '保存改分' }).click()
  await trainer.getByText('改分已保存，并记入作答记录。').waitFor()
  // the page shows the new mark at once, with the automatic mark and the reason beside it
  await trainer.locator('section.quiz-item').filter({ hasText: '等着吧，急什么急' }).first().getByText(/得分 0\.5 \/ 2.*态度问题已当面辅导/).waitFor()
  await screenshot(trainer, 'lang-override-saved')
  await trainer.context().close()

  const clerk = await phonePage(browser)
  await signIn(clerk, 'clerk22')
  await heading(clerk, '我的学习')
  await open(clerk, '/quizzes/etiquette-quiz')
  await clerk.locator('a[href*="/attempts/"]').first().click()
  await clerk.locator('.score-card').waitFor()
  await clerk.getByText(/复核改分为 0.5 分.*态度问题已当面辅导/).waitFor()
  await screenshot(clerk, 'lang-override-clerk')
  await clerk.context().close()
})
