// The progress of everyone who learns under a unit (a hall, a branch, a region, or "/" for all): a handful of
// statements whatever the number of learners — the learners, the assignments, and the two roll-ups (module reads
// per learner and course, quiz results per learner and quiz) kept in the writers' transactions — then the rules of
// app/core. Pages, exports and the 晨会 pack all read it here; the whole export reads the same rows a page of halls
// at a time (progressPagesUnder), so that its memory holds one page however large the unit.
import { completionTrend, weekEnds, type TrendPoint } from '~/core/completion-trend'
import { isWithin } from '~/core/org'
import { isNewHire } from '~/core/people'
import { learnerRow, type CourseShape, type LearnerRow } from '~/core/unit-progress'
import { assignmentsUnder, dueDaysOf, type AssignmentRow } from './assignments.server'
import { currentCourses, type CourseRow } from './courses.server'
import { activityOfLearnersIn, passesOfLearnersIn, readingsOfLearnersIn, type ActivityIn } from './learner-records.server'
import { learnerFactsIn, type LearnerPageFacts } from './learner-pages.server'
import { hallPagesUnder, hallsUnder, learnersIn, type HallRange, type LearnerRef } from './people.server'
import { databaseEngine } from './db.server'

export const courseShape = (course: CourseRow): CourseShape => ({
  id: course.id,
  modules: course.modules.map((m) => ({ slug: m.slug, versionId: m.id })),
  quizIds: course.quizIds,
})

export interface UnitProgress {
  learners: LearnerRef[]
  rows: LearnerRow[]
  courses: Array<{ id: string; titleZh: string; titleEn: string }>
  trend: () => TrendPoint[]
}

export interface ProgressOptions {
  /**
   * Read each learner's last activity and quizzes passed in all (one more statement, the costliest per learner):
   * the people tables and exports show them; the overviews do not, and leave them empty (null, 0) when false.
   */
  activity?: boolean
}

/** What every page of a unit shares: the courses, the assignments reaching the unit, the courses assigned in it. */
interface UnitContext {
  courses: CourseRow[]
  shapes: CourseShape[]
  /** The assignments that may reach a learner: those on units around their hall and those naming them. */
  assignmentsFor: (learner: LearnerRef) => AssignmentRow[]
  assignedIds: string[]
  requiredQuizIds: string[]
}

/**
 * Narrows the assignments to those that can reach a learner before the rule (appliesTo, via dueDaysOf) decides: an
 * assignment on a unit reaches only the halls within it, one naming a person only them. Without it every learner
 * of the whole organisation was checked against every assignment of it.
 */
function assignmentsReaching(assignments: readonly AssignmentRow[]): (learner: LearnerRef) => AssignmentRow[] {
  const onUnits = assignments.filter((a) => !a.personId)
  const byPerson = new Map<string, AssignmentRow[]>()
  for (const a of assignments) if (a.personId) byPerson.set(a.personId, [...(byPerson.get(a.personId) ?? []), a])
  const byHall = new Map<string, AssignmentRow[]>()
  return (learner) => {
    let around = byHall.get(learner.hallPath)
    if (!around) byHall.set(learner.hallPath, (around = onUnits.filter((a) => isWithin(learner.hallPath, a.unit.path))))
    const named = byPerson.get(learner.id)
    return named ? [...around, ...named] : around
  }
}

async function unitContext(unitPath: string): Promise<UnitContext> {
  const [courses, assignments] = await Promise.all([currentCourses(), assignmentsUnder(unitPath)])
  return contextOf(courses, assignments)
}

function contextOf(courses: CourseRow[], assignments: AssignmentRow[]): UnitContext {
  const shapes = courses.map(courseShape)
  // only the courses assigned somewhere under the unit count, and only their required quizzes: the rows read grow
  // with the learners and what they must do, not with everything they ever did
  const assignedIds = new Set(assignments.map((a) => a.courseId))
  const assigned = shapes.filter((c) => assignedIds.has(c.id))
  return { courses, shapes, assignmentsFor: assignmentsReaching(assignments), assignedIds: assigned.map((c) => c.id), requiredQuizIds: [...new Set(assigned.flatMap((c) => c.quizIds))] }
}

