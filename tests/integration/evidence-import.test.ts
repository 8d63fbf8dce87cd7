// Evidence import on a real SQLite file: dry run, all-or-nothing, natural keys, scope, malformed files.
import { writeTableTemplate } from '~/server/imports/table-template.server'
import { loadSessionUser, type SessionUser } from '~/server/people.server'
import { importEvidence } from '~/server/stars/evidence-import.server'
import { seedDemo } from '~/server/seed/demo.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'

let db: PrismaClient
let manager: SessionUser
const now = new Date('2026-11-20T04:00:00Z')
const csv = (lines: string[]) => new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`)
const HEADER = '日期,工号,服务规范,仪容仪表,主动服务,信息展示,等候时间,环境设施,总分'

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now })
  manager = (await loadSessionUser((await db.user.findUniqueOrThrow({ where: { username: 'hall01mgr' } })).id))!
})
afterAll(() => db.$disconnect())

const run = (bytes: Uint8Array, dryRun = false, kind: 'inspection' | 'satisfaction' | 'complaint' = 'inspection', fileName = 'a.csv') =>
  importEvidence({ viewer: manager.viewer, kind, fileName, bytes, dryRun, now })
const count = () => db.inspection.count({ where: { day: { startsWith: '2025-03' } } })

describe('evidence import', () => {
  const good = csv([HEADER, '2025-03-10,clerk01,28,14,18,9,14,10,93', '2025/3/11,clerk09,27,13,17,9,13,9,88'])

  it('a dry run says what would change and stores nothing', async () => {
    expect(await run(good, true)).toEqual({ ok: true, dryRun: true, rows: 2, created: 2, updated: 0, unchanged: 0 })
    expect(await count()).toBe(0)
    expect(await db.evidenceImport.count()).toBe(0)
  })

  it('imports, and importing the same file again changes nothing', async () => {
    expect(await run(good)).toMatchObject({ ok: true, created: 2 })
    expect(await run(good)).toEqual({ ok: true, dryRun: false, rows: 2, created: 0, updated: 0, unchanged: 2 })
    expect(await count()).toBe(2)
    const history = await db.evidenceImport.findMany({ orderBy: { createdAt: 'asc' } })
    expect(history.map((h) => [h.kind, h.fileName, h.rows, h.importedById])).toEqual([
      ['inspection', 'a.csv', 2, manager.id],
      ['inspection', 'a.csv', 2, manager.id],
    ])
  })

  it('a corrected score updates the row found by its natural key', async () => {
    expect(await run(csv([HEADER, '2025-03-10,clerk01,29,14,18,9,14,10,94']))).toMatchObject({ ok: true, created: 0, updated: 1 })
    const clerk01 = await db.user.findUniqueOrThrow({ where: { username: 'clerk01' } })
    expect((await db.inspection.findFirstOrThrow({ where: { day: '2025-03-10', userId: clerk01.id } })).total).toBe(94)
  })

  it.each([
    { name: 'a clerk of another hall', lines: [HEADER, '2026-11-12,clerk01,28,14,18,9,14,10,93', '2026-11-12,clerk02,28,14,18,9,14,10,93'], problem: { row: 3, column: '工号', reason: 'clerk-out-of-scope' } },
    { name: 'an unknown clerk', lines: [HEADER, '2026-11-12,nobody,28,14,18,9,14,10,93'], problem: { row: 2, column: '工号', reason: 'clerk-unknown' } },
    { name: 'text in a number cell', lines: [HEADER, '2026-11-12,clerk01,优秀,14,18,9,14,10,93'], problem: { row: 2, column: '服务规范', reason: 'number' } },
    { name: '2026-02-30', lines: [HEADER, '2026-02-30,clerk01,28,14,18,9,14,10,93'], problem: { row: 2, column: '日期', reason: 'day' } },
    { name: 'a total that does not add up', lines: [HEADER, '2026-11-12,clerk01,28,14,18,9,14,10,99'], problem: { row: 2, column: '总分', reason: 'total' } },
    { name: 'a score above its category maximum', lines: [HEADER, '2026-11-12,clerk01,28,16,18,9,14,10,95'], problem: { row: 2, column: '仪容仪表', reason: 'range' } },
    { name: 'the same record twice', lines: [HEADER, '2026-11-12,clerk01,28,14,18,9,14,10,93', '2026-11-12,clerk01,28,14,18,9,14,10,93'], problem: { row: 3, reason: 'repeated' } },
    { name: 'wrong columns', lines: ['日期,工号,得分', '2026-11-12,clerk01,93'], problem: { row: 1, column: '服务规范', reason: 'column' } },
  ])('refuses the whole file for $name, storing nothing', async ({ lines, problem }) => {
    const before = await db.inspection.count()
    const imports = await db.evidenceImport.count()
    const result = await run(csv(lines))
    expect(result.ok).toBe(false)
    expect(!result.ok && result.problems).toContainEqual(expect.objectContaining(problem))
    expect(await db.inspection.count()).toBe(before)
    expect(await db.evidenceImport.count()).toBe(imports)
  })

  it.each([
    { name: 'a 20 MB file', bytes: new Uint8Array(20 * 1024 * 1024).fill(65), reason: 'file-too_large' },
    { name: 'a binary that is not a table', bytes: new Uint8Array([0, 1, 2, 3, 255, 254, 0, 7]), reason: 'file-not_a_table' },
    { name: 'a ZIP without a workbook', bytes: new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]), reason: /^file-/ },
  ])('refuses $name', async ({ bytes, reason }) => {
    const result = await run(bytes, false, 'inspection', 'evil.xlsx')
    expect(result.ok).toBe(false)
    expect(!result.ok && result.problems[0].reason).toMatch(reason)
  })

  it('reads the XLSX template filled in, for satisfaction and complaints', async () => {
    const ratings = await writeTableTemplate({ header: ['工号', '月份', '评价数', '平均分'], rows: [['clerk17', '2025-10', '56', '4.86']], format: 'xlsx' })
    expect(await run(ratings, false, 'satisfaction', 'r.xlsx')).toMatchObject({ ok: true, created: 1 })
    const complaints = await writeTableTemplate({ header: ['日期', '工号', '是否有责', '摘要'], rows: [['2026-11-02', 'clerk17', '是', '业务解释不到位'], ['2026-11-03', 'clerk17', 'maybe', 'x']], format: 'xlsx' })
    const refused = await run(complaints, false, 'complaint', 'c.xlsx')
    expect(!refused.ok && refused.problems).toEqual([expect.objectContaining({ row: 3, column: '是否有责', reason: 'liable' })])
  })

  it('50 imports of the same new file at once store each row once; a corrected complaint keeps its row', async () => {
    const lines = [HEADER, '2025-04-02,clerk01,28,14,18,9,14,10,93', '2025-04-03,clerk09,27,13,17,9,13,9,88', '2025-04-04,clerk17,26,13,17,9,13,9,87']
    const results = await Promise.all(Array.from({ length: 50 }, () => run(csv(lines))))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(await db.inspection.count({ where: { day: { startsWith: '2025-04' } } })).toBe(3)
    const stored = await db.inspection.findFirstOrThrow({ where: { day: '2025-04-04' }, select: { total: true, grooming: true, updatedAt: true } })
    expect(stored).toEqual({ total: 87, grooming: 13, updatedAt: now })

    const complaint = (liable: string) => csv(['日期,工号,是否有责,摘要', `2026-11-05,clerk17,${liable},营业厅排队过长客户不满`])
    expect(await run(complaint('否'), false, 'complaint')).toMatchObject({ ok: true, created: 1 })
    expect(await run(complaint('是'), false, 'complaint')).toMatchObject({ ok: true, created: 0, updated: 1 })
    const rows = await db.complaint.findMany({ where: { day: '2026-11-05', summary: '营业厅排队过长客户不满' }, select: { liable: true, summary: true } })
    expect(rows).toEqual([{ liable: true, summary: '营业厅排队过长客户不满' }])
  })
})
