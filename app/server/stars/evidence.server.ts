// A clerk's star evidence, read in bulk for any number of clerks: course versions completed, quiz attempts,
// imported inspections, satisfaction and complaints, and the mentoring facts (checklists signed off, new hires mentored).
import type { CourseEvidence, QuizEvidence, StarEvidence } from '~/core/stars/evidence'
import { windowStartMonth } from '~/core/stars/window'
import type { LocalizedText } from '~/core/quiz/schema-parts'
import type { PrismaClient } from '~/generated/prisma/client'
import { contentGeneration } from '../course-cache.server'
import { prisma } from '../db.server'
import { preparedReadFor } from '../kysely.server'
import { moduleReadsOf } from '../learner-records.server'
import { flag, instant } from '../stored.server'
import { checklistSignedOff, mentoredToCompletionCount } from '../pairings.server'

/** What mentoring knows of a clerk: the checklist signed off (as a mentee), new hires mentored to completion. */
async function mentoringEvidence(userIds: string[], now: Date, db: PrismaClient): Promise<Map<string, { checklistSignedOff: boolean; menteesCompleted: number }>> {
  const [signed, mentored] = await Promise.all([checklistSignedOff(userIds, now, db), mentoredToCompletionCount(userIds, now, db)])
  return new Map(userIds.map((id) => [id, { checklistSignedOff: signed.get(id) ?? false, menteesCompleted: mentored.get(id) ?? 0 }]))
}

/** Evidence older than this is never read: no requirement looks further back (schemas cap months at 24). */
const MAX_WINDOW_MONTHS = 24
const CHUNK = 500

async function inChunks<T>(ids: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await read(ids.slice(i, i + CHUNK))))
  return out
}

export interface CatalogueTitles {
  courses: Map<string, LocalizedText>
  quizzes: Map<string, { title: LocalizedText; courseId: string }>
}

type ContentFacts = Awaited<ReturnType<typeof loadContentFacts>>
let cachedFacts: { generation: number; facts: ContentFacts } | null = null

/**
 * Every course version with its modules and required quizzes, and the current quiz titles. They change only when
 * content is imported or published (each writes a ContentImport row), so they are kept in memory against the
 * number of imports, as the course cache is: read twice per clerk's home, they were a third of its server CPU.
 * A transaction's own client reads afresh (it may see its own uncommitted content).
 */
async function contentFacts(db: PrismaClient): Promise<ContentFacts> {
  if (db !== prisma) return loadContentFacts(db)
  const generation = await contentGeneration()
  if (cachedFacts?.generation !== generation) cachedFacts = { generation, facts: await loadContentFacts(db) }
  return cachedFacts.facts
}

async function loadContentFacts(db: PrismaClient) {
  const versions = await db.courseVersion.findMany({
    select: { courseId: true, number: true, createdAt: true, recertify: true, quizIds: true, titleZh: true, titleEn: true, modules: { select: { moduleVersionId: true } } },
    orderBy: [{ courseId: 'asc' }, { number: 'asc' }],
  })
  const quizzes = await db.quiz.findMany({ select: { id: true, currentVersion: { select: { titleZh: true, titleEn: true, courseId: true, kind: true } } } })
  return { versions, quizzes: quizzes.filter((q) => q.currentVersion?.kind === 'quiz') }
}

export function titlesOf(facts: ContentFacts): CatalogueTitles {
  const courses = new Map<string, LocalizedText>()
  for (const v of facts.versions) courses.set(v.courseId, { zh: v.titleZh, en: v.titleEn })
  const quizzes = new Map(facts.quizzes.map((q) => [q.id, { title: { zh: q.currentVersion!.titleZh, en: q.currentVersion!.titleEn }, courseId: q.currentVersion!.courseId }]))
  return { courses, quizzes }
}

export async function catalogueTitles(db: PrismaClient = prisma): Promise<CatalogueTitles> {
  return titlesOf(await contentFacts(db))
}

