// Managers see exactly the halls under them: every manager page, query and export, for each level, on a real
// SQLite file with the demo history seeded; the people filter refuses what it does not know; 催学 is recorded once.
import ExcelJS from 'exceljs'
import { parse } from 'csv-parse/sync'
import { loader as learnLoader } from '~/routes/learn._index'
import { loader as exportLoader } from '~/routes/manage.export'
import { loader as hallLoader } from '~/routes/manage.halls.$code'
import { loader as peopleLoader } from '~/routes/manage.people'
import { loader as unitLoader } from '~/routes/manage.units.$code'
import { action as assignAction } from '~/routes/assignments'
import { action as personAction, loader as personLoader } from '~/routes/people.$username'
import type { PrismaClient } from '~/generated/prisma/client'
import { cookieFor, outcome, requestAs } from '../session'
import { useDemoDatabase } from '../database'

let db: PrismaClient
const cookies: Record<string, string> = {}
const now = new Date()
type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>
const call = (loader: unknown, user: string, url: string, params: Record<string, string> = {}) =>
  outcome(() => (loader as Loader)({ request: requestAs(cookies[user], url), params, context: {} }))
// hall of each demo learner, from the organisation: H01..H08, R01 = H01–H04, B01 = H01–H02
const SCOPE: Record<string, string[]> = { hall01mgr: ['H01'], branch01mgr: ['H01', 'H02'], region01mgr: ['H01', 'H02', 'H03', 'H04'] }

beforeAll(async () => {
  ;({ db } = await useDemoDatabase(now)) // after the import: the history reads its versions
  for (const u of ['clerk01', 'clerk03', 'hall01mgr', 'branch01mgr', 'branch02mgr', 'region01mgr', 'trainer01', 'admin']) cookies[u] = await cookieFor(db, u)
}, 120_000)
afterAll(() => db.$disconnect())

describe('pages refuse units out of scope, for every manager level', () => {
  it.each([
    { user: 'hall01mgr', hall: 'H01', status: 200 },
    { user: 'hall01mgr', hall: 'H02', status: 403 },
    { user: 'branch01mgr', hall: 'H02', status: 200 },
    { user: 'branch01mgr', hall: 'H03', status: 403 },
    { user: 'region01mgr', hall: 'H04', status: 200 },
    { user: 'region01mgr', hall: 'H05', status: 403 },
    { user: 'region01mgr', hall: 'H99', status: 403 }, // unknown answers as out of scope does (decision 0023)
  ])('$user → /manage/halls/$hall: $status', async ({ user, hall, status }) => {
    expect((await call(hallLoader, user, `/manage/halls/${hall}`, { code: hall })).status).toBe(status)
  })

  it.each([
    { user: 'hall01mgr', unit: 'B01', status: 403 }, // the branch above their hall
    { user: 'branch01mgr', unit: 'B01', status: 200 },
    { user: 'branch01mgr', unit: 'R01', status: 403 },
    { user: 'region01mgr', unit: 'B02', status: 200 },
    { user: 'region01mgr', unit: 'R02', status: 403 },
  ])('$user → /manage/units/$unit: $status', async ({ user, unit, status }) => {
    expect((await call(unitLoader, user, `/manage/units/${unit}`, { code: unit })).status).toBe(status)
  })

  it.each([
    { user: 'hall01mgr', query: 'unit=H02', status: 403 },
    { user: 'branch01mgr', query: 'unit=H03&overdue=1', status: 403 },
    { user: 'region01mgr', query: 'unit=H05&sort=name', status: 403 }, // a hall of the other region, by filter
    { user: 'region01mgr', query: 'unit=R02', status: 403 },
    { user: 'branch01mgr', query: 'unit=H01&hall=H03', status: 403 }, // another hall by hall= too (decision 0039)
    { user: 'branch01mgr', query: 'unit=B01&role=boss', status: 400 },
    { user: 'branch01mgr', query: 'unit=B01&course=nope', status: 400 },
  ])('$user → /manage/people?$query: $status', async ({ user, query, status }) => {
    const response = await call(peopleLoader, user, `/manage/people?${query}`)
    expect(response.status).toBe(status)
    if (status === 403) expect(await response.text()).not.toMatch(/clerk\d|营业厅/) // nothing of the refused unit
  })

  it('an unknown filter value is named on the page, not shown as an empty table', async () => {
    const response = await call(peopleLoader, 'branch01mgr', '/manage/people?unit=B01&overdue=yes')
    const body = (await response.json()) as { table: { ok: boolean; problems: { param: string; value: string }[] } }
    expect(body.table).toMatchObject({ ok: false, problems: [{ param: 'overdue', value: 'yes' }] })
  })
})

async function csvOf(user: string, query: string) {
  const response = await call(exportLoader, user, `/manage/export?${query}`)
  const bytes = Buffer.from(await response.arrayBuffer())
  return { status: response.status, bytes, rows: response.status === 200 ? (parse(bytes.toString('utf8'), { bom: true }) as string[][]) : [] }
}

