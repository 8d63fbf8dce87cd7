// Owns the statistics report of a quiz: from stored attempt results and dialogue paths to Moodle's figures,
// the score distribution, option pick rates and the turns of each dialogue. Pure: the server reads, this builds.
import { z } from 'zod'
import { dialogueStatistics, optionPickRates, type DialoguePath, type OptionResponse } from '../option-statistics'
import { quizStatistics, type ItemFigures, type QuizFigures } from '../quiz-statistics'
import type { Quiz } from './quiz'
import { itemTypeOf, type QuizItem } from './registry'
import type { ScenarioItem } from './scenario'
import { isEndNode, nodeById, reachableNodeIds, type EndKind, type Mood, type Scenario, type TurnNode } from './scenario-graph'
import { replayScenario } from './scenario-play'
import type { LocalizedText } from './schema-parts'

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
export const StoredResult = z.object({
  items: z.array(z.object({ itemId: z.string(), points: z.number() })),
  reviews: z.array(
    z.object({
      itemId: z.string(),
      review: z.object({ options: z.array(z.object({ id: z.string(), chosen: z.boolean() })).optional() }),
    }),
  ),
})
export type StoredResult = z.infer<typeof StoredResult>

const BANDS = 10
const TOP_PATHS = 5
const MINIMUM_ATTEMPTS = 2

// The version's own maximum, which is what scoring wrote as `maxPoints` into every attempt on this version.
export const maxMarkOf = (item: QuizItem) => itemTypeOf(item).maxPoints(item)

export const pickItemFigures = (figures: ItemFigures): ItemFigureRow => ({
  facility: figures.facility,
  sd: figures.sd,
  discriminationIndex: figures.discriminationIndex,
  discriminativeEfficiency: figures.discriminativeEfficiency,
  effectiveWeight: figures.effectiveWeight,
})

/** Moodle's figures on the marks of `result.items`; null with fewer than 2 attempts or an unreadable one. */
export function figuresOf(quiz: Quiz, analysed: { id: string; result: StoredResult }[]) {
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
export function scoreDistribution(percents: number[]): ScoreBand[] {
  const counts = new Array<number>(BANDS).fill(0)
  for (const percent of percents) counts[Math.min(BANDS - 1, Math.max(0, Math.floor(percent / BANDS)))] += 1
  return counts.map((count, band) => ({ from: band * BANDS, to: (band + 1) * BANDS, count }))
}

export function optionRows(
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
export function recordedPaths(
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

export function dialogueReport(
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