const latest = (a: Date | undefined, b: Date | undefined): Date | null => (a && b ? (a > b ? a : b) : (a ?? b ?? null))
const noActivity: ActivityIn = { passedCount: new Map(), lastSubmitted: new Map(), lastRead: new Map() }
const noReadings = new Map<string, { read: number; total: number; currentReadAt: Date | null }>()

/** The learners of a range of halls and their rows, with the facts the trend folds. */
async function progressIn(halls: HallRange, context: UnitContext, now: Date, options: ProgressOptions) {
  const [learners, { readings }, passed, activity] = await Promise.all([
    learnersIn(halls),
    readingsOfLearnersIn(halls, context.assignedIds),
    passesOfLearnersIn(halls, context.requiredQuizIds),
    options.activity === false ? noActivity : activityOfLearnersIn(halls),
  ])
  const dueDaysFor = dueDaysSharing(context, now)
  const facts = learners.map((learner) => ({
    learner,
    readings: readings.get(learner.id) ?? noReadings,
    passes: passed.get(learner.id) ?? [],
    dueDays: dueDaysFor(learner),
  }))
  // the rule asks the readings and passes in place (a course's count, a quiz id at a time): no map or list copied
  // and no learner spread a row (a region builds 2 000 of these, and a fifth of its time was the collector's)
  const rows = facts.map((f) => {
    const { learner, readings, passes } = f
    return learnerRow(
      {
        id: learner.id,
        username: learner.username,
        name: learner.name,
        hallCode: learner.hallCode,
        roles: learner.roles,
        hireDate: learner.hireDate,
        readCounts: { get: (courseId) => readings.get(courseId)?.read },
        passedQuizIds: { includes: (quizId) => passes.some((p) => p.quizId === quizId) },
        quizzesPassed: activity.passedCount.get(learner.id) ?? 0,
        lastActivity: latest(activity.lastRead.get(learner.id), activity.lastSubmitted.get(learner.id)),
        dueDays: f.dueDays,
      },
      context.shapes,
      now,
    )
  })
  return { learners, facts, rows }
}

const titlesOf = (courses: readonly CourseRow[]) => courses.map((c) => ({ id: c.id, titleZh: c.titleZh, titleEn: c.titleEn }))

export async function unitProgress(unitPath: string, now: Date, options: ProgressOptions = {}): Promise<UnitProgress> {
  const context = await unitContext(unitPath)
  const { learners, facts, rows } = await progressIn(hallsUnder(unitPath), context, now, options)
  return { learners, rows, courses: titlesOf(context.courses), trend: () => completionTrend(facts, context.shapes, weekEnds(now, 12)) }
}

/**
 * Learners per page of the whole export (a page is whole halls: at least one hall however small the size): a page's
 * rows are built, written and let go before the next is read. On SQLite a page is a hall or two: the statement runs
 * in this thread at no round trip, and a page that small dies young — at 1 000 learners a page's rows outlived the
 * young generation's scavenges, were copied and promoted, and the collector took a quarter of the export's CPU
 * (decision 0045: 32–34 000 → 47–55 000 rows per CPU-second). On PostgreSQL a page is a round trip, so pages stay
 * large there.
 */
export const progressPageSize = (): number => (databaseEngine() === 'sqlite' ? 64 : 1000)
/** Pages of the whole export asked for ahead of the one being written. */
const READ_AHEAD = 1

export interface ProgressPages {
  courses: Array<{ id: string; titleZh: string; titleEn: string }>
  /** The same rows as unitProgress(unitPath).rows (activity included), a page of consecutive halls at a time, in
   * hall order and by username within a hall. */
  pages: () => AsyncGenerator<LearnerRow[]>
  /** What the pages are read from (plain data: the export workers are sent it). */
  basis: ProgressBasis
}

/**
 * What every page of a unit's export is built from, read once before the first page: the courses, the assignments
 * reaching the unit and the pages' hall ranges. Plain data, so that export workers (export-workers.server.ts) read
 * their share of the same pages with the same figures.
 */
