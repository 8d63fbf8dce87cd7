// Owns the dialogue scenario file: its schema, the graph checks (with YAML paths) and best, worst and end paths.
import { z } from 'zod'
import { dispatchSchema, fieldOf, LocalizedTextSchema, SlugSchema, TextSchema } from './schema-parts'
import { RegulationSchema } from '../regulation-source'
import { say, type Lang, type Problem, type ProblemPath } from './problem'

export const MoodSchema = z.enum(['calm', 'anxious', 'annoyed', 'angry'])
export type Mood = z.infer<typeof MoodSchema>
export const EndKindSchema = z.enum(['satisfied', 'escalated', 'complaint'])
export type EndKind = z.infer<typeof EndKindSchema>

const ReplySchema = z
  .object({
    id: SlugSchema,
    text: TextSchema,
    points: z.number().finite().min(0),
    feedback: TextSchema,
    next: SlugSchema,
    // an author's reviewed answer to the 服务禁语 detector flagging a scoring reply: why these words are not 禁语
    notForbidden: TextSchema.optional(),
  })
  .strict()
export type ScenarioReply = z.infer<typeof ReplySchema>

const TurnNodeSchema = z
  .object({ id: SlugSchema, customer: TextSchema, mood: MoodSchema, replies: z.array(ReplySchema) })
  .strict()
export type TurnNode = z.infer<typeof TurnNodeSchema>

const EndNodeSchema = z.object({ id: SlugSchema, end: EndKindSchema, text: TextSchema }).strict()
export type EndNode = z.infer<typeof EndNodeSchema>
export type ScenarioNode = TurnNode | EndNode

// a node with `end` is an end node; anything else is checked as a customer turn
const NodeSchema = dispatchSchema<ScenarioNode>((raw) => (fieldOf(raw, 'end') !== undefined ? EndNodeSchema : TurnNodeSchema))

/** The shape of scenarios/<id>.yaml; the graph rules are `scenarioProblems` (both: `ValidScenarioSchema`). */
export const ScenarioSchema = z
  .object({
    id: SlugSchema,
    title: LocalizedTextSchema,
    course: SlugSchema,
    source: z
      .object({
        seed: TextSchema,
        situation: TextSchema,
        /** A regulation or standard the scenario follows where the seeds are silent, quoted where used. */
        regulations: z.array(RegulationSchema).optional(),
      })
      .strict(),
    start: SlugSchema,
    nodes: z.array(NodeSchema).min(1, '至少需要一个节点'),
  })
  .strict()
export type Scenario = z.infer<typeof ScenarioSchema>

export const ValidScenarioSchema = ScenarioSchema.superRefine((scenario, ctx) => {
  for (const problem of scenarioProblems(scenario)) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message })
})

export function isEndNode(node: ScenarioNode): node is EndNode {
  return 'end' in node
}

/** The node with `id` (the first, should ids repeat), or undefined. */
export function nodeById(scenario: Scenario, id: string): ScenarioNode | undefined {
  return scenario.nodes.find((node) => node.id === id)
}

/**
 * Everything wrong with the graph: duplicate node or reply ids, a missing start, a `next` to nowhere, a turn with
 * fewer than two replies, unreachable nodes, any cycle (content needs none, and "no cycle" implies "every path
 * ends") and a scenario whose best path scores nothing.
 */
