// Table tests for scenario graphs: each rule content:check enforces (with its YAML path), and best/worst/end paths.
import {
  bestPath,
  bestPathPoints,
  endsReachable,
  pathsToEnds,
  ScenarioSchema,
  scenarioProblems,
  ValidScenarioSchema,
  worstPath,
  worstPathPoints,
  type Scenario,
} from './scenario-graph'
import { dialogue } from './test-fixtures'

type Node = Scenario['nodes'][number]
const reply = (id: string, next: string, points = 1) => ({ id, text: `回复${id}`, points, feedback: `反馈${id}`, next })
const turn = (id: string, replies: ReturnType<typeof reply>[]): Node => ({ id, customer: `客户${id}`, mood: 'calm', replies })
const [n1, n2, endOk, endEscalated, endComplaint] = dialogue.nodes
const variant = (change: Partial<Scenario>): Scenario => ScenarioSchema.parse({ ...dialogue, ...change })
const withNodes = (...nodes: Node[]) => variant({ nodes })

describe('scenarioProblems', () => {
  it('finds nothing wrong with a sound scenario', () => expect(scenarioProblems(dialogue)).toEqual([]))

  it.each([
    { case: 'start names no node', scenario: variant({ start: 'n0' }), path: ['start'], words: ['n0'] },
    {
      case: 'two nodes share an id',
      scenario: withNodes(n1, n2, endOk, endEscalated, endComplaint, { id: 'n2', end: 'satisfied', text: '又一个' }),
      path: ['nodes', 5, 'id'],
      words: ['n2', '重复'],
    },
    {
      case: 'two replies of a node share an id',
      scenario: withNodes(
        n1,
        turn('n2', [reply('r1', 'end-ok'), reply('r1', 'end-escalated')]),
        endOk,
        endEscalated,
        endComplaint,
      ),
      path: ['nodes', 1, 'replies', 1, 'id'],
      words: ['n2', 'r1'],
    },
    {
      case: 'a reply leads to no node',
      scenario: withNodes(
        n1,
        turn('n2', [reply('r1', 'end-nowhere'), reply('r2', 'end-ok'), reply('r3', 'end-escalated')]),
        endOk,
        endEscalated,
        endComplaint,
      ),
      path: ['nodes', 1, 'replies', 0, 'next'],
      words: ['n2', 'r1', 'end-nowhere'],
    },
    {
      case: 'a node nothing leads to',
      scenario: withNodes(n1, n2, endOk, endEscalated, endComplaint, turn('n9', [reply('r1', 'end-ok'), reply('r2', 'end-ok')])),
      path: ['nodes', 5, 'id'],
      words: ['n9', '无法到达'],
    },
    {
      case: 'a turn with one reply',
      scenario: withNodes(n1, turn('n2', [reply('r1', 'end-ok')]), endOk, endComplaint),
      path: ['nodes', 1, 'replies'],
      words: ['n2', '2'],
    },
    {
      case: 'a turn with no reply (a dead end that is no end node)',
      scenario: withNodes(n1, turn('n2', []), endComplaint),
      path: ['nodes', 1, 'replies'],
      words: ['n2', '死路'],
    },
    {
      case: 'a cycle (even one with an exit)',
      scenario: withNodes(n1, turn('n2', [reply('r1', 'end-ok'), reply('r2', 'n1')]), endOk, endComplaint),
      path: ['nodes', 1, 'replies', 1, 'next'],
      words: ['r2', 'n2', 'n1', '循环'],
    },
    {
      case: 'a reply leading back to its own node',
      scenario: withNodes(turn('n1', [reply('r1', 'n1'), reply('r2', 'end-ok')]), endOk),
      path: ['nodes', 0, 'replies', 0, 'next'],
      words: ['n1', '循环'],
    },
    {
      case: 'every path scoring 0',
      scenario: withNodes(turn('n1', [reply('r1', 'end-ok', 0), reply('r2', 'end-complaint', 0)]), endOk, endComplaint),
      path: ['nodes'],
      words: ['0'],
    },
  ])('reports $case at $path', ({ scenario, path, words }) => {
    const problems = scenarioProblems(scenario)
    expect(problems).toHaveLength(1)
    expect(problems[0].path).toEqual(path)
    for (const word of words) expect(problems[0].message).toContain(word)
  })

  it('reports a cycle without an exit, and the nodes it cuts off', () => {
    const scenario = withNodes(
      turn('n1', [reply('r1', 'n2'), reply('r2', 'n2')]),
      turn('n2', [reply('r1', 'n1'), reply('r2', 'n1')]),
      endOk,
    )
    expect(scenarioProblems(scenario).map((problem) => problem.path)).toEqual([
      ['nodes', 2, 'id'],
      ['nodes', 1, 'replies', 0, 'next'],
      ['nodes', 1, 'replies', 1, 'next'],
    ])
  })

  it('writes English when asked', () =>
    expect(scenarioProblems(variant({ start: 'n0' }), 'en')[0].message).toBe('start node "n0" does not exist'))

  it('ValidScenarioSchema turns problems into issues at the same path', () => {
    const result = ValidScenarioSchema.safeParse({ ...dialogue, start: 'n0' })
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['start']])
  })
})

