// What a learner reads: the catalogue with assignments and progress, one course, one module, "mark as read".
import { courseCompletion, type Completion } from '~/core/completion'
import { hallDay } from '~/core/dates'
import { daysLeft, isOverdue } from '~/core/overdue'
import type { Role } from '~/core/roles'
import type { Language } from '~/i18n/catalog'
import { assignmentsAround, dueDaysOf } from './assignments.server'
import { isUniqueViolation, prisma } from './db.server'
import { readAll } from './read-only.server'
import type { SessionUser } from './people.server'
import { forbidden, notFound } from './responses.server'

const jsonList = (text: string): string[] => JSON.parse(text) as string[]

const courseSelect = {
  id: true,
  currentVersion: {
    select: {
      id: true,
      number: true,
      titleZh: true,
      titleEn: true,
      summaryZh: true,
      summaryEn: true,
      audience: true,
      quizIds: true,
      minutes: true,
      modules: {
        orderBy: { position: 'asc' },
        select: { moduleVersion: { select: { id: true, slug: true, titleZh: true, titleEn: true, minutes: true } } },
      },
    },
  },
} as const

export type CourseRow = Awaited<ReturnType<typeof loadCurrentCourses>>[number]

// Current courses change only when content is imported or published. They are kept in memory and checked
// against the number of imports (one small read), so an import by another process shows at once. The reads
// on the page-view path use the prepared read-only connection (read-only.server.ts).
let cachedCourses: { generation: number; courses: CourseRow[] } | null = null

/** For tests that change course rows behind the importer's back. */
export function forgetCachedCourses(): void {
  cachedCourses = null
}

export async function currentCourses(where: { id?: string } = {}): Promise<CourseRow[]> {
  const [{ n: generation }] = readAll<{ n: number }>('SELECT count(*) AS n FROM "ContentImport"')
  if (cachedCourses?.generation !== generation) cachedCourses = { generation, courses: await loadCurrentCourses() }
  return where.id ? cachedCourses.courses.filter((c) => c.id === where.id) : cachedCourses.courses
}

async function loadCurrentCourses() {
  const rows = await prisma.course.findMany({ where: { currentVersionId: { not: null } }, select: courseSelect, orderBy: { id: 'asc' } })
  return rows.flatMap((row) => (row.currentVersion ? [{ ...row.currentVersion, versionId: row.currentVersion.id, id: row.id, modules: row.currentVersion.modules.map((m) => m.moduleVersion) }] : []))
}



// A learner's own records, read on every catalogue and course page: prepared statements on the read-only
// connection (see read-only.server.ts), as the module page does.
// (completionOf picks a course's own reads out of them.)
const readsOf = (userId: string): Array<{ slug: string; moduleVersionId: string; courseId: string }> =>
  readAll('SELECT "slug", "moduleVersionId", "courseId" FROM "ModuleRead" WHERE "userId" = ?', userId)
const resumePointsOf = (userId: string): Array<{ courseId: string; lastModule: string }> =>
  readAll('SELECT "courseId", "lastModule" FROM "CourseProgress" WHERE "userId" = ?', userId)
/** A learner's reads with the version number read and when: the record page shows which version each read was. */
export const readRecordOf = (userId: string): Array<{ slug: string; moduleVersionId: string; courseId: string; readAt: string; number: number }> =>
  readAll(
    `SELECT r."slug", r."moduleVersionId", r."courseId", r."readAt", v."number" FROM "ModuleRead" r JOIN "ModuleVersion" v ON v."id" = r."moduleVersionId"
     WHERE r."userId" = ? ORDER BY r."readAt"`,
    userId,
  )
/** The quizzes a learner has passed at least once (any version): course completion counts them. */
export const passedQuizIds = (userId: string): string[] =>
  readAll<{ quizId: string }>('SELECT DISTINCT "quizId" FROM "Attempt" WHERE "userId" = ? AND "passed" = 1', userId).map((r) => r.quizId)

