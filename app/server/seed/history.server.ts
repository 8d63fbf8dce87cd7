// Six months of believable demo activity: module reads, quiz and practice attempts with realistic scores,
// assignments (some overdue, some done, one cancelled), a 催学 reminder. Deterministic (a seeded generator, every
// time relative to `now`) and idempotent (its assignments, keyed demo-history-*, are written in the same transaction as
// everything else, so finding one means all is there).
// Attempts are scored by the quiz engine itself (reviewToStore) and stored in the shape submitAttempt stores.
import { SEED_TRANSACTION } from './transaction.server'
import { duringOpeningHours, hallDay } from '~/core/dates'
import type { CompiledPhraseList } from '~/core/phrases'
import type { ScoringContext } from '~/core/quiz/item-type'
import { scoreAttempt, type Quiz } from '~/core/quiz/quiz'
import { itemTypeOf, type QuizItem } from '~/core/quiz/registry'
import { bestPath, pathsToEnds, type Scenario } from '~/core/quiz/scenario-graph'
import { reviewToStore } from '~/core/quiz/stored-review'
import { hashString, mulberry32, opaqueId, seededShuffle } from '~/core/quiz/shuffle'
import { itemSeed } from '~/core/quiz/item-type'
import type { Prisma, PrismaClient, QuizVersion } from '~/generated/prisma/client'
import { loadForbiddenPhrases } from '../phrases.server'
import { refreshQuizRollupsOf } from '../quiz-rollup.server'
import { refreshReadRollupsOf } from '../read-rollup.server'
import { demoPeople, type DemoPerson } from './demo-data'

const DAY = 86_400_000
const HISTORY_DAYS = 182
const HISTORY_KEY = 'demo-history-'

/** The same text always gives the same sequence: the same username always gets the same history. */
export const seededRandom = (seed: string): (() => number) => mulberry32(hashString(seed))

/** How a clerk learns: strong ones read everything and pass first time, weak ones stall; a few never started. */
export interface LearnerProfile {
  started: boolean
  skill: number // chance of answering an average item right
  diligence: number // chance of going on to the next module
}

const NEVER_STARTED = new Set(['clerk07', 'clerk19', 'clerk38', 'clerk53'])

export function profileOf(username: string): LearnerProfile {
  const random = seededRandom(`profile/${username}`)
  if (NEVER_STARTED.has(username)) return { started: false, skill: 0, diligence: 0 }
  const band = random()
  if (band < 0.35) return { started: true, skill: 0.85 + random() * 0.13, diligence: 0.97 } // strong
  if (band < 0.75) return { started: true, skill: 0.62 + random() * 0.2, diligence: 0.85 } // middling
  return { started: true, skill: 0.35 + random() * 0.2, diligence: 0.6 } // weak
}

interface CourseForHistory {
  id: string
  modules: { id: string; slug: string }[]
  quizIds: string[]
}
interface QuizForHistory {
  id: string
  versionId: string
  courseId: string
  kind: string
  passMark: number
  attemptsAllowed: number
  timeLimitMinutes: number | null
  quiz: Quiz
  context: ScoringContext
}

function quizForHistory(v: QuizVersion, phrases: CompiledPhraseList): QuizForHistory {
  const definition = JSON.parse(v.definition) as { quiz: Quiz; scenarios: Record<string, Scenario> }
  return {
    id: v.quizId,
    versionId: v.id,
    courseId: v.courseId,
    kind: v.kind,
    passMark: v.passMark,
    attemptsAllowed: v.attemptsAllowed,
    timeLimitMinutes: v.timeLimitMinutes,
    quiz: definition.quiz,
    context: { scenarios: new Map(Object.entries(definition.scenarios)), phrases },
  }
}

async function loadContent(db: PrismaClient, phrases: CompiledPhraseList) {
  const courses = await db.course.findMany({
    where: { currentVersionId: { not: null } },
    select: { id: true, currentVersion: { select: { quizIds: true, modules: { orderBy: { position: 'asc' }, select: { moduleVersion: { select: { id: true, slug: true } } } } } } },
    orderBy: { id: 'asc' },
  })
  const versions = await db.quizVersion.findMany({ where: { current: { isNot: null } }, orderBy: { quizId: 'asc' } })
  const quizzes = versions.map((v) => quizForHistory(v, phrases))
  return {
    courses: courses.map((c): CourseForHistory => ({
      id: c.id,
      modules: c.currentVersion?.modules.map((m) => m.moduleVersion) ?? [],
      quizIds: JSON.parse(c.currentVersion?.quizIds ?? '[]') as string[],
    })),
    quizzes,
  }
}