describe('exports hold only the rows in scope', () => {
  it.each(Object.entries(SCOPE).map(([user, halls]) => ({ user, halls })))('$user: people CSV and XLSX of their own unit', async ({ user, halls }) => {
    const learners = await db.user.findMany({ where: { hall: { code: { in: halls } }, roles: { some: { role: { in: ['clerk', 'mentor'] } } } }, select: { username: true } })
    const csv = await csvOf(user, 'table=people&format=csv')
    expect(csv.status).toBe(200)
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // the BOM Excel needs for Chinese
    const [header, ...rows] = csv.rows
    expect(header.slice(0, 3)).toEqual(['工号', '姓名', '营业厅'])
    expect(rows.map((r) => r[0]).sort()).toEqual(learners.map((l) => l.username).sort())
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(halls))

    const response = await call(exportLoader, user, '/manage/export?table=people&format=xlsx')
    expect(response.headers.get('Content-Type')).toContain('spreadsheetml')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await response.arrayBuffer())
    const sheet = workbook.worksheets[0]
    const values = sheet.getSheetValues().slice(1).map((row) => (row as ExcelJS.CellValue[]).slice(1).map((cell) => String(cell ?? '')))
    expect(values[0]).toEqual(header)
    expect(values.slice(1).map((r) => r[0]).sort()).toEqual(rows.map((r) => r[0]).sort())
  })

  it.each([
    { user: 'hall01mgr', query: 'table=people&format=csv&unit=H02', status: 403 },
    { user: 'branch01mgr', query: 'table=units&format=xlsx&unit=R01', status: 403 },
    { user: 'region01mgr', query: 'table=courses&format=csv&unit=B03', status: 403 },
    { user: 'region01mgr', query: 'table=people&format=csv&role=boss', status: 400 },
    { user: 'region01mgr', query: 'table=salaries&format=csv', status: 400 },
    { user: 'clerk01', query: 'table=people&format=csv', status: 403 },
  ])('$user ?$query → $status', async ({ user, query, status }) => expect((await csvOf(user, query)).status).toBe(status))

  it('the branch filter is the page filter: overdue only, and zero rows still have the header', async () => {
    const overdue = await csvOf('branch01mgr', 'table=people&format=csv&overdue=1')
    expect(overdue.rows.length).toBeGreaterThan(1)
    expect(overdue.rows.slice(1).every((r) => Number(r[7]) > 0)).toBe(true)
    // the overdue courses by their Chinese titles (the managers' language), each with its due day
    const titles = (await db.course.findMany({ select: { currentVersion: { select: { titleZh: true } } } })).map((c) => c.currentVersion?.titleZh)
    const named = overdue.rows.slice(1).flatMap((r) => r[8].split('；'))
    expect(named.length).toBeGreaterThan(0)
    for (const cell of named) expect(titles).toContain(cell.replace(/（\d{4}-\d{2}-\d{2}）$/, ''))
    const none = await csvOf('branch01mgr', 'table=people&format=csv&role=mentor&newHires=1') // no mentor is a new hire
    expect(none.rows).toHaveLength(1)
    expect(none.rows[0][0]).toBe('工号')
  })

  it('a region manager exports their branches, one row each', async () => {
    const units = await csvOf('region01mgr', 'table=units&format=csv')
    expect(units.rows.slice(1).map((r) => r[0])).toEqual(['B01', 'B02'])
  })
})

