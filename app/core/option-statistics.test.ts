// Checks option pick rates and the dialogue figures (reply pick rates, common paths, worst turn), ties included.
import {
  commonPaths,
  dialogueStatistics,
  optionPickRates,
  replyPickRates,
  turnLosses,
  worstTurn,
  type DialoguePath,
  type DialogueStep,
  type OptionResponse,
} from './option-statistics'

/** An answer to a choice item: `pick('i1', 'A', 'C')`. */
const pick = (itemId: string, ...optionIds: string[]): OptionResponse => ({ itemId, optionIds })

/** A dialogue turn: reply `replyId` at `nodeId`, scoring `points` of the node's best `bestPoints`. */
const turn = (nodeId: string, replyId: string, points: number, bestPoints: number): DialogueStep => ({
  nodeId,
  replyId,
  points,
  bestPoints,
})

describe('optionPickRates', () => {
  it.each([
    { case: 'no attempts and nothing offered gives no rows', attempts: [], offered: [], rates: [] },
    {
      case: 'an offered item nobody answered has null rates, not NaN',
      attempts: [],
      offered: [{ itemId: 'i1', optionIds: ['A', 'B'] }],
      rates: [{ itemId: 'i1', responses: 0, blanks: 0, options: [
        { optionId: 'A', picks: 0, rate: null }, { optionId: 'B', picks: 0, rate: null }] }],
    },
    {
      case: 'single choice: rates over the attempts, an option nobody picked at 0, offered order kept',
      attempts: [[pick('i1', 'B')], [pick('i1', 'A')], [pick('i1', 'A')], [pick('i1', 'A')]],
      offered: [{ itemId: 'i1', optionIds: ['A', 'B', 'C'] }],
      rates: [{ itemId: 'i1', responses: 4, blanks: 0, options: [
        { optionId: 'A', picks: 3, rate: 0.75 }, { optionId: 'B', picks: 1, rate: 0.25 },
        { optionId: 'C', picks: 0, rate: 0 }] }],
    },
    {
      case: 'multiple choice: rates may sum above 1, a repeated option counts once per response',
      attempts: [[pick('i1', 'A', 'B', 'A')], [pick('i1', 'A')]],
      offered: [],
      rates: [{ itemId: 'i1', responses: 2, blanks: 0, options: [
        { optionId: 'A', picks: 2, rate: 1 }, { optionId: 'B', picks: 1, rate: 0.5 }] }],
    },
    {
      case: 'a blank answer counts as a response that picked nothing',
      attempts: [[pick('i1', 'A')], [pick('i1')]],
      offered: [{ itemId: 'i1', optionIds: ['A'] }],
      rates: [{ itemId: 'i1', responses: 2, blanks: 1, options: [{ optionId: 'A', picks: 1, rate: 0.5 }] }],
    },
    {
      case: 'each item over its own responses; items and unoffered options in first-seen order',
      attempts: [[pick('i2', 'X'), pick('i1', 'Z')], [pick('i2', 'Y')], [pick('i2', 'X')]],
      offered: [{ itemId: 'i1', optionIds: ['A'] }],
      rates: [
        { itemId: 'i1', responses: 1, blanks: 0, options: [
          { optionId: 'A', picks: 0, rate: 0 }, { optionId: 'Z', picks: 1, rate: 1 }] },
        { itemId: 'i2', responses: 3, blanks: 0, options: [
          { optionId: 'X', picks: 2, rate: 2 / 3 }, { optionId: 'Y', picks: 1, rate: 1 / 3 }] },
      ],
    },
  ])('$case', ({ attempts, offered, rates }) => {
    expect(optionPickRates(attempts, offered)).toEqual(rates)
  })
})

// Three attempts at a two-turn dialogue: greet (best 2 points), then explain (best 3 points).
const twoTurns: DialoguePath[] = [
  [turn('greet', 'warm', 2, 2), turn('explain', 'jargon', 1, 3)],
  [turn('greet', 'curt', 0, 2), turn('explain', 'plain', 3, 3)],
  [turn('greet', 'warm', 2, 2), turn('explain', 'jargon', 1, 3)],
]

describe('replyPickRates', () => {
  it.each([
    { case: 'no attempts gives no nodes', paths: [], rates: [] },
    {
      case: 'each reply over the visits to its node, nodes and replies in first-seen order',
      paths: twoTurns,
      rates: [
        { nodeId: 'greet', visits: 3, replies: [
          { replyId: 'warm', picks: 2, rate: 2 / 3 }, { replyId: 'curt', picks: 1, rate: 1 / 3 }] },
        { nodeId: 'explain', visits: 3, replies: [
          { replyId: 'jargon', picks: 2, rate: 2 / 3 }, { replyId: 'plain', picks: 1, rate: 1 / 3 }] },
      ],
    },
    {
      case: 'a node revisited in one attempt counts each visit',
      paths: [[turn('ask', 'vague', 0, 1), turn('ask', 'clear', 1, 1)], [turn('ask', 'clear', 1, 1)]],
      rates: [{ nodeId: 'ask', visits: 3, replies: [
        { replyId: 'vague', picks: 1, rate: 1 / 3 }, { replyId: 'clear', picks: 2, rate: 2 / 3 }] }],
    },
  ])('$case', ({ paths, rates }) => {
    expect(replyPickRates(paths)).toEqual(rates)
  })
})