export interface ProgressBasis {
  courses: CourseRow[]
  assignments: AssignmentRow[]
  ranges: HallRange[]
}

/**
 * The pages a reader reads: the pages are dealt out in runs of `group` consecutive pages, run r to the reader
 * `r mod count`, and this reader (`index`) reads its runs in order (each export worker reads one share, a run a
 * message).
 */
export interface PageShare {
  count: number
  index: number
  group: number
}

export async function progressBasis(unitPath: string, pageSize = progressPageSize()): Promise<ProgressBasis> {
  const [courses, assignments, ranges] = await Promise.all([currentCourses(), assignmentsUnder(unitPath), hallPagesUnder(unitPath, pageSize)])
  return { courses, assignments, ranges }
}

/**
 * The due days of a learner, shared by every learner of a hall with the same roles and new-hire standing and no
 * assignment naming them (the rule, appliesTo, asks nothing else of them): a hall's hundreds of learners reuse a
 * handful of maps instead of each running the rule over the hall's assignments. Learners named by an assignment
 * get their own.
 */
function dueDaysSharing(context: UnitContext, now: Date): (learner: LearnerRef) => ReadonlyMap<string, string> {
  // by hall, then by the roles list itself (learners granted the same roles share one list: learner-pages' rolesOf;
  // a list of one's own only finds no one to share with), then new hire or not: no key built per learner
  const shared = new Map<string, Map<readonly string[], Array<ReadonlyMap<string, string> | undefined>>>()
  return (learner) => {
    const assignments = context.assignmentsFor(learner)
    if (assignments.some((a) => a.personId)) return dueDaysOf(assignments, learner, now)
    let byRoles = shared.get(learner.hallPath)
    if (!byRoles) shared.set(learner.hallPath, (byRoles = new Map()))
    let byHire = byRoles.get(learner.roles)
    if (!byHire) byRoles.set(learner.roles, (byHire = [undefined, undefined]))
    const hire = isNewHire(learner.hireDate, now) ? 1 : 0
    return (byHire[hire] ??= dueDaysOf(assignments, learner, now))
  }
}

/** The unit's progress rows page by page (keyset on the hall path): the whole export's row source. Each page is one
 * statement (learnerFactsIn) and the rule of app/core (learnerRow), in hall order, by username within a hall. */
export async function progressPagesUnder(unitPath: string, now: Date, pageSize = progressPageSize()): Promise<ProgressPages> {
  return progressPagesOf(await progressBasis(unitPath, pageSize), now)
}

/** The pages of `basis`, or only `share` of them (its runs of pages, in order). */
export function progressPagesOf(basis: ProgressBasis, now: Date, share: PageShare = { count: 1, index: 0, group: 1 }): ProgressPages {
  const context = contextOf(basis.courses, basis.assignments)
  const dueDaysFor = dueDaysSharing(context, now)
  const factsOf = (halls: HallRange) => learnerFactsIn(halls, dueDaysFor)
  async function* pages() {
    const ranges = basis.ranges.filter((_, i) => Math.floor(i / share.group) % share.count === share.index)
    // the next page is asked for before this one's rows are built and written: on PostgreSQL its statement runs on
    // the server meanwhile (the app's thread builds rows while the server reads); on SQLite the statement runs at the
    // call, synchronously, and nothing changes but the order. Two pages ahead gained nothing measurable (decision 0035)
    const ahead: Array<Promise<LearnerPageFacts[]>> = []
    let asked = 0
    const askNext = () => {
      if (asked < ranges.length) ahead.push(factsOf(ranges[asked++]))
    }
    for (let i = 0; i < READ_AHEAD; i++) askNext()
    try {
      for (let next = ahead.shift(); next; next = ahead.shift()) {
        const facts = await next
        askNext()
        yield facts.map((f) => learnerRow(f, context.shapes, now))
      }
    } finally {
      // an export left before its end (the download cancelled): the pages read ahead are not waited for, nor their errors
      for (const pending of ahead) pending.catch(() => undefined)
    }
  }
  return { courses: titlesOf(context.courses), pages, basis }
}
