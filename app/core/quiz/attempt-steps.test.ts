// Table tests for folding an attempt's step log into its latest answers and recorded dialogue replies.
import { answersOfSteps, currentOfSteps, type LoggedStep } from './attempt-steps'

const answer = (itemId: string, value: unknown): LoggedStep => ({ itemId, kind: 'answer', payload: JSON.stringify(value) })
const reply = (itemId: string, replyId: string): LoggedStep => ({ itemId, kind: 'reply', payload: JSON.stringify(replyId) })

describe('answersOfSteps', () => {
  it.each<{ case: string; steps: LoggedStep[]; saved: Record<string, unknown>; recorded: Record<string, string[]> }>([
    { case: 'an empty log', steps: [], saved: {}, recorded: {} },
    { case: 'the latest answer of each item wins', steps: [answer('q1', 'o1'), answer('q2', ['o2']), answer('q1', 'o3')], saved: { q1: 'o3', q2: ['o2'] }, recorded: {} },
    { case: 'a return to an earlier answer', steps: [answer('q1', 'o1'), answer('q1', 'o2'), answer('q1', 'o1')], saved: { q1: 'o1' }, recorded: {} },
    { case: 'a blank answer after one given', steps: [answer('q1', 'o1'), answer('q1', null)], saved: { q1: null }, recorded: {} },
    { case: 'replies in the order chosen, not mistaken for answers', steps: [reply('s1', 'r1'), answer('q1', 'x'), reply('s1', 'r2')], saved: { q1: 'x' }, recorded: { s1: ['r1', 'r2'] } },
    { case: 'an answer and replies of the same item apart', steps: [answer('s1', 'a'), reply('s1', 'r1')], saved: { s1: 'a' }, recorded: { s1: ['r1'] } },
    { case: 'a reply that is not an id is skipped', steps: [{ itemId: 's1', kind: 'reply', payload: '7' }, reply('s1', 'r2')], saved: {}, recorded: { s1: ['r2'] } },
    { case: 'another kind of step is ignored', steps: [{ itemId: 'q1', kind: 'override', payload: '{"points":1}' }], saved: {}, recorded: {} },
  ])('$case', ({ steps, saved, recorded }) => expect(answersOfSteps(steps)).toEqual({ saved, recorded }))

  it('does not parse the answers a later save replaced', () => {
    // an earlier payload that would not even parse is never read
    const steps: LoggedStep[] = [{ itemId: 'q1', kind: 'answer', payload: 'not json' }, answer('q1', 'o2')]
    expect(answersOfSteps(steps).saved).toEqual({ q1: 'o2' })
  })
})

describe('currentOfSteps', () => {
  const cases: Array<{ case: string; steps: LoggedStep[]; kept: number[] }> = [
    { case: 'an empty log', steps: [], kept: [] },
    { case: 'each item keeps its latest answer, in log order', steps: [answer('q1', 'o1'), answer('q2', 'x'), answer('q1', 'o2'), answer('q2', 'y'), answer('q3', 'z')], kept: [2, 3, 4] },
    { case: 'a return to an earlier answer keeps the return', steps: [answer('q1', 'o1'), answer('q1', 'o2'), answer('q1', 'o1')], kept: [2] },
    { case: 'every reply, in order, beside the item’s latest answer', steps: [reply('s1', 'r1'), answer('s1', 'a'), reply('s1', 'r2'), answer('s1', 'b')], kept: [0, 2, 3] },
    { case: 'other kinds of step are left out', steps: [answer('q1', 'o1'), { itemId: 'q1', kind: 'override', payload: '{}' }], kept: [0] },
  ]
  it.each(cases)('$case', ({ steps, kept }) => expect(currentOfSteps(steps)).toEqual(kept.map((i) => steps[i])))

  it.each(cases)('folds to the same answers as the whole log: $case', ({ steps }) => expect(answersOfSteps(currentOfSteps(steps))).toEqual(answersOfSteps(steps)))
})