// Each clerk's records the ladder counts, in one statement each for any number of clerks (up to CHUNK); run on
// the prepared-read connection, or inside an approval's transaction when given its client.
const submittedAttemptRows = preparedReadFor((q, userIds: readonly string[]) =>
  q
    .selectFrom('Attempt as a')
    .innerJoin('QuizVersion as v', 'v.id', 'a.quizVersionId')
    .select(['a.userId', 'a.quizId', 'a.percent', 'a.passed', 'a.submittedAt', 'v.number'])
    .where('a.userId', 'in', userIds)
    .where('a.status', '=', 'submitted')
    .where('a.percent', 'is not', null),
)
const inspectionRows = preparedReadFor((q, userIds: readonly string[], sinceDay: string) =>
  q.selectFrom('Inspection').select(['userId', 'day', 'total']).where('userId', 'in', userIds).where('day', '>=', sinceDay),
)
const satisfactionRows = preparedReadFor((q, userIds: readonly string[], sinceMonth: string) =>
  q.selectFrom('SatisfactionMonth').select(['userId', 'month', 'ratings', 'average']).where('userId', 'in', userIds).where('month', '>=', sinceMonth),
)
const complaintRows = preparedReadFor((q, userIds: readonly string[], sinceDay: string) =>
  q.selectFrom('Complaint').select(['userId', 'day', 'liable']).where('userId', 'in', userIds).where('day', '>=', sinceDay),
)

/** The star evidence of each clerk named, as of `now`. */
export async function starEvidenceOf(userIds: string[], now: Date, db: PrismaClient = prisma): Promise<Map<string, StarEvidence>> {
  const facts = await contentFacts(db)
  const titles = titlesOf(facts)
  const sinceMonth = windowStartMonth(now, MAX_WINDOW_MONTHS)
  const since = `${sinceMonth}-01`
  const [reads, attempts, inspections, satisfaction, complaints, mentoring] = await Promise.all([
    inChunks(userIds, (ids) => moduleReadsOf(ids, db)),
    inChunks(userIds, (ids) => submittedAttemptRows(db, ids)),
    inChunks(userIds, (ids) => inspectionRows(db, ids, since)),
    inChunks(userIds, (ids) => satisfactionRows(db, ids, sinceMonth)),
    inChunks(userIds, (ids) => complaintRows(db, ids, since)),
    mentoringEvidence(userIds, now, db),
  ])
  const group = <T extends { userId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>()
    for (const row of rows) {
      const list = map.get(row.userId)
      if (list) list.push(row)
      else map.set(row.userId, [row])
    }
    return map
  }
  const [readsBy, attemptsBy, inspectionsBy, satisfactionBy, complaintsBy] = [group(reads), group(attempts), group(inspections), group(satisfaction), group(complaints)]
  const result = new Map<string, StarEvidence>()
  for (const userId of userIds) {
    const read = new Set((readsBy.get(userId) ?? []).map((r) => r.moduleVersionId))
    const mine = attemptsBy.get(userId) ?? []
    const passed = new Set(mine.filter((a) => a.passed !== null && flag(a.passed)).map((a) => a.quizId))
    const courses: Record<string, CourseEvidence> = {}
    for (const v of facts.versions) {
      const course = (courses[v.courseId] ??= { title: titles.courses.get(v.courseId)!, versions: [] })
      const quizIds = JSON.parse(v.quizIds) as string[]
      const completed = v.modules.length > 0 && v.modules.every((m) => read.has(m.moduleVersionId)) && quizIds.every((q) => passed.has(q))
      ;(course.versions as CourseEvidence['versions'][number][]).push({ number: v.number, publishedAt: v.createdAt, recertify: v.recertify, completed })
    }
    const quizzes: Record<string, QuizEvidence> = {}
    for (const [quizId, quiz] of titles.quizzes) {
      quizzes[quizId] = {
        title: quiz.title,
        courseId: quiz.courseId,
        attempts: mine.filter((a) => a.quizId === quizId && a.submittedAt !== null).map((a) => ({ percent: a.percent!, submittedAt: instant(a.submittedAt!), versionNumber: a.number })),
      }
    }
    const m = mentoring?.get(userId)
    result.set(userId, {
      courses,
      quizzes,
      inspections: (inspectionsBy.get(userId) ?? []).map((i) => ({ ...i, total: Number(i.total) })),
      satisfaction: (satisfactionBy.get(userId) ?? []).map((m) => ({ ...m, ratings: Number(m.ratings), average: Number(m.average) })),
      complaints: (complaintsBy.get(userId) ?? []).map((c) => ({ ...c, liable: flag(c.liable) })),
      checklistSignedOff: m?.checklistSignedOff ?? false,
      menteesCompleted: m?.menteesCompleted ?? 0,
      panelReviewed: false,
    })
  }
  return result
}
