// Issue 17 at 360 px: a branch manager drills from the branch to a hall to a person, reminds an overdue clerk
// (催学), who then sees the notice on her home page; the hall's CSV export is downloaded and read back: exactly
// the hall's people, the overdue clerk counted overdue.
import Database from 'better-sqlite3'
import { parse } from 'csv-parse/sync'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { inject } from 'vitest'
import { hallDay } from '~/core/dates'
import { heading, launch, open, phonePage, screenshot, settled, signIn } from './browser'
import { signInHttp } from './http'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

const day = (offsetDays: number) => hallDay(new Date(Date.now() + offsetDays * 86_400_000))
const HALL = '薛城燕山路营业厅' // H03, in branch B02 (branch02mgr); clerk03 works there

/** clerk03 is given 投诉处理 by name, then its due day is moved three days back (no form accepts a past day). */
async function overdueAssignmentForClerk03(): Promise<void> {
  const manager = await signInHttp('branch02mgr')
  const requestKey = randomUUID()
  const created = await manager.post('/assignments', { courseId: 'complaints', unitCode: 'H03', audience: 'everyone', personUsername: 'clerk03', dueDay: day(7), requestKey })
  expect(created.status).toBe(200)
  const db = new Database(inject('databaseFile'))
  try {
    expect(db.prepare('UPDATE "Assignment" SET "dueDay" = ? WHERE "requestKey" = ?').run(day(-3), requestKey).changes).toBe(1)
  } finally {
    db.close()
  }
}

it('branch → hall → person → 催学; the clerk sees the notice; the hall CSV holds exactly the hall, clerk03 overdue', async () => {
  await overdueAssignmentForClerk03()
  const page = await phonePage(browser)
  await signIn(page, 'branch02mgr')
  await heading(page, '管理看板')
  await page.getByRole('link', { name: HALL }).first().click()
  await heading(page, `${HALL} · 人员`)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await screenshot(page, 'manager-hall')

  // the export first: the rows the page shows, as a file
  const people = page.locator('section.table-wrap', { has: page.locator('a[href*="table=people"]') }).locator('tbody tr')
  const total = await people.count()
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[href*="table=people"][href*="format=csv"]').click()])
  const rows: Record<string, string>[] = parse(readFileSync((await download.path())!), { bom: true, columns: true, skip_empty_lines: true })

  expect(rows.length).toBe(total)
  expect(rows.length).toBeGreaterThan(0)
  expect(new Set(rows.map((r) => r['营业厅']))).toEqual(new Set(['H03']))
  const clerk03 = rows.find((r) => r['工号'] === 'clerk03')!
  expect(Number(clerk03['逾期课程数'])).toBe(1)
  expect(clerk03['逾期课程（截止日）']).toBe(`投诉处理（${day(-3)}）`)
  expect(rows.filter((r) => r['工号'] !== 'clerk03' && Number(r['逾期课程数']) > 0)).toEqual([])

  // the person, and 催学
  await page.locator('tr', { hasText: 'clerk03' }).getByRole('link').first().click()
  await page.waitForURL(/\/people\/clerk03$/)
  await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' })
  await page.getByRole('button', { name: '催学' }).click()
  await page.getByText('已提醒，对方登录后会在首页看到。').waitFor()
  await settled(page)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await screenshot(page, 'manager-reminded')
  await page.context().close()

  const clerk = await phonePage(browser)
  await signIn(clerk, 'clerk03')
  await heading(clerk, '我的学习')
  const notice = clerk.getByRole('status', { name: '催学提醒' })
  await notice.waitFor()
  expect(await notice.textContent()).toContain('投诉处理')
  await screenshot(clerk, 'clerk-reminded')
  await clerk.context().close()
})
