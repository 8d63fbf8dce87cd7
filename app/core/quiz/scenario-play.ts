// Owns playing a scenario one node at a time: the node the client may see, and recording a reply as a step.
import type { DialogueStep } from '../option-statistics'
import { isEndNode, nodeById, type EndKind, type Mood, type Scenario, type ScenarioReply, type TurnNode } from './scenario-graph'
import { opaqueId, seededShuffle } from './shuffle'

/** One turn taken: the node, the reply chosen there, its points and the most any reply there was worth. */
export type ScenarioStep = DialogueStep

/** Where a clerk is in a scenario: the steps so far, the node now shown, and the end kind once reached. */
export interface ScenarioState {
  path: ScenarioStep[]
  currentNodeId: string
  ended: EndKind | null
}

/** What the client sees of a node: the customer's line and the replies (opaque ids, shuffled), or the ending. */
export type ScenarioNodeView =
  | { type: 'turn'; customer: string; mood: Mood; replies: { id: string; text: string }[] }
  | { type: 'end'; end: EndKind; text: string }

export type ScenarioPlayError = 'ended' | 'unknown-node' | 'unknown-reply'

export type ApplyReplyResult = { ok: true; state: ScenarioState; step: ScenarioStep } | { ok: false; error: ScenarioPlayError }

/** The state before the first reply. */
export function startScenario(scenario: Scenario): ScenarioState {
  const start = nodeById(scenario, scenario.start)
  return { path: [], currentNodeId: scenario.start, ended: start && isEndNode(start) ? start.end : null }
}

// Reply ids repeat from node to node (r1, r2 …), so the node id is part of what is hashed.
const replyOpaqueId = (seed: string, nodeId: string, replyId: string) => opaqueId(seed, `${nodeId}/${replyId}`)

/** The view of one node: no points, feedback or `next`; null when there is no such node. */
export function scenarioView(scenario: Scenario, nodeId: string, seed: string): ScenarioNodeView | null {
  const node = nodeById(scenario, nodeId)
  if (!node) return null
  if (isEndNode(node)) return { type: 'end', end: node.end, text: node.text }
  const replies = seededShuffle(node.replies, `${seed}/${node.id}`)
  return {
    type: 'turn',
    customer: node.customer,
    mood: node.mood,
    replies: replies.map((reply) => ({ id: replyOpaqueId(seed, node.id, reply.id), text: reply.text })),
  }
}

/** Records the reply the client chose (by its opaque id) at the current node; the state passed in is not changed. */
export function applyReply(scenario: Scenario, state: ScenarioState, opaqueReplyId: string, seed: string): ApplyReplyResult {
  return advance(scenario, state, (node) =>
    node.replies.find((reply) => replyOpaqueId(seed, node.id, reply.id) === opaqueReplyId),
  )
}

/** Rebuilds the state from the authored reply ids the server recorded, e.g. to resume or score an attempt. */
export function replayScenario(
  scenario: Scenario,
  replyIds: readonly string[],
): { ok: true; state: ScenarioState } | { ok: false; error: ScenarioPlayError; index: number } {
  let state = startScenario(scenario)
  for (const [index, replyId] of replyIds.entries()) {
    const result = advance(scenario, state, (node) => node.replies.find((reply) => reply.id === replyId))
    if (!result.ok) return { ok: false, error: result.error, index }
    state = result.state
  }
  return { ok: true, state }
}

/** The points of the path taken so far. */
export function pathPoints(state: ScenarioState): number {
  return state.path.reduce((sum, step) => sum + step.points, 0)
}

function advance(
  scenario: Scenario,
  state: ScenarioState,
  pick: (node: TurnNode) => ScenarioReply | undefined,
): ApplyReplyResult {
  if (state.ended) return { ok: false, error: 'ended' }
  const node = nodeById(scenario, state.currentNodeId)
  if (!node || isEndNode(node)) return { ok: false, error: 'unknown-node' }
  const reply = pick(node)
  if (!reply) return { ok: false, error: 'unknown-reply' }
  const next = nodeById(scenario, reply.next)
  if (!next) return { ok: false, error: 'unknown-node' }
  const bestPoints = Math.max(...node.replies.map((candidate) => candidate.points))
  const step: ScenarioStep = { nodeId: node.id, replyId: reply.id, points: reply.points, bestPoints }
  return {
    ok: true,
    step,
    state: { path: [...state.path, step], currentNodeId: next.id, ended: isEndNode(next) ? next.end : null },
  }
}