export function scenarioProblems(scenario: Scenario, lang: Lang = 'zh-CN'): Problem[] {
  const problems: Problem[] = []
  const report = (path: ProblemPath, zh: string, en: string) => problems.push({ path, message: say(lang, zh, en) })
  const indexOf = new Map<string, number>()
  scenario.nodes.forEach((node, i) => {
    const earlier = indexOf.get(node.id)
    if (earlier === undefined) {
      indexOf.set(node.id, i)
      return
    }
    report(
      ['nodes', i, 'id'],
      `节点 id「${node.id}」重复（第 ${earlier + 1} 个节点已使用）`,
      `duplicate node id "${node.id}" (also node ${earlier + 1})`,
    )
  })
  if (!indexOf.has(scenario.start)) {
    report(['start'], `起始节点「${scenario.start}」不存在`, `start node "${scenario.start}" does not exist`)
  }
  scenario.nodes.forEach((node, i) => {
    if (isEndNode(node)) return
    if (node.replies.length === 0) {
      report(
        ['nodes', i, 'replies'],
        `节点「${node.id}」没有回复，又不是结束节点（死路）`,
        `node "${node.id}" has no replies and is not an end node (a dead end)`,
      )
    } else if (node.replies.length === 1) {
      report(
        ['nodes', i, 'replies'],
        `节点「${node.id}」不是结束节点，至少需要 2 个回复`,
        `node "${node.id}" is not an end node and needs at least 2 replies`,
      )
    }
    const replyIds = new Set<string>()
    node.replies.forEach((reply, j) => {
      const at = ['nodes', i, 'replies', j]
      if (replyIds.has(reply.id)) {
        report(
          [...at, 'id'],
          `节点「${node.id}」中回复 id「${reply.id}」重复`,
          `duplicate reply id "${reply.id}" in node "${node.id}"`,
        )
      }
      replyIds.add(reply.id)
      if (!indexOf.has(reply.next)) {
        report(
          [...at, 'next'],
          `节点「${node.id}」的回复「${reply.id}」指向不存在的节点「${reply.next}」`,
          `reply "${reply.id}" of node "${node.id}" leads to unknown node "${reply.next}"`,
        )
      }
    })
  })
  const reached = reachableNodeIds(scenario)
  scenario.nodes.forEach((node, i) => {
    if (indexOf.get(node.id) !== i || !indexOf.has(scenario.start) || reached.has(node.id)) return
    report(
      ['nodes', i, 'id'],
      `节点「${node.id}」从起点「${scenario.start}」无法到达`,
      `node "${node.id}" cannot be reached from "${scenario.start}"`,
    )
  })
  for (const cycle of backEdges(scenario, indexOf)) {
    const { nodeIndex, replyIndex, from, reply, to } = cycle
    report(
      ['nodes', nodeIndex, 'replies', replyIndex, 'next'],
      `回复「${reply}」从「${from}」回到「${to}」，形成循环`,
      `reply "${reply}" leads from "${from}" back to "${to}": a cycle`,
    )
  }
  if (problems.length === 0 && bestPathPoints(scenario) <= 0) {
    report(['nodes'], '所有路径得分都是 0，无法计分', 'every path scores 0, so the scenario cannot be scored')
  }
  return problems
}

interface BackEdge {
  nodeIndex: number
  replyIndex: number
  from: string
  reply: string
  to: string
}

// Depth-first search from the start, then from every node not yet seen; an edge to a node still on the stack
// closes a cycle.
function backEdges(scenario: Scenario, indexOf: Map<string, number>): BackEdge[] {
  const edges: BackEdge[] = []
  const state = new Map<string, 'open' | 'done'>()
  const visit = (nodeIndex: number): void => {
    const node = scenario.nodes[nodeIndex]
    state.set(node.id, 'open')
    if (!isEndNode(node)) {
      node.replies.forEach((reply, replyIndex) => {
        const target = indexOf.get(reply.next)
        if (target === undefined) return
        if (state.get(reply.next) === 'open') {
          edges.push({ nodeIndex, replyIndex, from: node.id, reply: reply.id, to: reply.next })
        } else if (!state.has(reply.next)) visit(target)
      })
    }
    state.set(node.id, 'done')
  }
  const start = indexOf.get(scenario.start)
  if (start !== undefined) visit(start)
  indexOf.forEach((index, id) => {
    if (!state.has(id)) visit(index)
  })
  return edges
}

/** Ids of the nodes reachable from `start` (following `next`s that exist). */
export function reachableNodeIds(scenario: Scenario): Set<string> {
  const reached = new Set<string>()
  const queue = nodeById(scenario, scenario.start) ? [scenario.start] : []
  while (queue.length > 0) {
    const node = nodeById(scenario, queue.shift() ?? '')
    if (!node || reached.has(node.id)) continue
    reached.add(node.id)
    if (isEndNode(node)) continue
    for (const reply of node.replies) if (!reached.has(reply.next)) queue.push(reply.next)
  }
  return reached
}