describe('催学', () => {
  async function overdueAssignment(username: string) {
    const page = (await (await call(personLoader, 'branch02mgr', `/people/${username}`, { username })).json()) as {
      record: { courses: Array<{ assignment: { id: string; overdue: boolean } | null }> }
    }
    return page.record.courses.find((c) => c.assignment?.overdue)?.assignment?.id
  }
  const remind = (user: string, username: string, assignmentId: string, requestKey: string) =>
    outcome(() =>
      personAction({ request: requestAs(cookies[user], `/people/${username}`, { method: 'POST', body: new URLSearchParams({ intent: 'remind', assignmentId, requestKey }) }), params: { username }, context: {} }),
    )

  it('50 parallel presses of one reminder record it once; the clerk sees it on their home page', async () => {
    const assignmentId = await overdueAssignment('clerk03')
    expect(assignmentId).toBeTruthy()
    const before = await db.reminder.count({ where: { learner: { username: 'clerk03' } } })
    type Home = { reminders: Array<{ id: string; by: string; courseId: string }> }
    // the demo history may already hold a reminder for clerk03: the notice must be this one, not any
    const shownBefore = ((await (await call(learnLoader, 'clerk03', '/learn')).json()) as Home).reminders.map((r) => r.id)
    const key = crypto.randomUUID()
    const sentAt = Date.now()
    const responses = await Promise.all(Array.from({ length: 50 }, () => remind('branch02mgr', 'clerk03', assignmentId!, key)))
    expect(responses.every((r) => r.status === 200)).toBe(true)
    expect(await db.reminder.count({ where: { learner: { username: 'clerk03' } } })).toBe(before + 1)
    // who reminded whom, of what, when
    const recorded = await db.reminder.findUniqueOrThrow({
      where: { requestKey: key },
      select: { id: true, createdAt: true, remindedBy: { select: { username: true, name: true } }, learner: { select: { username: true } }, assignment: { select: { id: true, courseId: true } } },
    })
    expect(recorded).toMatchObject({ remindedBy: { username: 'branch02mgr' }, learner: { username: 'clerk03' }, assignment: { id: assignmentId } })
    expect(Math.abs(recorded.createdAt.getTime() - sentAt)).toBeLessThan(60_000)
    const home = (await (await call(learnLoader, 'clerk03', '/learn')).json()) as Home
    expect(home.reminders.filter((r) => !shownBefore.includes(r.id))).toEqual([
      { id: recorded.id, by: recorded.remindedBy.name, courseId: recorded.assignment.courseId, at: expect.any(String), dueDay: expect.any(String) },
    ])
  })

  it.each([
    { user: 'branch01mgr', why: 'another branch: answered as for an unknown name', status: 404 },
    { user: 'trainer01', why: 'trainers see but do not remind', status: 403 },
    { user: 'clerk01', why: 'a colleague: answered as for an unknown name', status: 404 },
  ])('$user may not remind clerk03 ($why)', async ({ user, status }) => {
    const assignmentId = await overdueAssignment('clerk03')
    expect((await remind(user, 'clerk03', assignmentId!, crypto.randomUUID())).status).toBe(status)
  })
})

describe('assignments: named people, due-day changes, cancellation', () => {
  const post = (user: string, fields: Record<string, string>) =>
    outcome(() => assignAction({ request: requestAs(cookies[user], '/assignments', { method: 'POST', body: new URLSearchParams(fields) }), params: {}, context: {} }))
  const future = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10)
  const create = (user: string, extra: Record<string, string> = {}) =>
    post(user, { courseId: 'phrasing', unitCode: 'H01', audience: 'everyone', dueDay: future(20), requestKey: crypto.randomUUID(), ...extra })

  it('assigns to one named person in the unit; someone outside it is refused beside the field', async () => {
    expect((await create('hall01mgr', { personUsername: 'clerk09' })).status).toBe(200)
    const named = await db.assignment.findFirst({ where: { person: { username: 'clerk09' }, courseId: 'phrasing' }, select: { unit: { select: { code: true } } } })
    expect(named?.unit.code).toBe('H01')
    const refused = await create('hall01mgr', { personUsername: 'clerk02' }) // clerk02 works in H02
    expect(refused.status).toBe(400)
    expect(JSON.stringify(await refused.json())).toContain('assignChanges.unknownPerson')
  })

  it.each([
    { dueDay: '2027-02-30', status: 400 }, // no such day
    { dueDay: '2020-01-01', status: 400 }, // in the past
  ])('a due day of $dueDay is refused', async ({ dueDay, status }) => {
    expect((await create('hall01mgr', { dueDay })).status).toBe(status)
  })

  it('moving a due day keeps the change; 50 parallel cancels cancel once; above their units 403, apart 404', async () => {
    await create('branch01mgr', { unitCode: 'B01' })
    const assignment = await db.assignment.findFirstOrThrow({ where: { unit: { code: 'B01' }, courseId: 'phrasing', cancelledAt: null }, orderBy: { createdAt: 'desc' } })
    expect((await post('branch01mgr', { intent: 'due', assignmentId: assignment.id, dueDay: '2027-02-30' })).status).toBe(400)
    expect((await post('branch01mgr', { intent: 'due', assignmentId: assignment.id, dueDay: future(40) })).status).toBe(200)
    expect((await post('hall01mgr', { intent: 'cancel', assignmentId: assignment.id })).status).toBe(403) // a branch assignment, above the hall
    expect((await post('branch02mgr', { intent: 'due', assignmentId: assignment.id, dueDay: future(50) })).status).toBe(404) // another branch's: as unknown (decision 0023)
    const cancels = await Promise.all(Array.from({ length: 50 }, () => post('branch01mgr', { intent: 'cancel', assignmentId: assignment.id })))
    expect(cancels.every((r) => r.status === 200)).toBe(true)
    const changes = await db.assignmentChange.findMany({ where: { assignmentId: assignment.id }, select: { kind: true, toDueDay: true } })
    expect(changes).toEqual([{ kind: 'due', toDueDay: future(40) }, { kind: 'cancel', toDueDay: null }])
    expect((await db.assignment.findUniqueOrThrow({ where: { id: assignment.id } })).cancelledAt).not.toBeNull()
  })
})
