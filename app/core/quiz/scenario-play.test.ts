// Table tests for playing a scenario: the node view's secrecy, applying replies by opaque id, replaying a path.
import { applyReply, pathPoints, replayScenario, scenarioView, startScenario, type ScenarioState } from './scenario-play'
import { dialogue, leakedWords } from './test-fixtures'

const seed = 'attempt-seed/sc-queue'
const viewOf = (nodeId: string) => {
  const view = scenarioView(dialogue, nodeId, seed)
  if (view?.type !== 'turn') throw new Error(`${nodeId} is not a turn`)
  return view
}
const idOf = (nodeId: string, text: string) => viewOf(nodeId).replies.find((reply) => reply.text === text)?.id ?? 'missing'

describe('scenarioView', () => {
  it('shows the customer line, mood and reply texts, and nothing about where replies lead or what they are worth', () => {
    const view = viewOf('n1')
    expect([view.customer, view.mood]).toEqual(['怎么又要排队？', 'annoyed'])
    expect(view.replies.map((reply) => reply.text).sort()).toEqual(['急什么，排着。', '让您久等了，我马上办。'].sort())
    expect(leakedWords(view, ['GOOD-N1', 'BAD-N1', '"n2"', 'end-complaint', '"r1"', '"r2"'])).toEqual([])
  })

  it('gives the same reply id a different opaque id at each node', () => {
    const firstIds = viewOf('n1').replies.map((reply) => reply.id)
    expect(viewOf('n2').replies.some((reply) => firstIds.includes(reply.id))).toBe(false)
  })

  it('orders replies by seed, repeatably', () => {
    const order = (s: string) => {
      const view = scenarioView(dialogue, 'n1', s)
      return view?.type === 'turn' ? view.replies.map((reply) => reply.text).join('|') : ''
    }
    expect(order('a')).toBe(order('a'))
    expect(new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(order)).size).toBeGreaterThan(1)
  })

  it.each([
    { nodeId: 'end-ok', view: { type: 'end', end: 'satisfied', text: 'ENDING-OK' } },
    { nodeId: 'no-such-node', view: null },
  ])('$nodeId → $view', ({ nodeId, view }) => expect(scenarioView(dialogue, nodeId, seed)).toEqual(view))
})

describe('applyReply', () => {
  const start = startScenario(dialogue)

  it('starts at the start node', () => expect(start).toEqual({ path: [], currentNodeId: 'n1', ended: null }))

  it('records a reply as a step and moves to its next node', () => {
    const first = applyReply(dialogue, start, idOf('n1', '让您久等了，我马上办。'), seed)
    expect(first).toEqual({
      ok: true,
      step: { nodeId: 'n1', replyId: 'r1', points: 3, bestPoints: 3 },
      state: { path: [{ nodeId: 'n1', replyId: 'r1', points: 3, bestPoints: 3 }], currentNodeId: 'n2', ended: null },
    })
    if (!first.ok) return
    const second = applyReply(dialogue, first.state, idOf('n2', '我也说不好。'), seed)
    expect(second.ok && second.state).toEqual({
      path: [
        { nodeId: 'n1', replyId: 'r1', points: 3, bestPoints: 3 },
        { nodeId: 'n2', replyId: 'r2', points: 1, bestPoints: 2 },
      ],
      currentNodeId: 'end-escalated',
      ended: 'escalated',
    })
    expect(second.ok && pathPoints(second.state)).toBe(4)
  })

  it('leaves the state it was given alone', () => {
    const before = JSON.stringify(start)
    applyReply(dialogue, start, idOf('n1', '急什么，排着。'), seed)
    expect(JSON.stringify(start)).toBe(before)
  })

  const ended: ScenarioState = {
    path: [{ nodeId: 'n1', replyId: 'r2', points: 0, bestPoints: 3 }],
    currentNodeId: 'end-complaint',
    ended: 'complaint',
  }
  it.each([
    { case: 'the authored reply id', state: start, reply: 'r1', error: 'unknown-reply' },
    { case: 'the id of a reply at another node', state: start, reply: idOf('n2', '大约五分钟。'), error: 'unknown-reply' },
    { case: 'a reply after the end', state: ended, reply: idOf('n1', '急什么，排着。'), error: 'ended' },
    {
      case: 'a state at a node that does not exist',
      state: { ...start, currentNodeId: 'gone' },
      reply: idOf('n1', '急什么，排着。'),
      error: 'unknown-node',
    },
  ])('refuses $case', ({ state, reply, error }) => expect(applyReply(dialogue, state, reply, seed)).toEqual({ ok: false, error }))

  it('refuses an opaque id from another attempt seed', () => {
    const otherView = scenarioView(dialogue, 'n1', 'another-seed')
    const otherId = otherView?.type === 'turn' ? otherView.replies[0].id : ''
    expect(applyReply(dialogue, start, otherId, seed)).toEqual({ ok: false, error: 'unknown-reply' })
  })
})

describe('replayScenario', () => {
  it.each([
    { replyIds: [], result: { ok: true, node: 'n1', ended: null } },
    { replyIds: ['r1'], result: { ok: true, node: 'n2', ended: null } },
    { replyIds: ['r1', 'r1'], result: { ok: true, node: 'end-ok', ended: 'satisfied' } },
    { replyIds: ['r2'], result: { ok: true, node: 'end-complaint', ended: 'complaint' } },
    { replyIds: ['r1', 'r9'], result: { ok: false, error: 'unknown-reply', index: 1 } },
    { replyIds: ['r2', 'r1'], result: { ok: false, error: 'ended', index: 1 } },
  ])('$replyIds', ({ replyIds, result }) => {
    const replay = replayScenario(dialogue, replyIds)
    expect(replay.ok ? { ok: true, node: replay.state.currentNodeId, ended: replay.state.ended } : replay).toEqual(result)
  })
})