// The wordings weak clerks slip into, per hall: so each hall's 晨会 pack has its own top three.
function slipPhrases(phrases: CompiledPhraseList, hall: string): string[] {
  const entries = phrases.entries.filter((e) => e.unless.length === 0 || e.category !== '推诿')
  const random = seededRandom(`slips/${hall}`)
  const picks = new Set<string>()
  while (picks.size < Math.min(4, entries.length)) picks.add(entries[Math.floor(random() * entries.length)].phrase)
  return [...picks]
}

/** The response a clerk of this skill gives to one item: the best one, or a typical wrong one. */
function responseTo(item: QuizItem, quiz: QuizForHistory, skill: number, random: () => number, slips: string[]): { response: unknown; raw: unknown } {
  const type = itemTypeOf(item)
  const difficulty = (hashString(`${quiz.id}/${item.id}`) % 100) / 250 // 0–0.4: some items are missed far more than others
  const right = random() < skill - difficulty + 0.15
  if (item.type === 'scenario') {
    const dialogue = quiz.context.scenarios.get(item.scenario)!
    const paths = pathsToEnds(dialogue)
    const replyIds = right || paths.length === 0 ? bestPath(dialogue).replyIds : paths[Math.floor(random() * paths.length)].replyIds
    return { response: { replyIds }, raw: replyIds }
  }
  const best = type.bestResponse(item, quiz.context)
  if (item.type === 'text') {
    const text = (best as { text: string }).text
    const answer = right ? text : random() < 0.7 ? `${slips[Math.floor(random() * slips.length)]}，${text}` : text.slice(0, Math.ceil(text.length / 3))
    return { response: { text: answer }, raw: answer }
  }
  const response = right ? best : type.worstResponse(item, quiz.context)
  return { response, raw: null }
}

/** The answer steps the app would have logged, where the raw shape is simple (text, single, multiple picks). */
function answerPayload(item: QuizItem, response: unknown, seed: string): unknown {
  const itemSeedText = itemSeed(seed, item.id)
  if (item.type === 'text') return (response as { text: string }).text
  if (item.type === 'single') {
    const id = (response as { optionId: string | null }).optionId
    return id === null ? undefined : opaqueId(itemSeedText, id)
  }
  if (item.type === 'multiple') return (response as { optionIds: string[] }).optionIds.map((id) => opaqueId(itemSeedText, id))
  return undefined
}

interface Writes {
  reads: Prisma.ModuleReadCreateManyInput[]
  attempts: Prisma.AttemptCreateManyInput[]
  steps: Prisma.AttemptStepCreateManyInput[]
}

function attemptOf(userId: string, username: string, quiz: QuizForHistory, skill: number, startedAt: Date, n: number, slips: string[], writes: Writes): boolean {
  const random = seededRandom(`attempt/${username}/${quiz.id}/${n}`)
  const seed = `hist-${username}-${quiz.id}-${n}`
  const id = `h${hashString(seed).toString(36)}${n}${username.slice(-2)}`
  const submittedAt = new Date(startedAt.getTime() + (4 + random() * 14) * 60_000)
  const answers = new Map(quiz.quiz.items.map((item) => [item.id, responseTo(item, quiz, skill, random, slips)]))
  return pushAttempt(writes, { id, userId, quiz, seed, startedAt, submittedAt, answers }).passed
}

