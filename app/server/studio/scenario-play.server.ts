// "Play from here": the trainer plays the draft's dialogue from any node as a clerk would — the customer's line,
// the replies shuffled behind opaque ids, the reply chosen scored by the same engine attempts use (replayScenario,
// applyReply), with each turn's feedback and points, and the share of the best path from that node at the end.
import { bestPathPoints, isEndNode, nodeById, type Scenario } from '~/core/quiz/scenario-graph'
import { applyReply, pathPoints, replayScenario, scenarioView, type ScenarioNodeView } from '~/core/quiz/scenario-play'
import { badRequest } from '../responses.server'
import type { SessionUser } from '../people.server'
import { currentScenarioText, parseScenario, requireScenarioAuthor } from './scenario-editor.server'
import { ScenarioPlayForm } from './scenario-input.server'

export interface PlayedTurn {
  customer: string
  reply: string
  points: number
  bestPoints: number
  feedback: string
}

export type PlayResult =
  | { intent: 'play'; ok: true; from: string; taken: string[]; turns: PlayedTurn[]; node: ScenarioNodeView; score: { points: number; best: number; percent: number } | null }
  | { intent: 'play'; ok: false; reason: 'not-parsed' | 'no-node' | 'changed' }

// a fixed seed: the trainer sees the replies in the same shuffled order every time they play a node
const SEED = 'studio-play'

export async function playFromHere(user: SessionUser, form: FormData): Promise<PlayResult> {
  const parsed = ScenarioPlayForm.safeParse(Object.fromEntries(form))
  if (!parsed.success) badRequest('scenario play')
  const input = parsed.data
  await requireScenarioAuthor(user, input.path)
  const scenario = parseScenario((await currentScenarioText(input.path)).text)
  if (!scenario) return { intent: 'play', ok: false, reason: 'not-parsed' }
  if (!nodeById(scenario, input.from)) return { intent: 'play', ok: false, reason: 'no-node' }
  const fromHere: Scenario = { ...scenario, start: input.from }
  const replay = replayScenario(fromHere, input.taken)
  // the draft changed under the play (a reply removed): start again from the node
  if (!replay.ok) return { intent: 'play', ok: false, reason: 'changed' }
  let state = replay.state
  if (input.choose) {
    const applied = applyReply(fromHere, state, input.choose, SEED)
    if (!applied.ok) return { intent: 'play', ok: false, reason: 'changed' }
    state = applied.state
  }
  const node = scenarioView(fromHere, state.currentNodeId, SEED)
  if (!node) return { intent: 'play', ok: false, reason: 'no-node' }
  const turns = state.path.flatMap((step) => {
    const at = nodeById(fromHere, step.nodeId)
    const reply = at && !isEndNode(at) ? at.replies.find((r) => r.id === step.replyId) : undefined
    return at && !isEndNode(at) && reply ? [{ customer: at.customer, reply: reply.text, points: step.points, bestPoints: step.bestPoints, feedback: reply.feedback }] : []
  })
  const best = bestPathPoints(fromHere)
  const points = pathPoints(state)
  return {
    intent: 'play',
    ok: true,
    from: input.from,
    taken: state.path.map((s) => s.replyId),
    turns,
    node,
    score: state.ended ? { points, best, percent: best > 0 ? Math.round((points / best) * 100) : 0 } : null,
  }
}
