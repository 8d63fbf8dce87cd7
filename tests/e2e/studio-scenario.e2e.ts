// The studio's scenario graph: at desktop width a trainer picks a node on the canvas, adds a reply in the side
// panel, sees it on the graph and plays it from that node; at 360 px the same page lists nodes and replies.
// Screenshots in Chinese and English. The draft is not published, so other journeys see the content unchanged.
import type { Browser } from 'playwright-core'
import { inject } from 'vitest'
import { heading, launch, open, phonePage, screenshot, settled, signIn } from './browser'

const PAGE = '/trainer/studio/scenario?path=scenarios/et-closing-time.yaml'
const REPLY = '没关系，应该的。受理单和发票请您收好，套餐下月一号生效，出差顺利。'
let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

it('a trainer adds a reply to a scenario in the graph and plays it from its node', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: inject('baseURL'), locale: 'zh-CN' })
  const page = await context.newPage()
  await signIn(page, 'trainer01')
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
  await open(page, PAGE)
  // the canvas chunk arrives after hydration; its boxes carry the node ids
  await page.locator('.react-flow .scenario-box[data-node="n3"]').click()
  await page.waitForURL(/node=n3/)
  await page.getByRole('heading', { name: '节点 n3', exact: true }).waitFor()

  const panel = page.locator('.scenario-panel')
  await panel.getByLabel('新增回复（填写文字后保存即添加）').fill(REPLY)
  await panel.locator('input[name="new-points"]').fill('2')
  await panel.locator('textarea[name="new-feedback"]').fill('送别到位，还提醒了生效时间。')
  await panel.locator('select[name="new-next"]').selectOption('end-ok')
  await panel.getByRole('button', { name: '保存这个节点' }).click()
  await settled(page)
  // the new reply is an arrow on the canvas and a line in the list
  await page.locator('.react-flow__edge-text', { hasText: 'r5 · 2 分' }).waitFor()
  await page.locator('.scenario-list-replies li', { hasText: REPLY }).waitFor()
  expect(await page.locator('.scenario-list').textContent()).toContain(REPLY)

  const play = page.locator('.scenario-play')
  await play.getByRole('button', { name: '从这里试玩' }).click()
  await play.getByRole('button', { name: REPLY }).click()
  await play.getByText('送别到位，还提醒了生效时间。').waitFor()
  await play.getByText(/得分率 \d+%/).waitFor()
  expect(await play.textContent()).toContain('本次得 2 分，最佳路径 3 分，得分率 67%')
  await screenshot(page, 'studio-scenario-graph')

  // a new customer turn nobody reaches yet: the check's problems appear on its box
  await page.locator('.scenario-add summary').click()
  await page.locator('.scenario-add textarea[name="customer"]').fill('还有，我的积分能不能换话费？')
  await page.getByRole('button', { name: '新增客户发言节点' }).click()
  await page.waitForURL(/node=n4/)
  await settled(page)
  const n4 = page.locator('.react-flow .scenario-box[data-node="n4"]')
  await n4.locator('.scenario-problem-badge').waitFor()
  expect(await n4.textContent()).toContain('无法到达')
  expect(await n4.textContent()).toContain('死路')
  await page.locator('.scenario-canvas').screenshot({ path: 'tests/e2e/screenshots/studio-scenario-canvas.png' })

  await page.getByRole('button', { name: '切换语言' }).click()
  await page.getByRole('heading', { name: 'Node n4', exact: true }).waitFor()
  await page.locator('.react-flow .scenario-box[data-node="n4"]', { hasText: 'cannot be reached' }).waitFor()
  await page.locator('.scenario-canvas').screenshot({ path: 'tests/e2e/screenshots/studio-scenario-canvas-en.png' })
  await screenshot(page, 'studio-scenario-graph-en')
  await page.getByRole('button', { name: 'Delete this node' }).click()
  await settled(page)
  await page.locator('.react-flow .scenario-box[data-node="n4"]').waitFor({ state: 'detached' })
  await context.close()
})

it('at 360 px the page lists the nodes and replies instead of the canvas, in both languages', async () => {
  const page = await phonePage(browser)
  await signIn(page, 'trainer01')
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
  await open(page, PAGE)
  await heading(page, '快下班时冲进来的客户')
  await page.locator('.scenario-list li#node-end-displeased').waitFor()
  expect(await page.locator('.react-flow').count()).toBe(0)
  // name what is too wide, should anything be
  const wide = await page.evaluate(() => [...document.querySelectorAll('main *')].filter((el) => el.getBoundingClientRect().right > 361).slice(0, 3).map((el) => `${el.tagName}.${el.className}`))
  expect(wide).toEqual([])
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await screenshot(page, 'studio-scenario-phone')
  await page.getByRole('button', { name: '切换语言' }).click()
  await heading(page, 'A customer rushing in just before closing')
  await page.getByRole('heading', { name: 'All nodes and replies' }).waitFor()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await screenshot(page, 'studio-scenario-phone-en')
  await page.context().close()
})
