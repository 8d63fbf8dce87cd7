// A dialogue scenario drawn as a graph: one box per node, one arrow per reply, laid out by depth from the start
// node (column = fewest replies needed to reach it, row = order of discovery), so the same scenario always
// gives the same picture. Nodes the start cannot reach go in a last column of their own. The problems
// content:check reports are placed on the node whose YAML holds their line.
import { parseYaml } from '../content/yaml-document'
import { bestPath, isEndNode, type EndKind, type Mood, type Scenario } from '../quiz/scenario-graph'

export const COLUMN_WIDTH = 360
export const ROW_HEIGHT = 150

export interface GraphReply {
  id: string
  text: string
  points: number
  feedback: string
  next: string
}

export type GraphNode = {
  id: string
  /** Column from the start node; null when the start cannot reach it. */
  depth: number | null
  x: number
  y: number
  /** The node's replies are on the best path through the dialogue. */
  onBestPath: boolean
  /** The most points a clerk can still earn from this node to an end. */
  bestFromHere: number
  problems: string[]
} & ({ kind: 'turn'; customer: string; mood: Mood; replies: GraphReply[] } | { kind: 'end'; end: EndKind; text: string })

export interface GraphEdge {
  id: string
  source: string
  target: string
  replyId: string
  /** The reply's place among its node's replies: the node's handle the arrow leaves from. */
  replyIndex: number
  points: number
  best: boolean
  /** The ending the reply leads to (the dialogue ends there), or null when the customer speaks again. */
  ends: EndKind | null
}

export interface ScenarioGraph {
  start: string
  nodes: GraphNode[]
  edges: GraphEdge[]
}

/** Columns by breadth-first depth from `start`; the first-seen order within a column gives the row. */
function depths(scenario: Scenario): Map<string, number> {
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]))
  const depth = new Map<string, number>()
  if (!byId.has(scenario.start)) return depth
  depth.set(scenario.start, 0)
  const queue = [scenario.start]
  while (queue.length > 0) {
    const id = queue.shift()!
    const node = byId.get(id)
    if (!node || isEndNode(node)) continue
    for (const reply of node.replies) {
      if (depth.has(reply.next) || !byId.has(reply.next)) continue
      depth.set(reply.next, depth.get(id)! + 1)
      queue.push(reply.next)
    }
  }
  return depth
}

/** The best points from `nodeId` on, by the same best-path rule the scorer uses. */
const bestFrom = (scenario: Scenario, nodeId: string) => bestPath({ ...scenario, start: nodeId }).points

export function scenarioGraph(scenario: Scenario, problemsByNode: ReadonlyMap<string, string[]> = new Map()): ScenarioGraph {
  const depth = depths(scenario)
  const lastColumn = Math.max(-1, ...depth.values()) + 1
  const rows = new Map<number, number>()
  const placed = [...scenario.nodes].sort((a, b) => (depth.get(a.id) ?? lastColumn) - (depth.get(b.id) ?? lastColumn) || order(scenario, depth, a.id) - order(scenario, depth, b.id))
  const position = new Map<string, { x: number; y: number }>()
  for (const node of placed) {
    if (position.has(node.id)) continue
    const column = depth.get(node.id) ?? lastColumn
    const row = rows.get(column) ?? 0
    rows.set(column, row + 1)
    position.set(node.id, { x: column * COLUMN_WIDTH, y: row * ROW_HEIGHT })
  }
  const best = new Set<string>()
  let at = scenario.start
  for (const replyId of bestPath(scenario).replyIds) {
    best.add(`${at}/${replyId}`)
    const node = scenario.nodes.find((n) => n.id === at)
    const reply = node && !isEndNode(node) ? node.replies.find((r) => r.id === replyId) : undefined
    if (!reply) break
    at = reply.next
  }
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]))
  const edgeIds = new Set<string>()
  const edges: GraphEdge[] = scenario.nodes.flatMap((node) =>
    isEndNode(node)
      ? []
      : node.replies.flatMap((r, replyIndex) => {
          const target = byId.get(r.next)
          if (!target) return []
          // a repeated reply id is a problem the check reports; its arrow still needs an id of its own
          const id = edgeIds.has(`${node.id}/${r.id}`) ? `${node.id}/${r.id}#${replyIndex}` : `${node.id}/${r.id}`
          edgeIds.add(id)
          const ends = isEndNode(target) ? target.end : null
          return [{ id, source: node.id, target: r.next, replyId: r.id, replyIndex, points: r.points, best: best.has(`${node.id}/${r.id}`), ends }]
        }),
  )
  const nodes: GraphNode[] = scenario.nodes.map((node) => {
    const common = {
      id: node.id,
      depth: depth.get(node.id) ?? null,
      ...(position.get(node.id) ?? { x: 0, y: 0 }),
      onBestPath: [...best].some((b) => b.startsWith(`${node.id}/`)),
      bestFromHere: bestFrom(scenario, node.id),
      problems: problemsByNode.get(node.id) ?? [],
    }
    if (isEndNode(node)) return { ...common, kind: 'end', end: node.end, text: node.text }
    return { ...common, kind: 'turn', customer: node.customer, mood: node.mood, replies: node.replies.map(({ id, text, points, feedback, next }) => ({ id, text, points, feedback, next })) }
  })
  return { start: scenario.start, nodes, edges }
}

// Order of discovery within a column: the breadth-first order, i.e. the order of the nodes' first mention.
function order(scenario: Scenario, depth: Map<string, number>, id: string): number {
  const seen = [...depth.keys()]
  const index = seen.indexOf(id)
  return index >= 0 ? index : seen.length + scenario.nodes.findIndex((n) => n.id === id)
}

export interface PlacedProblem {
  line: number
  message: string
}

/**
 * Which node each problem of the scenario file belongs to: the node whose YAML (nodes[i], from its first to its
 * last character) holds the problem's line. The rest (title, start, "every path scores 0") are the scenario's.
 */
export function problemsOnNodes(yamlText: string, problems: readonly PlacedProblem[]): { byNode: Map<string, string[]>; scenario: string[] } {
  const { source } = parseYaml('scenario', yamlText)
  const nodes = source.document.get('nodes', true)
  const spans: { id: string; from: number; to: number }[] = []
  if (nodes && typeof nodes === 'object' && 'items' in nodes && Array.isArray(nodes.items)) {
    for (const item of nodes.items as unknown[]) {
      const range = (item as { range?: [number, number, number] }).range
      const id = (item as { get?: (key: string) => unknown }).get?.('id')
      if (!range || typeof id !== 'string') continue
      // the range ends where the next node starts; the last line of a node is the line before that
      spans.push({ id, from: source.lines.linePos(range[0]).line, to: source.lines.linePos(Math.max(range[0], range[1] - 1)).line })
    }
  }
  const byNode = new Map<string, string[]>()
  const scenario: string[] = []
  for (const problem of problems) {
    const span = spans.find((s) => problem.line >= s.from && problem.line <= s.to)
    if (span) byNode.set(span.id, [...(byNode.get(span.id) ?? []), problem.message])
    else scenario.push(problem.message)
  }
  return { byNode, scenario }
}
