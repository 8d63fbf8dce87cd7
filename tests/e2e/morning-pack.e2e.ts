// Issue 17: the 晨会 pack prints on one A4 page and reads on a phone — for a big hall too. Hall H07 (used by no other
// journey) is given 30 more clerks and three courses now past due, so every one of its clerks is overdue on three
// courses: the longest list the pack has (its other parts are bounded: 3 phrases, one case, 3 items).
import Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { PDFDocument } from 'pdf-lib'
import type { Browser } from 'playwright-core'
import { inject } from 'vitest'
import { hallDay } from '~/core/dates'
import { heading, launch, open, phonePage, signIn } from './browser'
import { signInHttp } from './http'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

const day = (offsetDays: number) => hallDay(new Date(Date.now() + offsetDays * 86_400_000))
const EXTRA_CLERKS = 30

/** 30 more clerks in H07, copies of clerk07 with names of their own (no form adds thirty people at once). */
function crowdHall(db: Database.Database) {
  const model = db.prepare('SELECT * FROM "User" WHERE "username" = ?').get('clerk07') as Record<string, unknown>
  const columns = Object.keys(model).filter((c) => c !== 'id')
  const insertUser = db.prepare(`INSERT INTO "User" ("id", ${columns.map((c) => `"${c}"`).join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`)
  const insertRole = db.prepare('INSERT INTO "RoleGrant" ("id", "userId", "role", "unitId") VALUES (?, ?, \'clerk\', NULL)')
  db.transaction(() => {
    for (let i = 1; i <= EXTRA_CLERKS; i++) {
      const id = `morning-pack-${i}`
      insertUser.run(id, ...columns.map((c) => (c === 'username' ? `mpclerk${i}` : c === 'name' ? `晨会测试员${String(i).padStart(2, '0')}` : model[c])))
      insertRole.run(`morning-pack-role-${i}`, id)
    }
  })()
}

it('a hall where everyone is overdue on three courses: the pack lists them all and prints on one A4 page', async () => {
  const manager = await signInHttp('hall07mgr')
  const keys: string[] = []
  for (const courseId of ['etiquette', 'complaints', 'phrasing']) {
    const requestKey = randomUUID()
    const created = await manager.post('/assignments', { courseId, unitCode: 'H07', audience: 'everyone', dueDay: day(7), requestKey })
    expect(created.status).toBe(200)
    keys.push(requestKey)
  }
  const db = new Database(inject('databaseFile'))
  try {
    crowdHall(db)
    const moved = db.prepare('UPDATE "Assignment" SET "dueDay" = ? WHERE "requestKey" = ?')
    for (const key of keys) expect(moved.run(day(-3), key).changes).toBe(1)
  } finally {
    db.close()
  }

  const page = await phonePage(browser)
  await signIn(page, 'hall07mgr')
  await heading(page, '管理看板')
  await open(page, '/manage/halls/H07/morning')
  // one line per course, naming everyone behind on it: each of the 30 new clerks three times
  const overdue = page.locator('.morning-pack .overdue-list > li')
  expect(await overdue.count()).toBe(3)
  for (let i = 0; i < 3; i++) expect(await overdue.nth(i).getByRole('link', { name: /^晨会测试员\d\d$/ }).count()).toBe(EXTRA_CLERKS)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
  expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1)
  await page.context().close()
})