// The same two facts for every learner whose hall lies under a unit (the manager views and exports): one statement
// each, whatever the number of learners; the range on the materialized path is the indexed form of "starts with".
const UNDER = `FROM "OrgUnit" h JOIN "User" u ON u."hallId" = h."id"`
const underUnit = (unitPath: string) => [unitPath, `${unitPath}\uffff`]

/** What every learner under a unit has read (any version), with when. */
export const readsOfLearnersUnder = (unitPath: string): Array<{ userId: string; slug: string; moduleVersionId: string; courseId: string; readAt: string }> =>
  readAll(
    `SELECT r."userId", r."slug", r."moduleVersionId", r."courseId", r."readAt" ${UNDER} JOIN "ModuleRead" r ON r."userId" = u."id"
     WHERE h."path" >= ? AND h."path" < ?`,
    ...underUnit(unitPath),
  )

/** The quizzes each learner under a unit has passed (with the first pass), and when each last submitted an attempt. */
export function quizFactsOfLearnersUnder(unitPath: string): { passed: Map<string, Array<{ quizId: string; at: string }>>; lastSubmitted: Map<string, string> } {
  const passes = readAll<{ userId: string; quizId: string; at: string }>(
    `SELECT a."userId", a."quizId", min(a."submittedAt") AS at ${UNDER} JOIN "Attempt" a ON a."userId" = u."id"
     WHERE h."path" >= ? AND h."path" < ? AND a."passed" = 1 GROUP BY a."userId", a."quizId"`,
    ...underUnit(unitPath),
  )
  const latest = readAll<{ userId: string; at: string | null }>(
    `SELECT u."id" AS userId, (SELECT max(a."submittedAt") FROM "Attempt" a WHERE a."userId" = u."id") AS at ${UNDER}
     WHERE h."path" >= ? AND h."path" < ?`,
    ...underUnit(unitPath),
  )
  const passed = new Map<string, Array<{ quizId: string; at: string }>>()
  for (const p of passes) passed.set(p.userId, [...(passed.get(p.userId) ?? []), { quizId: p.quizId, at: p.at }])
  return { passed, lastSubmitted: new Map(latest.flatMap((l) => (l.at ? [[l.userId, l.at] as const] : []))) }
}

async function dueDaysFor(user: SessionUser, now: Date): Promise<Map<string, string>> {
  if (!user.hall) return new Map()
  return dueDaysOf(await assignmentsAround(user.hall.path), { id: user.id, hallPath: user.hall.path, roles: user.roles, hireDate: user.hireDate }, now)
}

export function completionOf(course: CourseRow, reads: Array<{ slug: string; moduleVersionId: string; courseId: string }>, passed: string[]): Completion {
  return courseCompletion({
    modules: course.modules.map((m) => ({ slug: m.slug, versionId: m.id })),
    reads: reads.filter((r) => r.courseId === course.id).map((r) => ({ slug: r.slug, versionId: r.moduleVersionId })),
    requiredQuizIds: jsonList(course.quizIds),
    passedQuizIds: passed,
  })
}

const isOpenTo = (course: CourseRow, roles: readonly Role[]) => jsonList(course.audience).some((r) => roles.includes(r as Role))

export interface CatalogueEntry {
  id: string
  titleZh: string
  titleEn: string
  summaryZh: string
  summaryEn: string
  minutes: number
  modules: number
  completion: Completion
  dueDay: string | null
  daysLeft: number | null
  overdue: boolean
  resumeModule: string | null
  /** Where "start" or "continue" goes: the resume point, else the first module not read at its version. */
  nextModule: string | null
}

