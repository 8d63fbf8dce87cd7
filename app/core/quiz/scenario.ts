// Owns the scenario item: a dialogue played node by node on the server; score = path points / best path × points.
import { z } from 'zod'
import { itemFeedback, itemSeed, resultFromShare, type ContentContext, type ItemType } from './item-type'
import { say } from './problem'
import {
  bestPath,
  bestPathPoints,
  isEndNode,
  nodeById,
  worstPath,
  type EndKind,
  type Mood,
  type Scenario,
} from './scenario-graph'
import {
  applyReply,
  pathPoints,
  replayScenario,
  scenarioView,
  type ScenarioNodeView,
  type ScenarioPlayError,
  type ScenarioState,
  type ScenarioStep,
} from './scenario-play'
import { dialogueReport, type DialogueReport } from './scenario-analysis'
import { itemBaseShape, SlugSchema, TextSchema, type LocalizedText } from './schema-parts'

export const ScenarioItemSchema = z
  .object({ ...itemBaseShape, type: z.literal('scenario'), prompt: TextSchema.optional(), scenario: SlugSchema })
  .strict()
export type ScenarioItem = z.infer<typeof ScenarioItemSchema>

/** The dialogue so far (customer lines and the replies chosen) and the node to answer now (or the ending). */
export interface ScenarioItemView {
  id: string
  type: 'scenario'
  title: LocalizedText
  prompt: string | null
  transcript: { customer: string; mood: Mood; reply: string; judged: JudgedTurn | null }[]
  node: ScenarioNodeView
  /** Practice, once the dialogue ended: the replies of the best path, to compare with the path taken. */
  bestPath: string[] | null
}
/** A turn already answered, judged (practice only): the reply's feedback, its points and the most the turn offered. */
export interface JudgedTurn {
  feedback: string
  points: number
  bestPoints: number
}
/** The authored reply ids the server recorded, from the start node on. */
export interface ScenarioResponse {
  replyIds: string[]
}
export interface ScenarioReview {
  type: 'scenario'
  title: LocalizedText
  steps: { customer: string; mood: Mood; reply: string; points: number; bestPoints: number; feedback: string }[]
  ending: { end: EndKind; text: string } | null
  /** The replies of the best path through the dialogue. */
  bestPath: string[]
  feedback: string | null
}

function scenarioOf(def: ScenarioItem, ctx: ContentContext): Scenario {
  const scenario = ctx.scenarios.get(def.scenario)
  if (!scenario) throw new Error(`scenario "${def.scenario}" of item "${def.id}" is not loaded`)
  return scenario
}

function stateOf(scenario: Scenario, replyIds: readonly string[]): ScenarioState {
  const replay = replayScenario(scenario, replyIds)
  if (!replay.ok) throw new Error(`reply ${replay.index + 1} of the recorded path does not fit "${scenario.id}": ${replay.error}`)
  return replay.state
}

/** Each step joined with its node and reply, for the transcript and the review. */
function stepsOf(scenario: Scenario, state: ScenarioState) {
  return state.path.flatMap((step) => {
    const node = nodeById(scenario, step.nodeId)
    const reply = node && !isEndNode(node) ? node.replies.find((candidate) => candidate.id === step.replyId) : undefined
    return node && !isEndNode(node) && reply ? [{ step, node, reply }] : []
  })
}

/** The texts of the replies on the best path, replayed from its reply ids. */
function bestPathReplies(dialogue: Scenario): string[] {
  const replay = replayScenario(dialogue, bestPath(dialogue).replyIds)
  return replay.ok ? stepsOf(dialogue, replay.state).map(({ reply }) => reply.text) : []
}

const isReplyIdList = (raw: unknown): raw is string[] => Array.isArray(raw) && raw.every((entry) => typeof entry === 'string')

function readRecorded(raw: unknown): string[] {
  if (raw === null || raw === undefined) return []
  if (!isReplyIdList(raw)) throw new Error('the recorded scenario path is not a list of reply ids')
  return raw
}

