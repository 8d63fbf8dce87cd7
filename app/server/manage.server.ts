// The manager pages' data: a unit in the viewer's scope (403 out of scope or unknown, alike), its overview figures
// and its people table. Every figure comes from unitProgress and unitQuality, never from a second query of its own.
import { courseFigures, groupFigures, type LearnerRow } from '~/core/unit-progress'
import { isWithin } from '~/core/org'
import { isUnitInScope, unitScopeOf, type Viewer } from '~/core/permissions'
import { applyPeopleFilter, parsePeopleFilter, type PeopleFilter } from '~/core/people-filter'
import { childUnits, findUnitByCode, type UnitSummary } from './people.server'
import { preparedRead } from './kysely.server'
import { notFound, unitRefused } from './responses.server'
import { TRUE } from './stored.server'
import { unitProgress, type UnitProgress } from './unit-progress.server'
import { weakestUnder } from './unit-quality.server'

export const WHOLE_ORGANISATION: UnitSummary = { code: '', kind: 'organisation', nameZh: '全部单位', nameEn: 'Whole organisation', path: '/' }

/**
 * The unit behind a code in an address. Unknown and outside the viewer's units answer alike (403, same body), so
 * that nobody learns which codes exist beyond their scope; a unit of theirs of another kind (a branch's code in a
 * hall's address) is 404: no such page.
 */
export async function unitInScope(viewer: Viewer, code: string, kind?: 'hall') {
  const unit = await findUnitByCode(code)
  if (!unit || !isUnitInScope(viewer, unit.path)) unitRefused()
  if (kind && unit.kind !== kind) notFound('unit')
  const crumbs = [unit.parent?.parent, unit.parent].filter((u): u is UnitSummary => Boolean(u)).filter((u) => isUnitInScope(viewer, u.path))
  return { unit: { code: unit.code, kind: unit.kind, nameZh: unit.nameZh, nameEn: unit.nameEn, path: unit.path }, crumbs }
}

/** Where /manage starts: the one unit a manager holds, the whole organisation for admins and trainers. */
export async function homeUnitOf(viewer: Viewer): Promise<UnitSummary | null> {
  const scope = unitScopeOf(viewer)
  if (scope.length === 0) return null
  if (scope.includes('/')) return WHOLE_ORGANISATION
  if (scope.length > 1) return null // several separate units: /manage lists them
  const [unit] = await unitAtPath(scope[0])
  return unit ?? null
}

const unitAtPath = preparedRead((q, path: string) => q.selectFrom('OrgUnit').select(['code', 'kind', 'nameZh', 'nameEn', 'path']).where('path', '=', path))

const quizFigureRows = preparedRead((q, from: string, to: string) =>
  q
    .selectFrom('OrgUnit as h')
    .innerJoin('User as u', 'u.hallId', 'h.id')
    .innerJoin('Attempt as a', 'a.userId', 'u.id')
    .innerJoin('Quiz as q', 'q.id', 'a.quizId')
    .innerJoin('QuizVersion as v', 'v.id', 'q.currentVersionId')
    .select((eb) => [
      'a.quizId',
      'v.titleZh',
      'v.titleEn',
      'v.kind',
      eb.fn.count<number | string>('a.userId').distinct().as('attempted'),
      eb.fn.count<number | string>(eb.case().when('a.passed', '=', TRUE).then(eb.ref('a.userId')).end()).distinct().as('passed'),
    ])
    .where('h.path', '>=', from)
    .where('h.path', '<', to)
    .where('a.status', '=', 'submitted')
    .where('v.kind', '=', 'quiz')
    .groupBy(['a.quizId', 'v.titleZh', 'v.titleEn', 'v.kind'])
    .orderBy('a.quizId'),
)

/** Per quiz, among the learners under a unit: how many attempted, how many passed. */
export async function quizFiguresUnder(unitPath: string) {
  const rows = await quizFigureRows(unitPath, `${unitPath}\uffff`)
  // PostgreSQL's count is a bigint, read as text
  return rows.map((row) => ({ ...row, attempted: Number(row.attempted), passed: Number(row.passed) }))
}

const overdueList = (rows: readonly LearnerRow[]) =>
  rows.filter((r) => r.overdue > 0).sort((a, b) => b.overdue - a.overdue || a.username.localeCompare(b.username))

export async function unitOverview(unit: UnitSummary, now: Date, read?: UnitProgress) {
  const [progress, children, weakest, quizzes] = await Promise.all([read ?? unitProgress(unit.path, now), childUnits(unit.path), weakestUnder(unit.path, now), quizFiguresUnder(unit.path)])
  const hallPathOf = new Map(progress.learners.map((l) => [l.id, l.hallPath]))
  const childOf = (row: LearnerRow) => children.find((c) => isWithin(hallPathOf.get(row.id) ?? '', c.path))?.code ?? ''
  const figures = groupFigures(progress.rows, childOf, children.map((c) => c.code))
  const [total] = groupFigures(progress.rows, () => 'all', ['all'])
  return {
    unit,
    total,
    newHires: progress.rows.filter((r) => r.newHire).length,
    children: children.map((c, i) => ({ ...c, figure: figures[i] })),
    courses: courseFigures(progress.rows).map((f) => ({ ...f, title: progress.courses.find((c) => c.id === f.courseId) ?? { titleZh: f.courseId, titleEn: f.courseId } })),
    overdue: overdueList(progress.rows).slice(0, 10).map((r) => ({ username: r.username, name: r.name, hallCode: r.hallCode, overdue: r.overdue })),
    overdueTotal: overdueList(progress.rows).length,
    quizzes,
    weakest,
    trend: progress.trend(),
  }
}

export type PeopleTable =
  | { ok: true; filter: PeopleFilter; rows: LearnerRow[]; total: number; courses: Array<{ id: string; titleZh: string; titleEn: string }> }
  | { ok: false; problems: { param: string; value: string }[]; courses: Array<{ id: string; titleZh: string; titleEn: string }> }

/** The people under a unit, filtered and sorted as the address says; an unknown filter value is named, not ignored. */
export function peopleTable(progress: UnitProgress, params: URLSearchParams): PeopleTable {
  const parsed = parsePeopleFilter(params, progress.courses.map((c) => c.id))
  if (!parsed.ok) return { ok: false, problems: parsed.problems, courses: progress.courses }
  return { ok: true, filter: parsed.filter, rows: applyPeopleFilter(progress.rows, parsed.filter), total: progress.rows.length, courses: progress.courses }
}