/** /learn: assigned courses first (soonest due first), then the rest of the catalogue open to the learner's roles. */
export async function catalogueFor(user: SessionUser, now: Date): Promise<{ assigned: CatalogueEntry[]; open: CatalogueEntry[] }> {
  const [courses, due] = await Promise.all([currentCourses(), dueDaysFor(user, now)])
  const [reads, progress, passed] = [readsOf(user.id), resumePointsOf(user.id), passedQuizIds(user.id)]
  const entries = courses
    .filter((c) => due.has(c.id) || isOpenTo(c, user.roles))
    .map((c): CatalogueEntry => {
      const completion = completionOf(c, reads, passed)
      const dueDay = due.get(c.id) ?? null
      const resume = progress.find((p) => p.courseId === c.id)?.lastModule ?? null
      return {
        id: c.id,
        titleZh: c.titleZh,
        titleEn: c.titleEn,
        summaryZh: c.summaryZh,
        summaryEn: c.summaryEn,
        minutes: c.minutes,
        modules: c.modules.length,
        completion,
        dueDay,
        daysLeft: dueDay ? daysLeft(dueDay, now) : null,
        overdue: dueDay ? isOverdue({ due: dueDay, done: completion.complete }, now) : false,
        resumeModule: resume,
        nextModule: resume ?? c.modules.find((m) => completion.states[m.slug] !== 'read')?.slug ?? c.modules[0]?.slug ?? null,
      }
    })
  const assigned = entries.filter((e) => e.dueDay).sort((a, b) => a.dueDay!.localeCompare(b.dueDay!) || a.id.localeCompare(b.id))
  return { assigned, open: entries.filter((e) => !e.dueDay) }
}

/** A course the learner may open: 404 when unknown, 403 when neither open to their roles nor assigned. */
async function courseForLearner(user: SessionUser, courseId: string, now: Date): Promise<{ course: CourseRow; dueDay: string | null }> {
  const [course] = await currentCourses({ id: courseId })
  if (!course) notFound('course')
  const dueDay = (await dueDaysFor(user, now)).get(courseId) ?? null
  if (!dueDay && !isOpenTo(course, user.roles)) forbidden('course not open to this role')
  return { course, dueDay }
}

/** The same check when the due day is not shown (a module page): assignments are read only if the role alone does not open it. */
async function courseOpenToLearner(user: SessionUser, courseId: string, now: Date): Promise<CourseRow> {
  const [course] = await currentCourses({ id: courseId })
  if (!course) notFound('course')
  if (!isOpenTo(course, user.roles) && !(await dueDaysFor(user, now)).has(courseId)) forbidden('course not open to this role')
  return course
}

export async function loadCourseForLearner(user: SessionUser, courseId: string, now: Date) {
  const { course, dueDay } = await courseForLearner(user, courseId, now)
  const reads = readsOf(user.id)
  const progress = resumePointsOf(user.id).find((p) => p.courseId === courseId)
  const passed = passedQuizIds(user.id)
  const completion = completionOf(course, reads, passed)
  const quizIds = jsonList(course.quizIds)
  const quizTitles = quizIds.length
    ? readAll<{ quizId: string; titleZh: string; titleEn: string }>(
        `SELECT v."quizId", v."titleZh", v."titleEn" FROM "Quiz" q JOIN "QuizVersion" v ON v."id" = q."currentVersionId"
         WHERE q."id" IN (${quizIds.map(() => '?').join(', ')})`,
        ...quizIds,
      )
    : []
  return {
    quizzes: quizIds.map((id) => ({ id, titleZh: quizTitles.find((q) => q.quizId === id)?.titleZh ?? id, titleEn: quizTitles.find((q) => q.quizId === id)?.titleEn ?? id, passed: passed.includes(id) })),
    course: { id: course.id, titleZh: course.titleZh, titleEn: course.titleEn, summaryZh: course.summaryZh, summaryEn: course.summaryEn, minutes: course.minutes },
    modules: course.modules.map((m) => ({ slug: m.slug, titleZh: m.titleZh, titleEn: m.titleEn, minutes: m.minutes, state: completion.states[m.slug] })),
    quizIds: jsonList(course.quizIds),
    completion,
    dueDay,
    overdue: dueDay ? isOverdue({ due: dueDay, done: completion.complete }, now) : false,
    resumeModule: progress?.lastModule ?? null,
  }
}