/** A way through the dialogue: the replies chosen from `start`, and their points. */
export interface ScenarioPath {
  replyIds: string[]
  points: number
}

// The best (or worst) way from each node to an end, memoised; an edge into a node on the current way (a cycle)
// or to nowhere is skipped, so a broken graph still terminates. Ties go to the reply authored first.
function extremePath(scenario: Scenario, better: (a: number, b: number) => boolean): ScenarioPath {
  const memo = new Map<string, ScenarioPath>()
  const onWay = new Set<string>()
  const from = (nodeId: string): ScenarioPath | null => {
    const node = nodeById(scenario, nodeId)
    if (!node || onWay.has(nodeId)) return null
    const known = memo.get(nodeId)
    if (known) return known
    if (isEndNode(node)) return { replyIds: [], points: 0 }
    onWay.add(nodeId)
    let chosen: ScenarioPath | null = null
    for (const reply of node.replies) {
      const rest = from(reply.next)
      if (!rest) continue
      const candidate = { replyIds: [reply.id, ...rest.replyIds], points: reply.points + rest.points }
      if (!chosen || better(candidate.points, chosen.points)) chosen = candidate
    }
    onWay.delete(nodeId)
    const result = chosen ?? { replyIds: [], points: 0 }
    memo.set(nodeId, result)
    return result
  }
  return from(scenario.start) ?? { replyIds: [], points: 0 }
}

// A scenario is not changed once parsed (content import, a studio draft: each edit parses a new one), so its best
// and worst ways are walked once per scenario object, not at every score of every submit (decision 0050); frozen,
// as every caller shares them.
const bestOf = new WeakMap<Scenario, ScenarioPath>()
const worstOf = new WeakMap<Scenario, ScenarioPath>()
function remembered(memo: WeakMap<Scenario, ScenarioPath>, scenario: Scenario, better: (a: number, b: number) => boolean): ScenarioPath {
  let path = memo.get(scenario)
  if (!path) {
    const walked = extremePath(scenario, better)
    path = Object.freeze({ replyIds: Object.freeze(walked.replyIds) as string[], points: walked.points })
    memo.set(scenario, path)
  }
  return path
}

/** The path with the most points (the scenario's maximum). */
export const bestPath = (scenario: Scenario): ScenarioPath => remembered(bestOf, scenario, (a, b) => a > b)
/** The path to an end with the fewest points. */
export const worstPath = (scenario: Scenario): ScenarioPath => remembered(worstOf, scenario, (a, b) => a < b)
export const bestPathPoints = (scenario: Scenario): number => bestPath(scenario).points
export const worstPathPoints = (scenario: Scenario): number => worstPath(scenario).points

/** The distinct end kinds some path reaches, in the order satisfied, escalated, complaint. */
export function endsReachable(scenario: Scenario): EndKind[] {
  const reached = reachableNodeIds(scenario)
  const kinds = new Set(
    scenario.nodes.filter((node) => reached.has(node.id)).flatMap((node) => (isEndNode(node) ? [node.end] : [])),
  )
  return EndKindSchema.options.filter((kind) => kinds.has(kind))
}

/** For each reachable end node (in authored order), one shortest reply sequence from `start` that ends there. */
export function pathsToEnds(scenario: Scenario): { nodeId: string; end: EndKind; replyIds: string[] }[] {
  const cameFrom = new Map<string, { nodeId: string; replyId: string } | null>([[scenario.start, null]])
  const queue = [scenario.start]
  while (queue.length > 0) {
    const node = nodeById(scenario, queue.shift() ?? '')
    if (!node || isEndNode(node)) continue
    for (const reply of node.replies) {
      if (cameFrom.has(reply.next) || !nodeById(scenario, reply.next)) continue
      cameFrom.set(reply.next, { nodeId: node.id, replyId: reply.id })
      queue.push(reply.next)
    }
  }
  return scenario.nodes.flatMap((node) => {
    if (!isEndNode(node) || !cameFrom.has(node.id)) return []
    const replyIds: string[] = []
    for (let link = cameFrom.get(node.id); link; link = cameFrom.get(link.nodeId)) replyIds.unshift(link.replyId)
    return [{ nodeId: node.id, end: node.end, replyIds }]
  })
}
