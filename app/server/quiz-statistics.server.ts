// Owns the quiz statistics pages: a quiz's submitted attempts within the viewer's halls, read in a few batched
// queries whatever their number, and turned by app/core into Moodle's figures, option pick rates and dialogue paths.
import { unitScopeOf, type Viewer } from '~/core/permissions'
import { figuresOf, itemReports, maxMarkOf, responsesOfSteps, scoreDistribution, StoredResult, type QuizStatisticsPage } from '~/core/quiz/statistics-report'
import { itemVerdicts } from '~/core/quiz/item-verdicts'
import { prisma } from './db.server'
import { currentQuizVersion } from './quiz-versions.server'
import { currentQuizzes } from './quiz-titles.server'

export type * from '~/core/quiz/statistics-report'

/** The attempts a viewer may count: those of learners whose hall lies under one of the viewer's units. */
/** The attempts a viewer may see: those of clerks in halls within the viewer's units. */
export function attemptScopeWhere(viewer: Viewer) {
  const scope = unitScopeOf(viewer)
  if (scope.includes('/')) return {}
  if (scope.length === 0) return { id: { in: [] as string[] } } // a viewer without units sees no attempts
  return { user: { hall: { OR: scope.map((prefix) => ({ path: { startsWith: prefix } })) } } }
}

/**
 * The statistics of a quiz's current version. Only attempts on that version are read: another version may have
 * other items, options or points, and mixing them would make the figures meaningless. 404 for an unknown quiz.
 */
export async function quizStatisticsFor(viewer: Viewer, quizId: string, unitPath?: string): Promise<QuizStatisticsPage> {
  const version = await currentQuizVersion(quizId)
  // one unit of the viewer's (checked by the caller): the page behind that unit's quiz figures on its overview
  const scope = unitPath === undefined ? attemptScopeWhere(viewer) : { user: { hall: { path: { startsWith: unitPath } } } }
  const where = { quizVersionId: version.id, status: 'submitted', ...scope }
  const attempts = await prisma.attempt.findMany({
    where,
    select: { id: true, userId: true, seed: true, percent: true, passed: true, result: true },
    orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
  })
  // Moodle's default: the analysis (figures, response analysis) reads each learner's first attempt, here the first
  // submitted attempt on this version by start time; counts and distribution read every attempt.
  const firstByLearner = new Map<string, (typeof attempts)[number]>()
  for (const attempt of attempts) if (!firstByLearner.has(attempt.userId)) firstByLearner.set(attempt.userId, attempt)
  const first = [...firstByLearner.values()]
  // What each analysed attempt answered comes from its step log, in one query filtered by the attempts' own
  // conditions rather than a list of ids (which grows with the attempts); later attempts' steps are dropped here.
  const steps = await prisma.attemptStep.findMany({
    where: { attempt: where },
    select: { attemptId: true, itemId: true, kind: true, payload: true },
    orderBy: { id: 'asc' },
  })
  const stepsOf = new Map(first.map((attempt) => [attempt.id, [] as typeof steps]))
  for (const step of steps) stepsOf.get(step.attemptId)?.push(step)
  const analysed = first.flatMap(({ id, seed, result }) => {
    const parsed = StoredResult.safeParse(JSON.parse(result ?? 'null'))
    const responses = responsesOfSteps(version.quiz, seed, stepsOf.get(id) ?? [], version.context)
    return parsed.success ? [{ id, result: parsed.data, responses }] : []
  })
  const figures = figuresOf(version.quiz, analysed)
  const report = itemReports(version.quiz, analysed, version.context, figures)
  const passed = attempts.filter((a) => a.passed).length
  return {
    quiz: {
      id: quizId,
      kind: version.kind,
      courseId: version.courseId,
      titleZh: version.titleZh,
      titleEn: version.titleEn,
      passMark: version.passMark,
      maxPoints: version.quiz.items.reduce((sum, item) => sum + maxMarkOf(item), 0),
    },
    wholeOrganisation: unitPath === undefined ? unitScopeOf(viewer).includes('/') : unitPath === '/',
    attempts: attempts.length,
    learners: new Set(attempts.map((a) => a.userId)).size,
    passed,
    passRate: attempts.length > 0 ? passed / attempts.length : null,
    distribution: scoreDistribution(attempts.map((a) => a.percent ?? 0)),
    analysed: analysed.length,
    figures: figures?.quiz ?? null,
    items: report,
    verdicts: itemVerdicts(report, analysed.length),
  }
}

export interface QuizListEntry {
  id: string
  kind: string
  courseId: string
  titleZh: string
  titleEn: string
  attempts: number
  passRate: number | null
}

export interface QuizList {
  quizzes: QuizListEntry[]
  practice: { courseId: string; titleZh: string; titleEn: string; quizzes: QuizListEntry[] }[]
}

/**
 * Every quiz's current version with its submitted attempts (within the viewer's halls) and pass rate: real quizzes
 * first, then the practice dialogues grouped by course. Three queries whatever the number of quizzes.
 */
export async function quizListFor(viewer: Viewer): Promise<QuizList> {
  const versions = (await currentQuizzes()).map(({ versionId, ...quiz }) => ({ id: versionId, ...quiz }))
  const [counts, courses] = await Promise.all([
    prisma.attempt.groupBy({
      by: ['quizVersionId', 'passed'],
      where: { status: 'submitted', quizVersionId: { in: versions.map((v) => v.id) }, ...attemptScopeWhere(viewer) },
      _count: { _all: true },
    }),
    prisma.course.findMany({
      where: { id: { in: [...new Set(versions.map((v) => v.courseId))] } },
      select: { id: true, currentVersion: { select: { titleZh: true, titleEn: true } } },
    }),
  ])
  const entries = versions.map(({ id, quizId, ...version }): QuizListEntry => {
    const mine = counts.filter((row) => row.quizVersionId === id)
    const attempts = mine.reduce((sum, row) => sum + row._count._all, 0)
    const passed = mine.filter((row) => row.passed).reduce((sum, row) => sum + row._count._all, 0)
    return { id: quizId, ...version, attempts, passRate: attempts > 0 ? passed / attempts : null }
  })
  const practice = entries.filter((entry) => entry.kind === 'practice')
  const courseIds = [...new Set(practice.map((entry) => entry.courseId))]
  return {
    quizzes: entries.filter((entry) => entry.kind !== 'practice'),
    practice: courseIds.map((courseId) => {
      const title = courses.find((course) => course.id === courseId)?.currentVersion
      return {
        courseId,
        titleZh: title?.titleZh ?? courseId,
        titleEn: title?.titleEn ?? courseId,
        quizzes: practice.filter((entry) => entry.courseId === courseId),
      }
    }),
  }
}