const route = (...pairs: [string, string][]) => pairs.map(([nodeId, replyId]) => turn(nodeId, replyId, 0, 0))
const steps = (...pairs: [string, string][]) => pairs.map(([nodeId, replyId]) => ({ nodeId, replyId }))

describe('commonPaths', () => {
  const tied = [route(['n1', 'b']), route(['n1', 'a']), route(['n1', 'c']), route(['n1', 'a']), route(['n1', 'b'])]
  it.each([
    { case: 'no attempts gives no paths', paths: [], top: 3, common: [] },
    {
      case: 'most taken first, with each path’s share of all attempts',
      paths: twoTurns,
      top: 5,
      common: [
        { steps: steps(['greet', 'warm'], ['explain', 'jargon']), count: 2, share: 2 / 3 },
        { steps: steps(['greet', 'curt'], ['explain', 'plain']), count: 1, share: 1 / 3 },
      ],
    },
    {
      case: 'equal counts keep first-seen order, and only the top N are kept',
      paths: tied,
      top: 2,
      common: [
        { steps: steps(['n1', 'b']), count: 2, share: 0.4 },
        { steps: steps(['n1', 'a']), count: 2, share: 0.4 },
      ],
    },
    { case: 'top 0 keeps nothing', paths: tied, top: 0, common: [] },
    {
      case: 'ids containing separators do not merge distinct paths',
      paths: [route(['a:b', 'c']), route(['a', 'b:c'])],
      top: 5,
      common: [
        { steps: steps(['a:b', 'c']), count: 1, share: 0.5 },
        { steps: steps(['a', 'b:c']), count: 1, share: 0.5 },
      ],
    },
  ])('$case', ({ paths, top, common }) => {
    expect(commonPaths(paths, top)).toEqual(common)
  })
})

describe('worstTurn', () => {
  it.each([
    { case: 'no attempts: no worst turn', paths: [], worst: null },
    { case: 'nobody lost a point: no worst turn', paths: [[turn('greet', 'warm', 2, 2)]], worst: null },
    {
      case: 'the node with the highest mean loss',
      paths: twoTurns,
      worst: { nodeId: 'explain', visits: 3, totalPointsLost: 4, meanPointsLost: 4 / 3 },
    },
    {
      case: 'a tie goes to the node seen first',
      paths: [[turn('n2', 'x', 0, 1), turn('n1', 'y', 0, 1)]],
      worst: { nodeId: 'n2', visits: 1, totalPointsLost: 1, meanPointsLost: 1 },
    },
    {
      case: 'the mean decides, not the total over many visits',
      paths: [
        [turn('often', 'a', 1, 2), turn('rare', 'b', 0, 3)],
        [turn('often', 'a', 1, 2)],
        [turn('often', 'a', 0, 2)],
        [turn('often', 'a', 1, 2)],
      ],
      worst: { nodeId: 'rare', visits: 1, totalPointsLost: 3, meanPointsLost: 3 },
    },
  ])('$case', ({ paths, worst }) => {
    expect(worstTurn(paths)).toEqual(worst)
  })
})

describe('dialogueStatistics', () => {
  it('gathers the reply rates, the common paths, every node’s loss and the worst turn', () => {
    const report = dialogueStatistics(twoTurns, 1)
    expect(report.replies).toEqual(replyPickRates(twoTurns))
    expect(report.commonPaths).toEqual([
      { steps: steps(['greet', 'warm'], ['explain', 'jargon']), count: 2, share: 2 / 3 },
    ])
    expect(report.turnLosses).toEqual([
      { nodeId: 'greet', visits: 3, totalPointsLost: 2, meanPointsLost: 2 / 3 },
      { nodeId: 'explain', visits: 3, totalPointsLost: 4, meanPointsLost: 4 / 3 },
    ])
    expect(report.worstTurn?.nodeId).toBe('explain')
  })

  it('is empty, not NaN, for a scenario nobody attempted', () => {
    expect(dialogueStatistics([])).toEqual({ replies: [], commonPaths: [], turnLosses: [], worstTurn: null })
  })

  it('keeps five paths by default', () => {
    const many = ['a', 'b', 'c', 'd', 'e', 'f'].map((reply) => route(['n1', reply]))
    expect(dialogueStatistics(many).commonPaths.map((path) => path.steps[0].replyId)).toEqual(['a', 'b', 'c', 'd', 'e'])
  })
})

describe('turnLosses', () => {
  it('lists every node in first-seen order, including those where nothing was lost', () => {
    const losses = turnLosses([[turn('n1', 'a', 1, 1), turn('n2', 'b', 0.5, 1)]])
    expect(losses.map((loss) => [loss.nodeId, loss.meanPointsLost])).toEqual([['n1', 0], ['n2', 0.5]])
  })
})
