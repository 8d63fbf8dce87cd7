// The whole people export reads a unit a page of halls at a time: for units spanning several pages, the rows it
// writes are the page's rows (same learners, same figures, same filter), the pages cover every hall once, and an
// export of zero rows keeps its header.
import { parse } from 'csv-parse/sync'
import { csvPagesFromWorkers, exportWorkerJobs, stopExportWorkers, useExportWorkers } from '~/server/export-workers.server'
import { csvStream } from '~/server/exports.server'
import { managerExport } from '~/server/manage-exports.server'
import { peopleTable, WHOLE_ORGANISATION } from '~/server/manage.server'
import { hallPagesUnder, type UnitSummary } from '~/server/people.server'
import { progressPagesUnder, unitProgress } from '~/server/unit-progress.server'
import { ROLES } from '~/core/roles'
import { hallTime } from '~/ui/time-text'
import type { PrismaClient } from '~/generated/prisma/client'
import { useDemoDatabase } from '../database'

let db: PrismaClient
const now = new Date()
let region: UnitSummary

beforeAll(async () => {
  ;({ db } = await useDemoDatabase(now))
  region = await db.orgUnit.findUniqueOrThrow({ where: { code: 'R01' }, select: { code: true, kind: true, nameZh: true, nameEn: true, path: true } })
}, 120_000)
afterAll(() => db.$disconnect())

async function csvRows(unit: UnitSummary, query: string, pageSize: number) {
  const built = await managerExport('people', unit, new URLSearchParams(query), now, (key) => key, 'zh-CN', pageSize)
  if (!built.ok) throw new Error(JSON.stringify(built.problems))
  let text = ''
  for await (const chunk of csvStream(built.table)) text += String(chunk)
  return parse(text, { bom: true }) as string[][]
}

// the export's columns that are figures, against the page's row
const expected = (r: { username: string; hallCode: string; assigned: number; complete: number; overdue: number; modulesRead: number; modulesTotal: number; quizzesPassed: number; lastActivity: Date | null }) => [
  r.username,
  r.hallCode,
  String(r.assigned),
  String(r.complete),
  String(r.overdue),
  String(r.modulesRead),
  String(r.modulesTotal),
  String(r.quizzesPassed),
  r.lastActivity ? hallTime(r.lastActivity) : '',
]
const figuresOf = (row: string[]) => [row[0], row[2], ...row.slice(5, 8), ...row.slice(9, 13)]
const byUsername = (a: string[], b: string[]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)

describe.each([
  { label: 'a region', unit: () => region },
  { label: 'the whole organisation', unit: () => WHOLE_ORGANISATION },
])('$label, read 3 people a page', ({ unit }) => {
  it('the pages are consecutive halls covering the unit once, more than one of them', async () => {
    const pages = await hallPagesUnder(unit().path, 3)
    expect(pages.length).toBeGreaterThan(1)
    for (let i = 1; i < pages.length; i++) expect(pages[i].from > pages[i - 1].to).toBe(true)
    const read = await progressPagesUnder(unit().path, now, 3)
    const paged = []
    for await (const page of read.pages()) paged.push(...page)
    const whole = await unitProgress(unit().path, now)
    expect(paged.length).toBe(whole.rows.length)
    expect([...paged].sort((a, b) => a.username.localeCompare(b.username))).toEqual([...whole.rows].sort((a, b) => a.username.localeCompare(b.username)))
    // by hall, then by username within a hall
    const keys = paged.map((r) => `${whole.learners.find((l) => l.id === r.id)!.hallPath} ${r.username}`)
    expect(keys).toEqual([...keys].sort())
  })

  it.each(['', 'overdue=1', 'role=mentor', 'sort=name&newHires=1'])('the CSV holds the page’s rows, filter “%s”', async (query) => {
    const table = peopleTable(await unitProgress(unit().path, now), new URLSearchParams(query))
    if (!table.ok) throw new Error('filter refused')
    const [header, ...rows] = await csvRows(unit(), query, 3)
    expect(header[0]).toBe('manageExport.username')
    expect(rows.map(figuresOf).sort(byUsername)).toEqual(table.rows.map(expected).sort(byUsername))
    if (query === '') expect(rows.length).toBeGreaterThan(3)
  })
})

it('a filter that matches nobody still writes the header, and an unknown value is refused by name', async () => {
  const none = await csvRows(region, 'role=mentor&newHires=1', 3) // no mentor is a new hire in the demo
  expect(none).toHaveLength(1)
  const refused = await managerExport('people', region, new URLSearchParams('overdue=yes'), now, (key) => key, 'zh-CN', 3)
  expect(refused).toEqual({ ok: false, problems: [{ param: 'overdue', value: 'yes' }] })
})

it('a download left after its first page reads no further pages and leaves no error behind', async () => {
  const rejections: unknown[] = []
  const onRejection = (reason: unknown) => rejections.push(reason)
  process.on('unhandledRejection', onRejection)
  try {
    const built = await managerExport('people', WHOLE_ORGANISATION, new URLSearchParams(), now, (key) => key, 'zh-CN', 3)
    if (!built.ok) throw new Error('refused')
    const stream = csvStream(built.table)
    const chunks: string[] = []
    for await (const chunk of stream) {
      chunks.push(String(chunk))
      if (chunks.length === 2) break // the BOM and header, then the first page: the reader goes away
    }
    expect(stream.destroyed).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(rejections).toEqual([])
    const [, ...rows] = parse(chunks.join(''), { bom: true }) as string[][]
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.length).toBeLessThanOrEqual(3 + 10) // one page of ~3 people (a larger hall is a page of its own)
  } finally {
    process.off('unhandledRejection', onRejection)
  }
})

