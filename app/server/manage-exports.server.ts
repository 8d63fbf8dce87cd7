// The manager tables as export tables: the same rows the pages show (same filters, same scope), headers in the
// reader's language.
import { isWithin } from '~/core/org'
import { courseFigures, groupFigures, type LearnerRow } from '~/core/unit-progress'
import { hallTime } from '~/ui/time-text'
import type { Cell, ExportTable } from './exports.server'
import { peopleTable } from './manage.server'
import { childUnits, type UnitSummary } from './people.server'
import { unitProgress } from './unit-progress.server'

type Translate = (key: string) => string
export const EXPORT_TABLES = ['people', 'units', 'courses'] as const
export type ExportTableName = (typeof EXPORT_TABLES)[number]

const H = (t: Translate, keys: string[]) => keys.map((k) => t(`manageExport.${k}`))

function* peopleRows(rows: readonly LearnerRow[], t: Translate, courseTitle: (id: string) => string): Generator<Cell[]> {
  for (const r of rows) {
    yield [
      r.username,
      r.name,
      r.hallCode,
      r.roles.map((role) => t(`roles.${role}`)).join('、'),
      r.newHire ? t('manageExport.yes') : '',
      r.assigned,
      r.complete,
      r.overdue,
      r.courses.filter((c) => c.overdue).map((c) => `${courseTitle(c.courseId)}（${c.dueDay}）`).join('；'),
      r.modulesRead,
      r.modulesTotal,
      r.quizzesPassed,
      r.lastActivity ? hallTime(r.lastActivity) : '',
    ]
  }
}

export type ExportBuild = { ok: true; table: ExportTable } | { ok: false; problems: { param: string; value: string }[] }

export async function managerExport(name: ExportTableName, unit: UnitSummary, params: URLSearchParams, now: Date, t: Translate, language: string): Promise<ExportBuild> {
  const progress = await unitProgress(unit.path, now)
  const fileName = `${unit.code || 'all'}-${name}`
  // a course by the title the reader sees on the pages, not by its content id
  const courseTitle = (id: string) => {
    const course = progress.courses.find((c) => c.id === id)
    return (language === 'en' ? course?.titleEn : course?.titleZh) ?? id
  }
  if (name === 'people') {
    const table = peopleTable(progress, params)
    if (!table.ok) return { ok: false, problems: table.problems }
    return {
      ok: true,
      table: { name: fileName, headers: H(t, ['username', 'name', 'hall', 'roles', 'newHire', 'assigned', 'complete', 'overdue', 'overdueCourses', 'modulesRead', 'modulesTotal', 'quizzesPassed', 'lastActivity']), rows: peopleRows(table.rows, t, courseTitle) },
    }
  }
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
