// Second-trainer review on a phone (issue #21: "on a phone it at least previews and approves"): with review on,
// trainer01's change waits; trainer02 opens the request at 360 px, in English and in Chinese, sees the preview
// and the diff without the page scrolling sideways, and approves. Review is switched off again at the end
// (other journeys publish directly).
import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { heading, launch, open, phonePage, screenshot, settled, signIn } from './browser'
import { signInHttp } from './http'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

const PATH = 'courses/complaints/time-limits.mdx'
const EDIT = '/trainer/studio/edit?_data=routes%2Ftrainer.studio.edit'
const ADDED = '受理时先把办结时限告诉客户，写在回执上。'

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

it('a second trainer reviews a change on a phone, in English and Chinese, and approves it', async () => {
  const admin = await signInHttp('admin')
  expect((await admin.post('/admin/studio', { intent: 'review', reviewRequired: 'on' })).status).toBeLessThan(400)
  try {
    const author = await signInHttp('trainer01')
    const text = `${readFileSync(`content/${PATH}`, 'utf8')}\n${ADDED}\n`
    const saved = await author.post(EDIT, { intent: 'save', path: PATH, text, revision: '0', baseNumber: '1' })
    expect(await saved.json()).toMatchObject({ ok: true, revision: 1 })
    expect(await (await author.post(EDIT, { intent: 'request-review', path: PATH, revision: '1' })).json()).toMatchObject({ ok: true })

    const page = await phonePage(browser)
    await signIn(page, 'trainer02')
    await page.waitForURL((url) => !url.pathname.startsWith('/login'))
    await open(page, `/trainer/studio/edit?path=${encodeURIComponent(PATH)}`)
    await page.getByRole('link', { name: '打开审核页' }).click()
    await heading(page, '审核修改')
    await page.locator('.studio-phone').getByText(ADDED).waitFor()
    expect(await sideways(page)).toBeLessThanOrEqual(0)
    expect(await page.locator('.studio-wide').isVisible()).toBe(false)
    await screenshot(page, 'studio-review-360')

    await page.getByRole('button', { name: '切换语言' }).click()
    await heading(page, 'Review a change')
    await settled(page)
    expect(await sideways(page)).toBeLessThanOrEqual(0)
    await screenshot(page, 'studio-review-360-en')
    await page.getByLabel('Comment (required when sending back)').fill('Clear and short.')
    await page.getByRole('button', { name: 'Approve and publish' }).click()
    await page.getByRole('status').getByText('Approved and published.').waitFor()
    await page.context().close()
  } finally {
    await admin.post('/admin/studio', { intent: 'review', reviewRequired: 'off' })
  }
}, 180_000)
