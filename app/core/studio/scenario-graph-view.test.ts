import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { ScenarioSchema, scenarioProblems, type Scenario } from '../quiz/scenario-graph'
import { parseYaml, problemAtPath } from '../content/yaml-document'
import { COLUMN_WIDTH, ROW_HEIGHT, problemsOnNodes, scenarioGraph } from './scenario-graph-view'

const TEXT = readFileSync('content/scenarios/et-closing-time.yaml', 'utf8')
const SCENARIO: Scenario = ScenarioSchema.parse(parse(TEXT))

describe('scenario → graph', () => {
  const graph = scenarioGraph(SCENARIO)
  const at = (id: string) => graph.nodes.find((n) => n.id === id)!

  it.each([
    { id: 'n1', depth: 0, x: 0, y: 0 },
    { id: 'n2', depth: 1, x: COLUMN_WIDTH, y: 0 }, // first reply of n1 leads here: first in column 1
    { id: 'n1b', depth: 1, x: COLUMN_WIDTH, y: ROW_HEIGHT },
    { id: 'end-complaint', depth: 1, x: COLUMN_WIDTH, y: 2 * ROW_HEIGHT },
    { id: 'n3', depth: 2, x: 2 * COLUMN_WIDTH, y: 0 },
    { id: 'end-ok', depth: 3, x: 3 * COLUMN_WIDTH, y: 0 },
  ])('$id sits in column $depth at ($x, $y)', ({ id, depth, x, y }) => expect(at(id)).toMatchObject({ depth, x, y }))

  it('draws one edge per reply, and marks the best path n1 → n2 → n3 → end-ok', () => {
    expect(graph.edges).toHaveLength(SCENARIO.nodes.reduce((sum, n) => sum + ('replies' in n ? n.replies.length : 0), 0))
    expect(graph.edges.filter((e) => e.best).map((e) => e.id)).toEqual(['n1/r1', 'n2/r1', 'n3/r1'])
  })

  it.each([
    { id: 'n1/r1', replyIndex: 0, target: 'n2', ends: null },
    { id: 'n1/r3', replyIndex: 2, target: 'end-complaint', ends: 'complaint' },
    { id: 'n1/r4', replyIndex: 3, target: 'n2', ends: null }, // a second reply to n2: an arrow of its own, from its own handle
    { id: 'n3/r1', replyIndex: 0, target: 'end-ok', ends: 'satisfied' },
  ])('reply $id leaves from handle $replyIndex to $target (ends: $ends)', ({ id, ...edge }) =>
    expect(graph.edges.find((e) => e.id === id)).toMatchObject(edge),
  )

  it('gives a repeated reply id (a problem the check reports) an arrow of its own', () => {
    const [first, ...rest] = SCENARIO.nodes
    if (!('replies' in first)) throw new Error('n1 is a turn')
    const twice: Scenario = { ...SCENARIO, nodes: [{ ...first, replies: [...first.replies, { ...first.replies[0]! }] }, ...rest] }
    const ids = scenarioGraph(twice).edges.map((e) => e.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toContain(`n1/r1#${first.replies.length}`)
  })

  it.each([
    { id: 'n1', best: 9 },
    { id: 'n2b', best: 5 },
    { id: 'end-ok', best: 0 },
  ])('the best a clerk can still earn from $id is $best', ({ id, best }) => expect(at(id).bestFromHere).toBe(best))

  it('is the same picture every time', () => expect(scenarioGraph(SCENARIO)).toEqual(graph))

  it('puts nodes the start cannot reach in a last column, and skips replies to nowhere', () => {
    const broken: Scenario = {
      ...SCENARIO,
      nodes: [...SCENARIO.nodes, { id: 'lost', customer: '？', mood: 'calm', replies: [{ id: 'r1', text: 'x', points: 1, feedback: 'x', next: 'nowhere' }] }],
    }
    const lost = scenarioGraph(broken).nodes.find((n) => n.id === 'lost')!
    expect(lost).toMatchObject({ depth: null, x: 4 * COLUMN_WIDTH, y: 0 })
    expect(scenarioGraph(broken).edges.some((e) => e.source === 'lost')).toBe(false)
  })
})

describe('problems on the nodes themselves', () => {
  // a broken copy: an unreachable node, a dead end, a cycle and a reply to nowhere, checked by content:check's rules
  const broken = TEXT.replace('next: n1b\n', 'next: n1\n') // n1 r2 loops back to n1: a cycle; n1b unreachable
    .replace(/(- id: n3\n[\s\S]*?)(replies:[\s\S]*?)(\n  - id: end-ok)/, '$1replies: []$3') // n3: a dead end
  const scenario = ScenarioSchema.parse(parse(broken))
  const { source } = parseYaml('s.yaml', broken)
  const problems = scenarioProblems(scenario, 'en').map((p) => ({ line: problemAtPath(source, p.path, 'graph', {}).line, message: p.message }))
  const placed = problemsOnNodes(broken, problems)

  it.each([
    { node: 'n1', says: /back to "n1": a cycle/ },
    { node: 'n1b', says: /cannot be reached/ },
    { node: 'n3', says: /no replies and is not an end node \(a dead end\)/ },
  ])('$node shows "$says"', ({ node, says }) => expect(placed.byNode.get(node)).toEqual(expect.arrayContaining([expect.stringMatching(says)])))

  it('leaves nodes without problems clean, and the scenario-wide ones to the scenario', () => {
    expect(placed.byNode.get('n2')).toBeUndefined()
    expect(problemsOnNodes(TEXT, [{ line: 2, message: 'title' }])).toEqual({ byNode: new Map(), scenario: ['title'] })
  })

  it('the last line of the last node is still that node', () => {
    const last = TEXT.trimEnd().split('\n').length
    expect(problemsOnNodes(TEXT, [{ line: last, message: 'x' }]).byNode.get('end-displeased')).toEqual(['x'])
  })
})