describe('ScenarioSchema', () => {
  it.each([
    { case: 'an unknown mood', change: { nodes: [{ ...n1, mood: 'furious' }] }, path: 'nodes.0.mood' },
    { case: 'an unknown end kind', change: { nodes: [{ id: 'e', end: 'happy', text: 'x' }] }, path: 'nodes.0.end' },
    {
      case: 'negative points',
      change: { nodes: [turn('n1', [reply('r1', 'x', -1), reply('r2', 'x')])] },
      path: 'nodes.0.replies.0.points',
    },
    {
      case: 'a reply without feedback',
      change: { nodes: [turn('n1', [{ ...reply('r1', 'x'), feedback: '' }])] },
      path: 'nodes.0.replies.0.feedback',
    },
    { case: 'an end node with replies', change: { nodes: [{ ...endOk, replies: [] }] }, path: 'nodes.0' },
    { case: 'no nodes', change: { nodes: [] }, path: 'nodes' },
    { case: 'an id that is no slug', change: { id: 'Queue Scenario' }, path: 'id' },
  ])('refuses $case', ({ change, path }) =>
    expect(ScenarioSchema.safeParse({ ...dialogue, ...change }).error?.issues.map((issue) => issue.path.join('.'))).toContain(
      path,
    ),
  )
})

describe('paths', () => {
  it.each([
    { measure: 'bestPathPoints', value: bestPathPoints(dialogue), expected: 5 },
    { measure: 'worstPathPoints', value: worstPathPoints(dialogue), expected: 0 },
    { measure: 'bestPath', value: bestPath(dialogue), expected: { replyIds: ['r1', 'r1'], points: 5 } },
    { measure: 'worstPath', value: worstPath(dialogue), expected: { replyIds: ['r2'], points: 0 } },
    { measure: 'endsReachable', value: endsReachable(dialogue), expected: ['satisfied', 'escalated', 'complaint'] },
  ])('$measure', ({ value, expected }) => expect(value).toEqual(expected))

  it('the best path is not the greedy one when a cheap turn leads to a richer one', () => {
    const scenario = withNodes(
      turn('n1', [reply('r1', 'end-ok', 3), reply('r2', 'n2', 1)]),
      turn('n2', [reply('r1', 'end-ok', 5), reply('r2', 'end-ok', 0)]),
      endOk,
    )
    expect(bestPath(scenario)).toEqual({ replyIds: ['r2', 'r1'], points: 6 })
    expect(worstPath(scenario)).toEqual({ replyIds: ['r2', 'r2'], points: 1 })
  })

  it('pathsToEnds gives one shortest way to each end node', () =>
    expect(pathsToEnds(dialogue)).toEqual([
      { nodeId: 'end-ok', end: 'satisfied', replyIds: ['r1', 'r1'] },
      { nodeId: 'end-escalated', end: 'escalated', replyIds: ['r1', 'r2'] },
      { nodeId: 'end-complaint', end: 'complaint', replyIds: ['r2'] },
    ]))

  it('leaves out end nodes no path reaches', () => {
    const scenario = withNodes(n1, n2, endOk, endEscalated, endComplaint, { id: 'end-lost', end: 'satisfied', text: 'x' })
    expect(pathsToEnds(scenario).map((path) => path.nodeId)).not.toContain('end-lost')
  })

  it('walks a scenario once: later calls share its path, which no caller can change', () => {
    const scenario = withNodes(turn('n1', [reply('r1', 'end-ok', 3), reply('r2', 'end-ok', 1)]), endOk)
    const first = bestPath(scenario)
    expect(bestPath(scenario)).toBe(first)
    expect(() => first.replyIds.push('r9')).toThrow(TypeError)
    expect(() => ((first as { points: number }).points = 99)).toThrow(TypeError)
    expect(bestPath(scenario)).toEqual({ replyIds: ['r1'], points: 3 })
    // another scenario object (a draft edited and parsed again) is walked afresh
    const edited = withNodes(turn('n1', [reply('r1', 'end-ok', 3), reply('r2', 'end-ok', 4)]), endOk)
    expect(bestPath(edited)).toEqual({ replyIds: ['r2'], points: 4 })
  })

  it('terminates on a graph with a cycle', () => {
    const scenario = withNodes(
      turn('n1', [reply('r1', 'n2', 2), reply('r2', 'end-ok')]),
      turn('n2', [reply('r1', 'n1', 4), reply('r2', 'end-ok', 1)]),
      endOk,
    )
    expect(bestPathPoints(scenario)).toBe(3)
    expect(endsReachable(scenario)).toEqual(['satisfied'])
  })
})