// On SQLite the people CSV is written by the export workers (decision 0043): the same bytes as the request's thread
// writes, whatever the unit, the page size, the filter and the number of workers sharing the pages.
describe.skipIf(process.env.TEST_DATABASE === 'postgres')('the export workers (SQLite)', () => {
  afterAll(async () => {
    await useExportWorkers(0)
    await stopExportWorkers()
  })

  async function csvText(unit: UnitSummary, query: string, pageSize: number, workers: number, pagesAMessage = 1) {
    await useExportWorkers(workers)
    const built = await managerExport('people', unit, new URLSearchParams(query), now, (key) => `«${key}»`, 'en', pageSize, pagesAMessage)
    if (!built.ok) throw new Error(JSON.stringify(built.problems))
    // a unit of one page is written in the request's thread: nothing to share
    const shared = workers > 0 && (await hallPagesUnder(unit.path, pageSize)).length > 1
    expect(built.table.csvPages !== undefined).toBe(shared)
    let text = ''
    for await (const chunk of csvStream(built.table)) text += String(chunk)
    return text
  }

  it.each([
    { unit: 'region', pageSize: 3, query: '', workers: 2, group: 1 },
    { unit: 'organisation', pageSize: 3, query: '', workers: 2, group: 1 },
    { unit: 'organisation', pageSize: 3, query: '', workers: 2, group: 2 },
    { unit: 'organisation', pageSize: 3, query: 'overdue=1', workers: 3, group: 3 },
    { unit: 'organisation', pageSize: 5, query: 'role=mentor&sort=name', workers: 2, group: 1 },
    { unit: 'organisation', pageSize: 1000, query: '', workers: 2, group: 1 }, // one page: no worker
    { unit: 'organisation', pageSize: 3, query: 'role=mentor&newHires=1', workers: 2, group: 2 },
  ])('$unit, $pageSize a page, filter “$query”, $workers workers, $group pages a message: the same CSV as in the request’s thread', async ({ unit, pageSize, query, workers, group }) => {
    const of = unit === 'region' ? region : WHOLE_ORGANISATION
    const inThread = await csvText(of, query, pageSize, 0)
    const fromWorkers = await csvText(of, query, pageSize, workers, group)
    expect(fromWorkers).toBe(inThread)
    expect(inThread.split('\n').length).toBeGreaterThan(query === 'role=mentor&newHires=1' ? 1 : 3)
    if (query !== 'role=mentor&newHires=1') expect(inThread).toContain('«roles.clerk»') // the words looked up in the request's thread reach the workers
  })

  it('a download left after its first page stops the workers, and the next export is whole', async () => {
    await useExportWorkers(2)
    const built = await managerExport('people', WHOLE_ORGANISATION, new URLSearchParams(), now, (key) => key, 'zh-CN', 3)
    if (!built.ok) throw new Error('refused')
    expect(built.table.csvPages).toBeDefined()
    let chunks = 0
    for await (const _ of csvStream(built.table)) if (++chunks === 2) break
    await vi.waitFor(() => expect(exportWorkerJobs()).toBe(0))
    expect(await csvText(WHOLE_ORGANISATION, '', 3, 2)).toBe(await csvText(WHOLE_ORGANISATION, '', 3, 0))
  })

  it('a worker writes a run of pages into one message: as many messages as runs, in order', async () => {
    await useExportWorkers(2)
    const read = await progressPagesUnder(WHOLE_ORGANISATION.path, now, 3)
    const words = { 'manageExport.yes': 'yes', ...Object.fromEntries(ROLES.map((role) => [`roles.${role}`, role])) }
    expect(read.basis.ranges.length).toBeGreaterThan(6)
    const messages: string[] = []
    for await (const text of csvPagesFromWorkers({ basis: read.basis, params: '', now: now.toISOString(), words, language: 'zh-CN', group: 3 })) messages.push(text)
    expect(messages.length).toBe(Math.ceil(read.basis.ranges.length / 3))
    // the runs joined are the rows the request's thread writes, in the same order
    await useExportWorkers(0)
    const built = await managerExport('people', WHOLE_ORGANISATION, new URLSearchParams(), now, (key) => words[key as keyof typeof words] ?? key, 'zh-CN', 3)
    if (!built.ok) throw new Error('refused')
    let inThread = ''
    for await (const chunk of csvStream(built.table)) inThread += String(chunk)
    expect(messages.join('')).toBe(inThread.slice(inThread.indexOf('\n') + 1))
  })

  it('a worker’s error fails the download instead of cutting the file short', async () => {
    await useExportWorkers(2)
    const read = await progressPagesUnder(WHOLE_ORGANISATION.path, now, 3)
    const pages = csvPagesFromWorkers({ basis: read.basis, params: '', now: now.toISOString(), words: {}, language: 'zh-CN', group: 2 })
    await expect(async () => {
      for await (const _ of pages) continue
    }).rejects.toThrow(/no word for manageExport\.yes|no word for roles\./)
    expect(exportWorkerJobs()).toBe(0)
  })
})
