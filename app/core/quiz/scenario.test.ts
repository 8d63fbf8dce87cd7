// Table tests for the scenario item: score = path points / best path × points, the transcript view, the review.
import { itemSeed } from './item-type'
import { playScenarioTurn, scenario, ScenarioItemSchema } from './scenario'
import { scenarioView } from './scenario-play'
import { dialogue, leakedWords, parseContext, scoringContext, viewContext } from './test-fixtures'

const raw = { id: 'sc-queue', type: 'scenario', module: 'greeting', points: 4, scenario: 'queue', feedback: 'ITEM-FB' }
const item = ScenarioItemSchema.parse(raw)

function answer(recorded: unknown) {
  const parsed = scenario.parseResponse(item, recorded, parseContext())
  if (!parsed.ok) throw new Error(parsed.error)
  return scenario.score(item, parsed.response, scoringContext)
}

describe('scenario: the points of the path taken over the best path (5 in the fixture)', () => {
  it.each([
    { path: ['r1', 'r1'], points: 4, correct: true, feedback: ['GOOD-N1', 'GOOD-N2', 'ITEM-FB'] }, // 5/5
    { path: ['r1', 'r2'], points: 3.2, correct: 'partial', feedback: ['GOOD-N1', 'MEH-N2', 'ITEM-FB'] }, // 4/5
    { path: ['r2'], points: 0, correct: false, feedback: ['BAD-N1', 'ITEM-FB'] }, // 0/5
    { path: ['r1'], points: 2.4, correct: 'partial', feedback: ['GOOD-N1', 'ITEM-FB'] }, // unfinished at the deadline: 3/5
    { path: [], points: 0, correct: false, feedback: ['ITEM-FB'] },
  ])('$path → $points of 4', ({ path, points, correct, feedback }) =>
    expect(answer(path)).toEqual({ points, maxPoints: 4, correct, feedback }),
  )

  it('reads nothing recorded as blank', () => expect(answer(undefined).points).toBe(0))
})

describe('scenario: recorded paths that do not fit are refused', () => {
  it.each([
    { case: 'an unknown reply', value: ['r1', 'r7'] },
    { case: 'a reply after the end', value: ['r2', 'r1'] },
    { case: 'not a list', value: 'r1,r1' },
    { case: 'numbers', value: [1, 1] },
  ])('$case', ({ value }) => expect(scenario.parseResponse(item, value, parseContext()).ok).toBe(false))
})

describe('scenario: the view', () => {
  it('starts at the start node and shows no points, feedback or where replies lead', () => {
    const view = scenario.toView(item, viewContext('seed-1'))
    expect(view.transcript).toEqual([])
    expect(view.node).toEqual(scenarioView(dialogue, 'n1', 'seed-1'))
    expect(leakedWords(view, ['GOOD-', 'BAD-', 'MEH-', 'ITEM-FB', 'ENDING-', '"n2"', 'greeting'])).toEqual([])
  })

  it('resumes where the recorded path stopped, with the transcript so far', () => {
    const view = scenario.toView(item, viewContext('seed-1', true, ['r1']))
    expect(view.transcript).toEqual([{ customer: '怎么又要排队？', mood: 'annoyed', reply: '让您久等了，我马上办。', judged: null }])
    expect(view.node.type === 'turn' && view.node.customer).toBe('要多久？')
  })

  it('in practice, judges each turn once answered and shows the best path once the dialogue ended', () => {
    const turn = scenario.toView(item, { ...viewContext('seed-1', true, ['r1']), feedbackAsYouGo: true })
    expect(turn.transcript[0].judged).toEqual({ feedback: 'GOOD-N1', points: 3, bestPoints: 3 })
    expect(turn.bestPath).toBeNull() // not before the end: it would tell the next turn's best reply
    expect(leakedWords(turn.node, ['GOOD-N2', 'MEH-N2'])).toEqual([])
    const ended = scenario.toView(item, { ...viewContext('seed-1', true, ['r1', 'r2']), feedbackAsYouGo: true })
    expect(ended.transcript.map((t) => t.judged?.feedback)).toEqual(['GOOD-N1', 'MEH-N2'])
    expect(ended.bestPath).toEqual(['让您久等了，我马上办。', '大约五分钟。'])
  })

  it('in a graded quiz, nothing is judged before submitting', () => {
    const ended = scenario.toView(item, viewContext('seed-1', true, ['r1', 'r2']))
    expect(ended.transcript.every((t) => t.judged === null) && ended.bestPath === null).toBe(true)
  })

  it('shows the ending once reached', () =>
    expect(scenario.toView(item, viewContext('seed-1', true, ['r2'])).node).toEqual({
      type: 'end',
      end: 'complaint',
      text: 'ENDING-COMPLAINT',
    }))

  it('refuses to build a view from a recorded path that is not a list of ids', () =>
    expect(() => scenario.toView(item, viewContext('seed-1', true, 'r1'))).toThrow())
})

