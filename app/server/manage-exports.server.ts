// The manager tables as export tables: the same rows the pages show (same filters, same scope), headers in the
// reader's language. The people table is read a page of halls at a time (progressPagesUnder) and written as it is
// read: the first bytes leave after one page, memory holds one page, whatever the unit's size. Its rows come by hall
// and by username within a hall whatever the page's sort (a global sort would need every row first); the sort
// parameter is still checked as on the page.
import { hallMinute } from '~/core/dates'
import { isWithin } from '~/core/org'
import { matchesPeopleFilter, parsePeopleFilter, type PeopleFilter } from '~/core/people-filter'
import { ROLES } from '~/core/roles'
import { courseFigures, groupFigures, type LearnerRow } from '~/core/unit-progress'
import type { Cell, ExportTable } from './exports.server'
import { csvPagesFromWorkers, exportWorkersOn, WORKER_MESSAGE_LEARNERS } from './export-workers.server'
import { childUnits, type UnitSummary } from './people.server'
import { progressPageSize, progressPagesOf, progressPagesUnder, unitProgress, type PageShare, type ProgressBasis, type ProgressPages } from './unit-progress.server'

type Translate = (key: string) => string
export const EXPORT_TABLES = ['people', 'units', 'courses'] as const
export type ExportTableName = (typeof EXPORT_TABLES)[number]

const H = (t: Translate, keys: string[]) => keys.map((k) => t(`manageExport.${k}`))

/** What a people row writes beyond the row itself: the words, looked up once per export. */
interface PeopleWords {
  yes: string
  roleNames: (roles: readonly string[]) => string
  courseTitle: (id: string) => string
}

function peopleRow(r: LearnerRow, words: PeopleWords): Cell[] {
  return [
    r.username,
    r.name,
    r.hallCode,
    words.roleNames(r.roles),
    r.newHire ? words.yes : '',
    r.assigned,
    r.complete,
    r.overdue,
    r.overdue === 0 ? '' : r.courses.filter((c) => c.overdue).map((c) => `${words.courseTitle(c.courseId)}（${c.dueDay}）`).join('；'),
    r.modulesRead,
    r.modulesTotal,
    r.quizzesPassed,
    r.lastActivity ? hallMinute(r.lastActivity) : '',
  ]
}

/** The words a people row writes (peopleRows asks `t` for these only): an export worker is sent them looked up. */
const PEOPLE_ROW_WORDS = ['manageExport.yes', ...ROLES.map((role) => `roles.${role}`)]

async function* peopleRows(read: ProgressPages, filter: PeopleFilter, t: Translate, courseTitle: (id: string) => string): AsyncGenerator<Cell[][]> {
  // a handful of role combinations for thousands of rows: each is translated once (the rows share their role lists)
  const named = new Map<string, string>()
  const byList = new Map<readonly string[], string>()
  const roleNames = (roles: readonly string[]) => {
    let names = byList.get(roles)
    if (names !== undefined) return names
    const key = roles.join()
    names = named.get(key)
    if (names === undefined) named.set(key, (names = roles.map((role) => t(`roles.${role}`)).join('、')))
    byList.set(roles, names)
    return names
  }
  const words: PeopleWords = { yes: t('manageExport.yes'), roleNames, courseTitle }
  for await (const page of read.pages()) {
    const cells: Cell[][] = []
    for (const row of page) if (matchesPeopleFilter(row, filter)) cells.push(peopleRow(row, words))
    yield cells
  }
}

type Courses = ReadonlyArray<{ id: string; titleZh: string; titleEn: string }>

// a course by the title the reader sees on the pages, not by its content id
const titleIn = (courses: Courses, language: string) => (id: string) => {
  const course = courses.find((c) => c.id === id)
  return (language === 'en' ? course?.titleEn : course?.titleZh) ?? id
}

export type ExportBuild = { ok: true; table: ExportTable } | { ok: false; problems: { param: string; value: string }[] }

