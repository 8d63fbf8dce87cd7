// Owns the quiz statistics pages: a quiz's submitted attempts within the viewer's halls, read in a few batched
// queries whatever their number, and turned by app/core into Moodle's figures, option pick rates and dialogue paths.
import { z } from 'zod'
import { dialogueStatistics, optionPickRates, type DialoguePath, type OptionResponse } from '~/core/option-statistics'
import { unitScopeOf, type Viewer } from '~/core/permissions'
import { quizStatistics, type ItemFigures, type QuizFigures } from '~/core/quiz-statistics'
import type { Quiz } from '~/core/quiz/quiz'
import { itemTypeOf, type QuizItem } from '~/core/quiz/registry'
import type { ScenarioItem } from '~/core/quiz/scenario'
import {
  isEndNode,
  nodeById,
  reachableNodeIds,
  type EndKind,
  type Mood,
  type Scenario,
  type TurnNode,
} from '~/core/quiz/scenario-graph'
import { replayScenario } from '~/core/quiz/scenario-play'
import type { LocalizedText } from '~/core/quiz/schema-parts'
import { prisma } from './db.server'
import { currentQuizVersion } from './quiz-versions.server'

export interface ScoreBand {
  /** Percent of the maximum, from (inclusive) to (exclusive, except the last band, which holds 100). */
  from: number
  to: number
  count: number
}

export interface OptionRow {
  id: string
  text: string
  correct: boolean
  picks: number
  rate: number | null
}

export interface ReplyRow {
  id: string
  text: string
  points: number
  bestPoints: number
  picks: number
  rate: number | null
}

export interface TurnRow {
  nodeId: string
  customer: string
  mood: Mood
  visits: number
  meanPointsLost: number | null
  worst: boolean
  replies: ReplyRow[]
}

export interface PathRow {
  steps: { nodeId: string; replyId: string; reply: string; points: number; bestPoints: number }[]
  count: number
  share: number
  /** The ending reached; null when the attempt was submitted before the dialogue ended. */
  ending: EndKind | null
}

export interface DialogueReport {
  title: LocalizedText
  paths: number
  turns: TurnRow[]
  commonPaths: PathRow[]
  worstTurn: { nodeId: string; customer: string; visits: number; meanPointsLost: number } | null
}

export type ItemFigureRow = Pick<
  ItemFigures,
  'facility' | 'sd' | 'discriminationIndex' | 'discriminativeEfficiency' | 'effectiveWeight'
>

export interface ItemReport {
  id: string
  type: QuizItem['type']
  prompt: string | null
  maxMark: number
  figures: ItemFigureRow | null
  options: { responses: number; blanks: number; rows: OptionRow[] } | null
  dialogue: DialogueReport | null
}

export interface QuizStatisticsPage {
  quiz: { id: string; kind: string; courseId: string; titleZh: string; titleEn: string; passMark: number; maxPoints: number }
  wholeOrganisation: boolean
  attempts: number
  learners: number
  passed: number
  passRate: number | null
  distribution: ScoreBand[]
  /** Attempts the analysis reads: each learner's first submitted attempt. */
  analysed: number
  figures: QuizFigures | null
  items: ItemReport[]
}

// The parts of a stored AttemptReview the statistics read; anything else in it is ignored.
const StoredResult = z.object({
  items: z.array(z.object({ itemId: z.string(), points: z.number() })),
  reviews: z.array(
    z.object({
      itemId: z.string(),
      review: z.object({ options: z.array(z.object({ id: z.string(), chosen: z.boolean() })).optional() }),
    }),
  ),
})
type StoredResult = z.infer<typeof StoredResult>

const BANDS = 10
const TOP_PATHS = 5
const MINIMUM_ATTEMPTS = 2

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

// The version's own maximum, which is what scoring wrote as `maxPoints` into every attempt on this version.
const maxMarkOf = (item: QuizItem) => itemTypeOf(item).maxPoints(item)

const pickItemFigures = (figures: ItemFigures): ItemFigureRow => ({
  facility: figures.facility,
  sd: figures.sd,
  discriminationIndex: figures.discriminationIndex,
  discriminativeEfficiency: figures.discriminativeEfficiency,
  effectiveWeight: figures.effectiveWeight,
})

/** Moodle's figures on the marks of `result.items`; null with fewer than 2 attempts or an unreadable one. */
function figuresOf(quiz: Quiz, analysed: { id: string; result: StoredResult }[]) {
  if (analysed.length < MINIMUM_ATTEMPTS) return null
  const input = {
    quiz: quiz.id,
    items: quiz.items.map((item) => ({ id: item.id, maxMark: maxMarkOf(item) })),
    attempts: analysed.map(({ id, result }) => ({
      id,
      user: id,
      marks: Object.fromEntries(result.items.map((item) => [item.itemId, item.points])),
    })),
  }
  try {
    return quizStatistics(input)
  } catch {
    return null // a stored result that does not fit its version: show no figures rather than wrong ones
  }
}

/** Counts per 10% band of the score; 100% falls into the last band. */
function scoreDistribution(percents: number[]): ScoreBand[] {
  const counts = new Array<number>(BANDS).fill(0)
  for (const percent of percents) counts[Math.min(BANDS - 1, Math.max(0, Math.floor(percent / BANDS)))] += 1
  return counts.map((count, band) => ({ from: band * BANDS, to: (band + 1) * BANDS, count }))
}