describe('scenario: content problems', () => {
  it.each([
    { scenarioId: 'queue', problems: [] },
    { scenarioId: 'gone', problems: [{ path: ['scenario'], message: '情景对话「gone」不存在' }] },
  ])('$scenarioId → $problems.length problem(s)', ({ scenarioId, problems }) =>
    expect(scenario.problems({ ...item, scenario: scenarioId }, scoringContext, 'zh-CN')).toEqual(problems),
  )
})

describe('scenario: best, worst and review', () => {
  it('best follows the best path, worst the worst', () => {
    expect(scenario.bestResponse(item, scoringContext)).toEqual({ replyIds: ['r1', 'r1'] })
    expect(scenario.score(item, scenario.bestResponse(item, scoringContext), scoringContext).points).toBe(4)
    expect(scenario.score(item, scenario.worstResponse(item, scoringContext), scoringContext).points).toBe(0)
  })

  it('the review shows each turn with its points, the best available, feedback and the ending', () => {
    const review = scenario.review(item, { replyIds: ['r1', 'r2'] }, scoringContext)
    expect(review.steps.map((step) => [step.customer, step.reply, step.points, step.bestPoints, step.feedback])).toEqual([
      ['怎么又要排队？', '让您久等了，我马上办。', 3, 3, 'GOOD-N1'],
      ['要多久？', '我也说不好。', 1, 2, 'MEH-N2'],
    ])
    expect(review.ending).toEqual({ end: 'escalated', text: 'ENDING-ESCALATED' })
  })

  it('an unfinished path has no ending in the review', () =>
    expect(scenario.review(item, { replyIds: ['r1'] }, scoringContext).ending).toBeNull())
})

describe('playScenarioTurn: one reply during an attempt', () => {
  const attemptSeed = 'attempt-seed'
  // what the client got when the attempt started: the quiz view builds item views with the item's own seed
  const firstNode = scenario.toView(item, viewContext(itemSeed(attemptSeed, item.id))).node
  const replyId = (text: string) =>
    (firstNode.type === 'turn' ? firstNode.replies.find((reply) => reply.text === text)?.id : undefined) ?? ''

  it('records the reply and sends only then the next node', () => {
    const turn = playScenarioTurn(item, attemptSeed, [], replyId('让您久等了，我马上办。'), scoringContext)
    expect(turn.ok && [turn.step, turn.replyIds, turn.ended]).toEqual([
      { nodeId: 'n1', replyId: 'r1', points: 3, bestPoints: 3 },
      ['r1'],
      null,
    ])
    expect(turn.ok && turn.node.type === 'turn' && turn.node.customer).toBe('要多久？')
    expect(leakedWords(turn.ok && turn.node, ['GOOD-', 'MEH-', 'ENDING-'])).toEqual([])
  })

  it('ends with the ending node', () => {
    const turn = playScenarioTurn(item, attemptSeed, [], replyId('急什么，排着。'), scoringContext)
    expect(turn.ok && [turn.ended, turn.node]).toEqual(['complaint', { type: 'end', end: 'complaint', text: 'ENDING-COMPLAINT' }])
  })

  it.each([
    {
      case: 'a reply id from the node already answered',
      recorded: ['r1'],
      reply: '让您久等了，我马上办。',
      error: 'unknown-reply',
    },
    { case: 'a reply after the ending', recorded: ['r2'], reply: '急什么，排着。', error: 'ended' },
    { case: 'a recorded path that does not fit', recorded: ['r9'], reply: '急什么，排着。', error: 'unknown-reply' },
  ])('refuses $case', ({ recorded, reply, error }) =>
    expect(playScenarioTurn(item, attemptSeed, recorded, replyId(reply), scoringContext)).toEqual({ ok: false, error }),
  )
})
