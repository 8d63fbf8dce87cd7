// Owns a dialogue item's response analysis: reply pick rates per turn, the common paths and the costly turn.
import { dialogueStatistics, type DialoguePath } from '../option-statistics'
import type { ScenarioItem } from './scenario'
import { isEndNode, nodeById, reachableNodeIds, type EndKind, type Mood, type Scenario, type TurnNode } from './scenario-graph'
import { replayScenario } from './scenario-play'
import type { LocalizedText } from './schema-parts'

const TOP_PATHS = 5

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

/** Replays one recorded path on the scenario graph, giving every turn its node, points and the node's best. */
function dialoguePathOf(scenario: Scenario, replyIds: readonly string[]): DialoguePath {
  const replay = replayScenario(scenario, replyIds)
  if (replay.ok) return replay.state.path
  // a path that stops fitting the graph keeps the turns before the misfit
  const prefix = replayScenario(scenario, replyIds.slice(0, replay.index))
  return prefix.ok ? prefix.state.path : []
}

/** The most any reply at this turn is worth, as the scenario engine records it with each step. */
const bestPointsAt = (node: TurnNode) => Math.max(...node.replies.map((reply) => reply.points))

/** The report of one dialogue item over the reply ids each analysed attempt recorded; null when its scenario is not loaded. */
export function dialogueReport(
  item: ScenarioItem,
  scenarios: ReadonlyMap<string, Scenario>,
  recorded: readonly (readonly string[])[],
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
