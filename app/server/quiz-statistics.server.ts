// Owns the quiz statistics pages: a quiz's submitted attempts within the viewer's halls, read in a few batched
// queries whatever their number, and turned by app/core into Moodle's figures, option pick rates and dialogue paths.
import { unitScopeOf, type Viewer } from '~/core/permissions'
import {
  dialogueReport,
  figuresOf,
  maxMarkOf,
  optionRows,
  pickItemFigures,
  recordedPaths,
  scoreDistribution,
  StoredResult,
  type QuizStatisticsPage,
} from '~/core/quiz/statistics-report'
import { prisma } from './db.server'
import { currentQuizVersion } from './quiz-versions.server'
import { currentQuizzes } from './quiz-titles.server'

export type * from '~/core/quiz/statistics-report'

/** The attempts a viewer may count: those of learners whose hall lies under one of the viewer's units. */
function attemptScopeWhere(viewer: Viewer) {
  const scope = unitScopeOf(viewer)
  if (scope.includes('/')) return {}
  if (scope.length === 0) return { id: { in: [] as string[] } } // a viewer without units sees no attempts
  return { user: { hall: { OR: scope.map((prefix) => ({ path: { startsWith: prefix } })) } } }
}

/**
 * The statistics of a quiz's current version. Only attempts on that version are read: another version may have
 * other items, options or points, and mixing them would make the figures meaningless. 404 for an unknown quiz.
 */
export async function quizStatisticsFor(viewer: Viewer, quizId: string): Promise<QuizStatisticsPage> {
  const version = await currentQuizVersion(quizId)
  const where = { quizVersionId: version.id, status: 'submitted', ...attemptScopeWhere(viewer) }
  const attempts = await prisma.attempt.findMany({
    where,
    select: { id: true, userId: true, percent: true, passed: true, result: true },
    orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
  })
  // Moodle's default: the analysis (figures, option pick rates, dialogue paths) reads each learner's first attempt,
  // here the first submitted attempt on this version by start time; counts and distribution read every attempt.
  const firstByLearner = new Map<string, (typeof attempts)[number]>()
  for (const attempt of attempts) if (!firstByLearner.has(attempt.userId)) firstByLearner.set(attempt.userId, attempt)
  const analysed = [...firstByLearner.values()].flatMap(({ id, result }) => {
    const parsed = StoredResult.safeParse(JSON.parse(result ?? 'null'))
    return parsed.success ? [{ id, result: parsed.data }] : []
  })
  const hasDialogue = version.quiz.items.some((item) => item.type === 'scenario')
  // Filtered by the attempts' own conditions rather than a list of ids (which grows with the attempts); the
  // steps of later attempts are dropped in memory by recordedPaths.
  const replySteps = hasDialogue
    ? await prisma.attemptStep.findMany({
        where: { kind: 'reply', attempt: where },
        select: { attemptId: true, itemId: true, payload: true },
        orderBy: { id: 'asc' },
      })
    : []
  const figures = figuresOf(version.quiz, analysed)
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
    wholeOrganisation: unitScopeOf(viewer).includes('/'),
    attempts: attempts.length,
    learners: new Set(attempts.map((a) => a.userId)).size,
    passed,
    passRate: attempts.length > 0 ? passed / attempts.length : null,
    distribution: scoreDistribution(attempts.map((a) => a.percent ?? 0)),
    analysed: analysed.length,
    figures: figures?.quiz ?? null,
    items: version.quiz.items.map((item, index) => ({
      id: item.id,
      type: item.type,
      prompt: 'prompt' in item ? (item.prompt ?? null) : null,
      maxMark: maxMarkOf(item),
      figures: figures ? pickItemFigures(figures.items[index]) : null,
      options: item.type === 'single' || item.type === 'multiple' ? optionRows(item, analysed) : null,
      dialogue:
        item.type === 'scenario'
          ? dialogueReport(item, version.context.scenarios, recordedPaths(item.id, analysed, replySteps))
          : null,
    })),
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