export const scenario: ItemType<ScenarioItem, ScenarioItemView, ScenarioResponse, ScenarioReview, DialogueReport | null> = {
  kind: 'scenario',
  schema: ScenarioItemSchema,
  responseSource: 'server',
  contentReferences: (def) => [{ kind: 'scenario', id: def.scenario }],
  problems: (def, ctx, lang) =>
    ctx.scenarios.has(def.scenario)
      ? []
      : [{ path: ['scenario'], message: say(lang, `情景对话「${def.scenario}」不存在`, `unknown scenario "${def.scenario}"`) }],
  toView(def, ctx) {
    const dialogue = scenarioOf(def, ctx)
    const state = stateOf(dialogue, readRecorded(ctx.recorded))
    const node = scenarioView(dialogue, state.currentNodeId, ctx.seed)
    if (!node) throw new Error(`scenario "${dialogue.id}" has no node "${state.currentNodeId}"`)
    return {
      id: def.id,
      type: 'scenario',
      title: dialogue.title,
      prompt: def.prompt ?? null,
      transcript: stepsOf(dialogue, state).map(({ step, node, reply }) => ({
        customer: node.customer,
        mood: node.mood,
        reply: reply.text,
        // the feedback of a reply already recorded tells nothing about the turns still to come
        judged: ctx.feedbackAsYouGo ? { feedback: reply.feedback, points: step.points, bestPoints: step.bestPoints } : null,
      })),
      node,
      bestPath: ctx.feedbackAsYouGo && state.ended ? bestPathReplies(dialogue) : null,
    }
  },
  readForm: () => undefined, // recorded turn by turn on the server, never read from a form
  emptyResponse: () => ({ replyIds: [] }),
  parseResponse(def, raw, ctx) {
    if (raw === null || raw === undefined) return { ok: true, response: { replyIds: [] } }
    if (!isReplyIdList(raw)) return { ok: false, error: 'expected the list of recorded reply ids' }
    const replay = replayScenario(scenarioOf(def, ctx), raw)
    if (!replay.ok) return { ok: false, error: `reply ${replay.index + 1} ("${raw[replay.index]}"): ${replay.error}` }
    return { ok: true, response: { replyIds: [...raw] } }
  },
  maxPoints: (def) => def.points,
  score(def, response, ctx) {
    const dialogue = scenarioOf(def, ctx)
    const state = stateOf(dialogue, response.replyIds)
    const feedback = stepsOf(dialogue, state).map(({ reply }) => reply.feedback)
    return resultFromShare(def, pathPoints(state) / bestPathPoints(dialogue), [...feedback, ...itemFeedback(def)])
  },
  bestResponse: (def, ctx) => ({ replyIds: bestPath(scenarioOf(def, ctx)).replyIds }),
  worstResponse: (def, ctx) => ({ replyIds: worstPath(scenarioOf(def, ctx)).replyIds }),
  review(def, response, ctx) {
    const dialogue = scenarioOf(def, ctx)
    const state = stateOf(dialogue, response.replyIds)
    const end = nodeById(dialogue, state.currentNodeId)
    return {
      type: 'scenario',
      title: dialogue.title,
      steps: stepsOf(dialogue, state).map(({ step, node, reply }) => ({
        customer: node.customer,
        mood: node.mood,
        reply: reply.text,
        points: step.points,
        bestPoints: step.bestPoints,
        feedback: reply.feedback,
      })),
      ending: end && isEndNode(end) ? { end: end.end, text: end.text } : null,
      bestPath: bestPathReplies(dialogue),
      feedback: def.feedback ?? null,
    }
  },
  analyse: (def, responses, ctx) => dialogueReport(def, ctx.scenarios, responses.map(({ response }) => response.replyIds)),
}

export type ScenarioTurnResult =
  | { ok: true; step: ScenarioStep; replyIds: string[]; ended: EndKind | null; node: ScenarioNodeView }
  | { ok: false; error: ScenarioPlayError }

/**
 * One turn of a scenario item during an attempt: replays the reply ids recorded so far, applies the reply the
 * client chose (its opaque id), and gives the step to record, the new recorded list and the next node's view.
 */
export function playScenarioTurn(
  def: ScenarioItem,
  attemptSeed: string,
  recorded: readonly string[],
  opaqueReplyId: string,
  ctx: ContentContext,
): ScenarioTurnResult {
  const dialogue = scenarioOf(def, ctx)
  const seed = itemSeed(attemptSeed, def.id)
  const replay = replayScenario(dialogue, recorded)
  if (!replay.ok) return { ok: false, error: replay.error }
  const applied = applyReply(dialogue, replay.state, opaqueReplyId, seed)
  if (!applied.ok) return applied
  const node = scenarioView(dialogue, applied.state.currentNodeId, seed)
  if (!node) return { ok: false, error: 'unknown-node' }
  return { ok: true, step: applied.step, replyIds: [...recorded, applied.step.replyId], ended: applied.state.ended, node }
}