/** One module page. Opening it moves the course's resume point here. */
export async function loadModuleForLearner(user: SessionUser, courseId: string, slug: string, now: Date, language: Language = 'zh-CN') {
  const course = await courseOpenToLearner(user, courseId, now)
  const index = course.modules.findIndex((m) => m.slug === slug)
  if (index < 0) notFound('module')
  const [version, reads] = await Promise.all([
    moduleVersion(course.modules[index].id),
    readAll<{ moduleVersionId: string; readAt: string }>(
      'SELECT "moduleVersionId", "readAt" FROM "ModuleRead" WHERE "userId" = ? AND "courseId" = ? AND "slug" = ?',
      user.id,
      courseId,
      slug,
    ),
    moveResumePoint(user.id, courseId, slug, now),
  ])
  const readNow = reads.find((r) => r.moduleVersionId === version.id)
  const link = (m: CourseRow['modules'][number] | undefined) => (m ? { slug: m.slug, titleZh: m.titleZh, titleEn: m.titleEn } : null)
  return {
    course: { id: course.id, titleZh: course.titleZh, titleEn: course.titleEn },
    module: {
      id: version.id,
      number: version.number,
      titleZh: version.titleZh,
      titleEn: version.titleEn,
      minutes: version.minutes,
      slug,
      objectives: jsonList(version.objectives),
      quizIds: jsonList(version.quizIds),
      html: language === 'en' ? version.htmlEn : version.htmlZh,
    },
    position: { index: index + 1, of: course.modules.length },
    previous: link(course.modules[index - 1]),
    next: link(course.modules[index + 1]),
    readDay: readNow ? hallDay(readNow.readAt) : null,
    updatedSinceRead: !readNow && reads.length > 0,
  }
}

/** The resume point moves to this module; nothing is written when it is already here (the usual repeat view). */
async function moveResumePoint(userId: string, courseId: string, slug: string, now: Date): Promise<void> {
  if (resumePointsOf(userId).find((p) => p.courseId === courseId)?.lastModule === slug) return
  await prisma.$executeRaw`INSERT INTO "CourseProgress" ("userId", "courseId", "lastModule", "updatedAt")
    VALUES (${userId}, ${courseId}, ${slug}, ${now.toISOString()})
    ON CONFLICT ("userId", "courseId") DO UPDATE SET "lastModule" = excluded."lastModule", "updatedAt" = excluded."updatedAt"`
}

const moduleCache = new Map<string, Promise<ModuleVersionPage>>()
type ModuleVersionPage = { id: string; number: number; titleZh: string; titleEn: string; minutes: number; objectives: string; quizIds: string; htmlZh: string; htmlEn: string }

/** A module version with its compiled code: immutable, so read once per process. */
function moduleVersion(id: string): Promise<ModuleVersionPage> {
  let version = moduleCache.get(id)
  if (!version) {
    if (moduleCache.size > 500) moduleCache.clear()
    version = prisma.moduleVersion.findUniqueOrThrow({
      where: { id },
      select: { id: true, number: true, titleZh: true, titleEn: true, minutes: true, objectives: true, quizIds: true, htmlZh: true, htmlEn: true },
    })
    version.catch(() => moduleCache.delete(id))
    moduleCache.set(id, version)
  }
  return version
}

/** Records the read once per module version, however often it is pressed (and from however many tabs). */
export async function markModuleRead(user: SessionUser, courseId: string, slug: string, versionId: string, now: Date): Promise<void> {
  const course = await courseOpenToLearner(user, courseId, now)
  const module = course.modules.find((m) => m.slug === slug)
  if (!module) notFound('module')
  if (module.id !== versionId) return // a stale page: the module changed while it was open; the reader sees the new one next
  try {
    await prisma.moduleRead.create({ data: { userId: user.id, moduleVersionId: versionId, courseId, slug, readAt: now } })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error // already recorded: the unique (user, version) keeps it once
  }
}