/** One submitted attempt as submitAttempt stores it: steps the app would have logged, the engine's own review. */
function pushAttempt(
  writes: Writes,
  attempt: { id: string; userId: string; quiz: QuizForHistory; seed: string; startedAt: Date; submittedAt: Date; answers: Map<string, { response: unknown; raw: unknown }> },
) {
  const { id, userId, quiz, seed, startedAt, submittedAt, answers } = attempt
  const responses = new Map<string, unknown>()
  for (const item of quiz.quiz.items) {
    const { response, raw } = answers.get(item.id)!
    responses.set(item.id, response)
    if (item.type === 'scenario') {
      for (const replyId of raw as string[]) writes.steps.push({ attemptId: id, itemId: item.id, kind: 'reply', payload: JSON.stringify(replyId), createdAt: submittedAt })
    } else {
      const payload = answerPayload(item, response, seed)
      if (payload !== undefined) writes.steps.push({ attemptId: id, itemId: item.id, kind: 'answer', payload: JSON.stringify(payload), createdAt: submittedAt })
    }
  }
  const review = reviewToStore(quiz.quiz, { byItemId: responses }, quiz.context)
  writes.attempts.push({
    id,
    userId,
    quizId: quiz.id,
    quizVersionId: quiz.versionId,
    seed,
    status: 'submitted',
    openKey: null,
    startedAt,
    deadline: quiz.timeLimitMinutes ? new Date(startedAt.getTime() + quiz.timeLimitMinutes * 60_000) : null,
    submittedAt,
    closedBy: 'clerk',
    points: review.points,
    maxPoints: review.maxPoints,
    percent: review.percent,
    passed: review.passed,
    result: JSON.stringify(review),
  })
  return review
}

/** The best answer to an item, or its worst one, with the raw reply ids a dialogue logs. */
function answerOf(item: QuizItem, quiz: QuizForHistory, best: boolean): { response: unknown; raw: unknown } {
  const type = itemTypeOf(item)
  const response = best ? type.bestResponse(item, quiz.context) : type.worstResponse(item, quiz.context)
  return { response, raw: item.type === 'scenario' ? (response as { replyIds: string[] }).replyIds : null }
}

/**
 * One submitted attempt scored by the quiz engine, its percent as close to `percent` as the items allow within
 * [band.min, band.max) (a star threshold must not be crossed): items answered best, then wrong one by one in a seeded order.
 * For the stars demo's near misses, whose score must be a real attempt a manager can open.
 */
export async function seedScoredAttempt(
  db: PrismaClient,
  attempt: { userId: string; quizId: string; seed: string; percent: number; band: { min: number; max: number }; submittedAt: Date },
): Promise<boolean> {
  if (await db.attempt.findFirst({ where: { seed: attempt.seed }, select: { id: true } })) return false
  const version = await db.quizVersion.findFirst({ where: { quizId: attempt.quizId, current: { isNot: null } } })
  if (!version) return false
  const quiz = quizForHistory(version, loadForbiddenPhrases())
  const items = quiz.quiz.items
  const startedAt = new Date(attempt.submittedAt.getTime() - 20 * 60_000)
  const id = `s${hashString(attempt.seed).toString(36)}`
  let chosen: { answers: Map<string, { response: unknown; raw: unknown }>; distance: number } | null = null
  // which items go wrong is drawn per attempt (seeded), so that no item is missed by every high scorer alike
  const missOrder = seededShuffle(items.map((item) => item.id), attempt.seed)
  for (let worse = 0; worse <= items.length; worse++) {
    const missed = new Set(missOrder.slice(0, worse))
    const answers = new Map(items.map((item) => [item.id, answerOf(item, quiz, !missed.has(item.id))]))
    const percent = scoreAttempt(quiz.quiz, { byItemId: new Map([...answers].map(([k, v]) => [k, v.response])) }, quiz.context).percent
    const distance = percent >= attempt.band.min && percent < attempt.band.max ? Math.abs(percent - attempt.percent) : 1000 + Math.abs(percent - attempt.percent)
    if (!chosen || distance < chosen.distance) chosen = { answers, distance }
  }
  const writes: Writes = { reads: [], attempts: [], steps: [] }
  pushAttempt(writes, { id, userId: attempt.userId, quiz, seed: attempt.seed, startedAt, submittedAt: attempt.submittedAt, answers: chosen!.answers })
  await db.$transaction(async (tx) => {
    await tx.attempt.createMany({ data: writes.attempts })
    await tx.attemptStep.createMany({ data: writes.steps })
    await refreshQuizRollupsOf(tx, writes.attempts) // the managers' roll-up, as every writer of attempts keeps it
  }, SEED_TRANSACTION)
  return true
}

