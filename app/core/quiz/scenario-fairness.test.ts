import { describe, expect, it } from 'vitest'
import { defensibleShare, scenarioFairnessProblems } from './scenario-fairness'
import { scenarioOfReplies, type FixtureReply } from './test-fixtures'

type Reply = FixtureReply
const scenarioOf = scenarioOfReplies

const fair: Reply[] = [{ points: 3, next: 'next' }, { points: 1, next: 'next' }, { points: 0, next: 'end-bad' }]
const last: Reply[] = [{ points: 3, next: 'end-ok' }, { points: 1, next: 'end-escalated' }, { points: 0, next: 'end-bad' }]

describe('endings agree with the reply that reaches them', () => {
  it('accepts a scenario whose endings follow the points', () => {
    expect(scenarioFairnessProblems(scenarioOf([fair, last]), 'zh-CN')).toEqual([])
  })

  it.each([
    { name: 'a 0-point reply ending satisfied', nodes: [fair, [{ points: 3, next: 'end-ok' }, { points: 1, next: 'end-ok' }, { points: 0, next: 'end-ok' }]], path: 'nodes.1.replies.2.next', message: /0 分的回复直接走到「满意」结局「end-ok」/ },
    { name: 'the best reply ending in a complaint', nodes: [fair, [{ points: 3, next: 'end-bad' }, { points: 1, next: 'end-ok' }]], path: 'nodes.1.replies.0.next', message: /得分最高的回复直接走到「投诉」结局/ },
  ])('reports $name at $path', ({ nodes, path, message }) => {
    const problems = scenarioFairnessProblems(scenarioOf(nodes), 'zh-CN')
    expect(problems.map((p) => [p.path.join('.'), p.message])).toEqual([[path, expect.stringMatching(message)]])
  })

  it('lets a lesser reply with points share the happy ending (the text then speaks of both)', () => {
    expect(scenarioFairnessProblems(scenarioOf([fair, [{ points: 3, next: 'end-ok' }, { points: 2, next: 'end-ok' }]]), 'zh-CN')).toEqual([])
  })
})

describe('at least a third of the nodes offer two defensible replies', () => {
  const obvious: Reply[] = [{ points: 3, next: 'next' }, { points: 0, next: 'end-bad' }]
  const tie: Reply[] = [{ points: 2, next: 'next' }, { points: 2, next: 'next' }, { points: 0, next: 'end-bad' }]

  it.each([
    { name: 'one of three', nodes: [fair, obvious, last], share: { counted: 3, defensible: 2 }, problem: false },
    { name: 'one of three, exactly a third', nodes: [obvious, obvious, last], share: { counted: 3, defensible: 1 }, problem: false },
    { name: 'one of four', nodes: [obvious, obvious, obvious, last], share: { counted: 4, defensible: 1 }, problem: true },
    { name: 'equal points are not a choice of judgement', nodes: [tie, tie, obvious, [{ points: 3, next: 'end-ok' }, { points: 0, next: 'end-bad' }]], share: { counted: 4, defensible: 0 }, problem: true },
  ])('$name', ({ nodes, share, problem }) => {
    const scenario = scenarioOf(nodes)
    expect(defensibleShare(scenario)).toEqual(share)
    const found = scenarioFairnessProblems(scenario, 'en').filter((p) => p.path.join('.') === 'nodes')
    expect(found.length).toBe(problem ? 1 : 0)
    if (problem) expect(found[0].message).toMatch(new RegExp(`only ${share.defensible}/${share.counted} nodes`))
  })
})
