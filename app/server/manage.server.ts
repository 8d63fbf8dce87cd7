// The manager pages' data: a unit in the viewer's scope (403 out of scope or unknown, alike), its overview figures
// and its people table. Every figure comes from unitProgress, unitQuality and (stars, pairings) overview-stars, never
// from a second query of its own.
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
import { starsAndPairingsUnder } from './overview-stars.server'

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

// Per current quiz, over the roll-up rows of the learners under the unit (QuizRollup: a row per learner and quiz
// with a submitted attempt, kept by every writer of attempts): no attempt is read. Counted per quiz id from the
// roll-up's covering index first, titles joined to the handful of counts after (decision 0033: joining the titles
// to every roll-up row and grouping by them cost a third more on a region of 2 000 learners).
const quizFigureRows = preparedRead((q, from: string, to: string) =>
  q
    .selectFrom((sub) =>
      sub
        .selectFrom('OrgUnit as h')
        .innerJoin('User as u', 'u.hallId', 'h.id')
        .innerJoin('QuizRollup as r', 'r.userId', 'u.id')
        .select((eb) => ['r.quizId', eb.fn.countAll<number | string>().as('attempted'), eb.fn.sum<number | string>(eb.case().when('r.passed', '=', TRUE).then(1).else(0).end()).as('passed')])
        .where('h.path', '>=', from)
        .where('h.path', '<', to)
        // only the current quizzes' rows reach the group (the practice rounds are most roll-up rows: 7 of 8 in the
        // scale seed), so the group sorts a region's ~1 750 rows, not its ~14 000 (decision 0047)
        .where('r.quizId', 'in', (eb) => eb.selectFrom('Quiz as cq').innerJoin('QuizVersion as cv', 'cv.id', 'cq.currentVersionId').select('cq.id').where('cv.kind', '=', 'quiz'))
        .groupBy('r.quizId')
        .as('f'),
    )
    .innerJoin('Quiz as q', 'q.id', 'f.quizId')
    .innerJoin('QuizVersion as v', 'v.id', 'q.currentVersionId')
    .select(['q.id as quizId', 'v.titleZh', 'v.titleEn', 'v.kind', 'f.attempted', 'f.passed'])
    .where('v.kind', '=', 'quiz')
    .orderBy('q.id'),
  { bulk: true },
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
  const [progress, children, weakest, quizzes] = await Promise.all([read ?? unitProgress(unit.path, now, { activity: false }), childUnits(unit.path), weakestUnder(unit.path, now), quizFiguresUnder(unit.path)])
  // which child unit each learner counts in, found once per learner (groupFigures asks once per child)
  const childCodeOf = new Map(progress.learners.map((l) => [l.id, children.find((c) => isWithin(l.hallPath, c.path))?.code ?? '']))
  const childOf = (row: LearnerRow) => childCodeOf.get(row.id) ?? ''
  const figures = groupFigures(progress.rows, childOf, children.map((c) => c.code))
  const [total] = groupFigures(progress.rows, () => 'all', ['all'])
  const overdue = overdueList(progress.rows)
  // star mix per child unit (a hall's own overview: the hall itself), expiring certificates, pairings
  const groups = children.length ? children.map((c) => c.code) : [unit.code]
  const stars = await starsAndPairingsUnder(unit.path, progress.learners.map((l) => ({ id: l.id, group: children.length ? (childCodeOf.get(l.id) ?? '') : unit.code })), groups, now)
  return {
    unit,
    total,
    newHires: progress.rows.filter((r) => r.newHire).length,
    children: children.map((c, i) => ({ ...c, figure: figures[i] })),
    courses: courseFigures(progress.rows).map((f) => ({ ...f, title: progress.courses.find((c) => c.id === f.courseId) ?? { titleZh: f.courseId, titleEn: f.courseId } })),
    overdue: overdue.slice(0, 10).map((r) => ({ username: r.username, name: r.name, hallCode: r.hallCode, overdue: r.overdue })),
    overdueTotal: overdue.length,
    quizzes,
    weakest,
    trend: progress.trend(),
    stars,
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