const PEOPLE_HEADERS = ['username', 'name', 'hall', 'roles', 'newHire', 'assigned', 'complete', 'overdue', 'overdueCourses', 'modulesRead', 'modulesTotal', 'quizzesPassed', 'lastActivity']

/** `pageSize`: learners per page of the people table (tests make a small unit span several pages); `pagesAMessage`:
 * with the export workers on, the pages a worker writes into one message (about WORKER_MESSAGE_LEARNERS learners). */
export async function managerExport(name: ExportTableName, unit: UnitSummary, params: URLSearchParams, now: Date, t: Translate, language: string, pageSize = progressPageSize(), pagesAMessage = Math.max(1, Math.round(WORKER_MESSAGE_LEARNERS / pageSize))): Promise<ExportBuild> {
  const fileName = `${unit.code || 'all'}-${name}`
  if (name === 'people') {
    const read = await progressPagesUnder(unit.path, now, pageSize)
    const parsed = parsePeopleFilter(params, read.courses.map((c) => c.id))
    if (!parsed.ok) return { ok: false, problems: parsed.problems }
    const table: ExportTable = { name: fileName, headers: H(t, PEOPLE_HEADERS), rows: { pages: peopleRows(read, parsed.filter, t, titleIn(read.courses, language)) } }
    // on SQLite the CSV's pages are read, built and written by the export workers, each its share of the same pages
    // (a unit of one page has nothing to share: its page is written here, without the trip to a worker and back)
    if (read.basis.ranges.length > 1 && exportWorkersOn()) {
      const words = Object.fromEntries(PEOPLE_ROW_WORDS.map((key) => [key, t(key)]))
      table.csvPages = () => csvPagesFromWorkers({ basis: read.basis, params: params.toString(), now: now.toISOString(), words, language, group: pagesAMessage })
    }
    return { ok: true, table }
  }
  const progress = await unitProgress(unit.path, now, { activity: false })
  const courseTitle = titleIn(progress.courses, language)
  if (name === 'units') {
    const children = await childUnits(unit.path)
    const hallOf = new Map(progress.learners.map((l) => [l.id, l.hallPath]))
    const figures = groupFigures(progress.rows, (r) => children.find((c) => isWithin(hallOf.get(r.id) ?? '', c.path))?.code ?? '', children.map((c) => c.code))
    return {
      ok: true,
      table: {
        name: fileName,
        headers: H(t, ['unitCode', 'unit', 'learners', 'assigned', 'complete', 'percent', 'overduePeople']),
        rows: children.map((c, i) => [c.code, language === 'en' ? c.nameEn : c.nameZh, figures[i].learners, figures[i].assigned, figures[i].complete, figures[i].percent, figures[i].overdueLearners]),
      },
    }
  }
  return {
    ok: true,
    table: {
      name: fileName,
      headers: H(t, ['course', 'assigned', 'complete', 'percent', 'overdue']),
      rows: courseFigures(progress.rows).map((f) => [courseTitle(f.courseId), f.assigned, f.complete, f.percent, f.overdue]),
    },
  }
}

/**
 * An export worker's share of the people table's pages (export-worker.entry.ts): the same pages, rule, filter and
 * cells as in the request's thread, from the basis the request read, the words it looked up.
 */
export function peopleCellPages(basis: ProgressBasis, share: PageShare, params: URLSearchParams, now: Date, words: Record<string, string>, language: string): AsyncGenerator<Cell[][]> {
  const read = progressPagesOf(basis, now, share)
  const parsed = parsePeopleFilter(params, read.courses.map((c) => c.id))
  if (!parsed.ok) throw new Error(`export worker: the filter was refused (${JSON.stringify(parsed.problems)})`)
  const t = (key: string) => {
    const word = words[key]
    if (word === undefined) throw new Error(`export worker: no word for ${key}`)
    return word
  }
  return peopleRows(read, parsed.filter, t, titleIn(read.courses, language))
}
