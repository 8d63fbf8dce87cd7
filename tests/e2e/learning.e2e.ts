// A manager assigns a course; a clerk on a phone reads two modules, watches the progress move, leaves and
// comes back to where they were.
import Database from 'better-sqlite3'
import type { Browser, Page } from 'playwright-core'
import { inject } from 'vitest'
import { hallDay } from '~/core/dates'
import { randomUUID } from 'node:crypto'
import { checkContent } from '~/server/content/check.server'
import { heading, launch, open, openMenu, phonePage, screenshot, settled, signIn } from './browser'
import { signInHttp } from './http'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

// 服务礼仪's module count comes from the content (the curriculum grows; the journey reads two modules)
const etiquetteModules = checkContent('content').content.courses.find((c) => c.course.id === 'etiquette')!.modules.length

const day = (offsetDays: number) => hallDay(new Date(Date.now() + offsetDays * 86_400_000))

async function progressOf(page: Page, title: string) {
  const card = page.locator('.course-card', { has: page.getByRole('heading', { name: title }) })
  return Number(await card.getByRole('progressbar').getAttribute('aria-valuenow'))
}

it('a hall manager assigns 服务礼仪 to their hall; a past due date is refused beside the field, the choices kept', async () => {
  const page = await phonePage(browser)
  await signIn(page, 'hall01mgr')
  await heading(page, '管理看板')
  await open(page, '/assignments')
  await page.getByLabel('课程').selectOption('etiquette')
  await page.getByLabel('分配给').selectOption('H01')
  await page.getByLabel('截止日期').fill(day(-1))
  await page.getByRole('button', { name: '分配', exact: true }).click()
  await page.getByText('截止日期不能早于今天').waitFor()
  await settled(page)
  expect(await page.getByLabel('课程').inputValue()).toBe('etiquette')
  expect(await page.getByLabel('分配给').inputValue()).toBe('H01')
  await screenshot(page, 'assign-error')
  await page.getByLabel('截止日期').fill(day(7))
  expect(await page.getByLabel('截止日期').inputValue()).toBe(day(7))
  await page.getByRole('button', { name: '分配', exact: true }).click()
  await page.getByText('已分配。').waitFor()
  await settled(page)
  // the hall's own assignments carry their forms; those made above it are listed read only (review2)
  await expect.poll(() => page.locator('main .list > li:has(form)').count()).toBe(1)
  await screenshot(page, 'assign-done')
  await page.context().close()
})

it('a clerk reads two modules of the assigned course, sees the progress move, and resumes where they left', async () => {
  // its own assignment (hall H02, clerk02's hall), so this journey does not depend on the one above
  const manager = await signInHttp('hall02mgr')
  const assignment = await manager.post('/assignments', { courseId: 'etiquette', unitCode: 'H02', audience: 'everyone', dueDay: day(7), requestKey: randomUUID() })
  expect(assignment.status).toBe(200)
  const page = await phonePage(browser)
  await signIn(page, 'clerk02')
  await heading(page, '我的学习')
  const card = page.locator('.course-card').first()
  expect(await card.getByRole('heading').textContent()).toBe('服务礼仪')
  expect(await card.textContent()).toContain(`截止 ${day(7)}`)
  expect(await progressOf(page, '服务礼仪')).toBe(0)
  await screenshot(page, 'learn-assigned')

  await card.getByRole('link', { name: '开始学习' }).click()
  await heading(page, '仪容仪表、统一着装与挂牌上岗')
  await screenshot(page, 'module-top')
  await page.getByRole('button', { name: '我已读完' }).click()
  await page.getByText(/已于 .* 读完/).waitFor()
  await page.getByRole('link', { name: /下一个/ }).click()
  await heading(page, '站立迎送、双手递接与微笑')
  await page.getByRole('button', { name: '我已读完' }).click()
  await page.getByText(/已于 .* 读完/).waitFor()

  await open(page, '/learn')
  expect(await progressOf(page, '服务礼仪')).toBe(Math.floor((2 / etiquetteModules) * 100))
  expect(await page.locator('.course-card').first().textContent()).toContain(`已读 2/${etiquetteModules} 个模块`)

  // leave, come back on a fresh sign-in: "继续学习" opens the module last opened
  await openMenu(page)
  await page.getByRole('button', { name: '退出' }).click()
  await page.waitForURL(/\/login$/)
  await signIn(page, 'clerk02')
  await heading(page, '我的学习')
  await page.locator('.course-card').first().getByRole('link', { name: '继续学习' }).click()
  await heading(page, '站立迎送、双手递接与微笑')
  expect(await page.getByText(/已于 .* 读完/).count()).toBe(1)
  await page.context().close()
})

it('the hall manager counts it: each person of the hall with their assigned courses complete and overdue', async () => {
  // its own assignment (服务用语 to clerk17 of H01 by name, due day then moved past: no form accepts a past day), so
  // this journey depends on neither journey above; the row must count one course more, and it overdue
  const page = await phonePage(browser)
  await signIn(page, 'hall01mgr')
  await heading(page, '管理看板')
  await open(page, '/manage/halls/H01')
  const row = () => page.locator('tr', { hasText: 'clerk17' })
  const counted = async () => {
    const text = await row().innerText() // rendered text: its cells apart (textContent runs "0/1" into the next cell)
    const [, complete, assigned] = /完成 (\d+)\/(\d+)/.exec(text) ?? [, '0', '0'] // "—" when nothing is assigned
    return { complete: Number(complete), assigned: Number(assigned), overdue: await row().locator('.pill.overdue', { hasText: '已逾期' }).count() }
  }
  const before = await counted()

  const manager = await signInHttp('hall01mgr')
  const requestKey = randomUUID()
  const created = await manager.post('/assignments', { courseId: 'phrasing', unitCode: 'H01', audience: 'everyone', personUsername: 'clerk17', dueDay: day(7), requestKey })
  expect(created.status).toBe(200)
  const db = new Database(inject('databaseFile'))
  try {
    expect(db.prepare('UPDATE "Assignment" SET "dueDay" = ? WHERE "requestKey" = ?').run(day(-2), requestKey).changes).toBe(1)
  } finally {
    db.close()
  }

  await open(page, '/manage/halls/H01')
  expect(await counted()).toEqual({ complete: before.complete, assigned: before.assigned + 1, overdue: before.overdue + 1 })
  expect(await row().innerText()).toContain(`服务用语与话术 · 已逾期（截止 ${day(-2)}）`)
  await screenshot(page, 'manager-hall-progress')
  await page.context().close()
})