function optionRows(
  item: Extract<QuizItem, { type: 'single' | 'multiple' }>,
  analysed: { result: StoredResult }[],
): ItemReport['options'] {
  const responses: OptionResponse[][] = analysed.map(({ result }) =>
    result.reviews
      .filter((entry) => entry.itemId === item.id && entry.review.options)
      .map((entry) => ({
        itemId: item.id,
        optionIds: (entry.review.options ?? []).filter((option) => option.chosen).map((option) => option.id),
      })),
  )
  const [rates] = optionPickRates(responses, [{ itemId: item.id, optionIds: item.options.map((option) => option.id) }])
  const byId = new Map(rates.options.map((rate) => [rate.optionId, rate]))
  return {
    responses: rates.responses,
    blanks: rates.blanks,
    rows: item.options.map((option) => ({
      id: option.id,
      text: option.text,
      correct: option.correct === true,
      picks: byId.get(option.id)?.picks ?? 0,
      rate: byId.get(option.id)?.rate ?? null,
    })),
  }
}

const ReplyPayload = z.string()

/** The authored reply ids each analysed attempt recorded for one dialogue item, in the order chosen. */
function recordedPaths(
  itemId: string,
  analysed: { id: string }[],
  steps: { attemptId: string; itemId: string; payload: string }[],
): string[][] {
  const byAttempt = new Map<string, string[]>(analysed.map((attempt) => [attempt.id, []]))
  for (const step of steps) {
    const replies = step.itemId === itemId ? byAttempt.get(step.attemptId) : undefined
    const replyId = replies ? ReplyPayload.safeParse(JSON.parse(step.payload)) : null
    if (replies && replyId?.success) replies.push(replyId.data)
  }
  return [...byAttempt.values()]
}

/** Replays one recorded path on the scenario graph, giving every turn its node, points and the node's best. */
function dialoguePathOf(scenario: Scenario, replyIds: string[]): DialoguePath {
  const replay = replayScenario(scenario, replyIds)
  if (replay.ok) return replay.state.path
  // a path that stops fitting the graph keeps the turns before the misfit
  const prefix = replayScenario(scenario, replyIds.slice(0, replay.index))
  return prefix.ok ? prefix.state.path : []
}

/** The most any reply at this turn is worth, as the scenario engine records it with each step. */
const bestPointsAt = (node: TurnNode) => Math.max(...node.replies.map((reply) => reply.points))

function dialogueReport(
  item: ScenarioItem,
  scenarios: ReadonlyMap<string, Scenario>,
  recorded: string[][],
): DialogueReport | null {
  const scenario = scenarios.get(item.scenario)
  if (!scenario) return null
  const paths = recorded.map((replyIds) => dialoguePathOf(scenario, replyIds))
  const stats = dialogueStatistics(paths, TOP_PATHS)
  const picksAt = new Map(stats.replies.map((node) => [node.nodeId, node]))
  const lossAt = new Map(stats.turnLosses.map((turn) => [turn.nodeId, turn]))
  const reached = reachableNodeIds(scenario)
  const turns = scenario.nodes.flatMap((node): TurnRow[] => {
    if (isEndNode(node) || !reached.has(node.id)) return []
    const visits = picksAt.get(node.id)?.visits ?? 0
    const bestPoints = bestPointsAt(node)
    return [
      {
        nodeId: node.id,
        customer: node.customer,
        mood: node.mood,
        visits,
        meanPointsLost: lossAt.get(node.id)?.meanPointsLost ?? null,
        worst: stats.worstTurn?.nodeId === node.id,
        replies: node.replies.map((reply) => {
          const picks = picksAt.get(node.id)?.replies.find((rate) => rate.replyId === reply.id)?.picks ?? 0
          return { id: reply.id, text: reply.text, points: reply.points, bestPoints, picks, rate: visits > 0 ? picks / visits : null }
        }),
      },
    ]
  })
  const worstNode = stats.worstTurn ? nodeById(scenario, stats.worstTurn.nodeId) : undefined
  return {
    title: scenario.title,
    paths: paths.length,
    turns,
    commonPaths: stats.commonPaths.map((path) => pathRow(scenario, path.steps, path.count, path.share)),
    worstTurn:
      stats.worstTurn && worstNode && !isEndNode(worstNode)
        ? {
            nodeId: worstNode.id,
            customer: worstNode.customer,
            visits: stats.worstTurn.visits,
            meanPointsLost: stats.worstTurn.meanPointsLost,
          }
        : null,
  }
}

function pathRow(scenario: Scenario, steps: { nodeId: string; replyId: string }[], count: number, share: number): PathRow {
  const turns = steps.flatMap(({ nodeId, replyId }) => {
    const node = nodeById(scenario, nodeId)
    const reply = node && !isEndNode(node) ? node.replies.find((candidate) => candidate.id === replyId) : undefined
    return node && !isEndNode(node) && reply ? [{ node, reply }] : []
  })
  const last = turns.at(-1)
  const end = last ? nodeById(scenario, last.reply.next) : undefined
  return {
    steps: turns.map(({ node, reply }) => ({
      nodeId: node.id,
      replyId: reply.id,
      reply: reply.text,
      points: reply.points,
      bestPoints: bestPointsAt(node),
    })),
    count,
    share,
    ending: end && isEndNode(end) ? end.end : null,
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
  const versions = await prisma.quizVersion.findMany({
    where: { current: { isNot: null } },
    select: { id: true, quizId: true, kind: true, courseId: true, titleZh: true, titleEn: true },
    orderBy: [{ courseId: 'asc' }, { quizId: 'asc' }],
  })
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