function learnerHistory(person: { id: string; username: string; hall: string; hireDate: Date | null }, content: Awaited<ReturnType<typeof loadContent>>, slips: string[], now: Date, writes: Writes) {
  const profile = profileOf(person.username)
  if (!profile.started) return
  const random = seededRandom(`history/${person.username}`)
  const from = Math.max(now.getTime() - HISTORY_DAYS * DAY, person.hireDate?.getTime() ?? 0)
  let cursor = from + random() * 40 * DAY
  // clerks read and answer during opening hours; before the last attempt's 18 minutes would reach past now
  const latest = new Date(now.getTime() - 20 * 60_000)
  const atWork = (t: number) => duringOpeningHours(new Date(t), latest)
  const byId = new Map(content.quizzes.map((q) => [q.id, q]))
  for (const course of seededShuffle(content.courses, `courses/${person.username}`)) {
    if (random() > profile.diligence + 0.05) continue
    let read = 0
    for (const module of course.modules) {
      cursor += (1 + random() * 11) * DAY // a module a week or so, between shifts
      if (cursor >= now.getTime() || (read > 0 && random() > profile.diligence)) break
      writes.reads.push({ userId: person.id, moduleVersionId: module.id, courseId: course.id, slug: module.slug, readAt: atWork(cursor) })
      read++
    }
    if (read < course.modules.length) continue
    for (const quizId of course.quizIds) {
      const quiz = byId.get(quizId)
      if (!quiz) continue
      let skill = profile.skill
      for (let n = 1; n <= (quiz.attemptsAllowed || 3); n++) {
        cursor += (1 + random() * 9) * DAY
        if (cursor >= now.getTime()) break
        if (attemptOf(person.id, person.username, quiz, skill, atWork(cursor), n, slips, writes)) break
        skill = Math.min(0.98, skill + 0.12) // re-reading after a fail helps
      }
    }
  }
  const practice = content.quizzes.filter((q) => q.kind === 'practice')
  const count = Math.floor(random() * 5)
  for (let i = 0; i < count && practice.length; i++) {
    const quiz = practice[Math.floor(random() * practice.length)]
    const at = from + random() * (now.getTime() - from)
    attemptOf(person.id, person.username, quiz, profile.skill, atWork(at), 100 + i, slips, writes)
  }
}

/** The first clerk of these halls with no passed attempt of the course's quiz: overdue on that course. */
function firstWithoutPass(users: { id: string; username: string }[], demo: Map<string, DemoPerson>, halls: string[], courseId: string, writes: Writes): string | undefined {
  const passed = new Set(writes.attempts.filter((a) => a.passed && a.quizId.startsWith(courseId)).map((a) => a.userId))
  return users.find((u) => u.username.startsWith('clerk') && halls.includes(demo.get(u.username)?.hall ?? '') && !passed.has(u.id))?.id
}

const dayOffset = (now: Date, days: number) => hallDay(new Date(now.getTime() + days * DAY))

/** Assignments managers made over the months: done, overdue, due soon, one to a named clerk, one cancelled. */
function assignmentPlan(now: Date) {
  return [
    { key: 'etiquette-R01', course: 'etiquette', unit: 'R01', by: 'region01mgr', due: dayOffset(now, -30), createdDays: -75 },
    { key: 'phrasing-B03', course: 'phrasing', unit: 'B03', by: 'branch03mgr', due: dayOffset(now, -8), createdDays: -40 },
    { key: 'complaints-H01', course: 'complaints', unit: 'H01', by: 'hall01mgr', due: dayOffset(now, 14), createdDays: -10 },
    { key: 'phrasing-R02-new', course: 'phrasing', unit: 'R02', by: 'region02mgr', due: dayOffset(now, -3), createdDays: -20, newHiresOnly: true },
    { key: 'complaints-B02', course: 'complaints', unit: 'B02', by: 'branch02mgr', due: dayOffset(now, -12), createdDays: -50 },
    { key: 'etiquette-B04', course: 'etiquette', unit: 'B04', by: 'branch04mgr', due: dayOffset(now, 21), createdDays: -5 },
    { key: 'complaints-clerk09', course: 'complaints', unit: 'H01', by: 'hall01mgr', due: dayOffset(now, -2), createdDays: -15, person: 'clerk09' },
    // 入职必修 for new hires only (hired within the last 90 days): a new hire's home differs from a veteran's
    { key: 'onboarding-R01-new', course: 'onboarding', unit: 'R01', by: 'region01mgr', due: dayOffset(now, 10), createdDays: -60, newHiresOnly: true },
    { key: 'onboarding-R02-new', course: 'onboarding', unit: 'R02', by: 'region02mgr', due: dayOffset(now, 10), createdDays: -60, newHiresOnly: true },
    { key: 'phrasing-H05-cancelled', course: 'phrasing', unit: 'H05', by: 'hall05mgr', due: dayOffset(now, 30), createdDays: -25, cancelled: true },
  ]
}

export async function seedHistory(db: PrismaClient, now: Date, log: (line: string) => void = () => {}): Promise<void> {
  if (await db.assignment.findFirst({ where: { requestKey: { startsWith: HISTORY_KEY } }, select: { id: true } })) return log('history: already seeded')
  const phrases = loadForbiddenPhrases()
  const content = await loadContent(db, phrases)
  if (content.courses.length === 0) return log('history: no content imported yet, nothing seeded')
  const demo = new Map(demoPeople().map((p) => [p.username, p]))
  const users = await db.user.findMany({ where: { username: { in: [...demo.keys()] } }, select: { id: true, username: true, hireDate: true } })
  const byName = new Map(users.map((u) => [u.username, u]))
  const units = new Map((await db.orgUnit.findMany({ select: { id: true, code: true } })).map((u) => [u.code, u.id]))
  const writes: Writes = { reads: [], attempts: [], steps: [] }
  for (const user of users) {
    const person: DemoPerson | undefined = demo.get(user.username)
    if (!person?.hall || !person.roles.some((r) => r.role === 'clerk')) continue
    learnerHistory({ ...user, hall: person.hall }, content, slipPhrases(phrases, person.hall), now, writes)
  }
  const courses = new Set(content.courses.map((c) => c.id))
  await db.$transaction(async (tx) => {
    await tx.moduleRead.createMany({ data: writes.reads })
    await tx.attempt.createMany({ data: writes.attempts })
    await tx.attemptStep.createMany({ data: writes.steps })
    await refreshQuizRollupsOf(tx, writes.attempts) // the managers' roll-up, as every writer of attempts keeps it
    await refreshReadRollupsOf(tx, writes.reads.map((r) => r.userId)) // and of reads, as mark-read keeps it
    for (const plan of assignmentPlan(now).filter((p) => courses.has(p.course))) {
      const createdAt = new Date(now.getTime() + plan.createdDays * DAY)
      const created = await tx.assignment.create({
        data: {
          courseId: plan.course,
          unitId: units.get(plan.unit)!,
          newHiresOnly: plan.newHiresOnly ?? false,
          dueDay: plan.due,
          createdById: byName.get(plan.by)!.id,
          createdAt,
          requestKey: `${HISTORY_KEY}${plan.key}`,
          personId: plan.person ? byName.get(plan.person)!.id : null,
          cancelledAt: plan.cancelled ? new Date(createdAt.getTime() + 3 * DAY) : null,
        },
      })
      if (plan.cancelled) {
        await tx.assignmentChange.create({ data: { assignmentId: created.id, kind: 'cancel', fromDueDay: plan.due, byId: created.createdById, at: created.cancelledAt! } })
      }
      const nudged = plan.key === 'complaints-B02' ? firstWithoutPass(users, demo, ['H03', 'H04'], 'complaints', writes) : undefined
      if (nudged) {
        // the branch manager already nudged one overdue clerk last week
        await tx.reminder.create({
          data: { assignmentId: created.id, learnerId: nudged, remindedById: created.createdById, dueDay: plan.due, createdAt: new Date(now.getTime() - 6 * DAY), requestKey: `${HISTORY_KEY}reminder-1` },
        })
      }
    }
  }, SEED_TRANSACTION)
  log(`history: ${writes.reads.length} module reads, ${writes.attempts.length} attempts, ${writes.steps.length} steps over ${HISTORY_DAYS} days`)
}
