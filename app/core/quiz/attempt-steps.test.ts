// Table tests for folding an attempt's step log into its latest answers and recorded dialogue replies.
import fc from 'fast-check'
import { answersOfSteps, changedAnswers, currentOfSteps, SUBMITTED_ANSWERS, submittedAnswersStep, type LoggedStep } from './attempt-steps'

const answer = (itemId: string, value: unknown): LoggedStep => ({ itemId, kind: 'answer', payload: JSON.stringify(value) })
const reply = (itemId: string, replyId: string): LoggedStep => ({ itemId, kind: 'reply', payload: JSON.stringify(replyId) })
const submitted = (answers: Record<string, unknown>): LoggedStep => ({ itemId: '', kind: SUBMITTED_ANSWERS, payload: JSON.stringify(answers) })

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
    {
      case: "the submission's answers replace what was saved, the others stay",
      steps: [answer('q1', 'o1'), answer('q2', 'x'), submitted({ q1: 'o2', q3: ['a', 'b'] })],
      saved: { q1: 'o2', q2: 'x', q3: ['a', 'b'] },
      recorded: {},
    },
    { case: 'a blank sent with the submission', steps: [answer('q1', 'o1'), submitted({ q1: null })], saved: { q1: null }, recorded: {} },
    { case: "a submission's step that is no object adds nothing", steps: [answer('q1', 'o1'), { itemId: '', kind: SUBMITTED_ANSWERS, payload: '["q1"]' }], saved: { q1: 'o1' }, recorded: {} },
    { case: 'replies beside the submission', steps: [reply('s1', 'r1'), submitted({ q1: 'o1' }), { itemId: 'q1', kind: 'override', payload: '{}' }], saved: { q1: 'o1' }, recorded: { s1: ['r1'] } },
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
    { case: "the submission's answers are kept, after the latest saves", steps: [answer('q1', 'o1'), answer('q1', 'o2'), reply('s1', 'r1'), submitted({ q1: 'o3' })], kept: [1, 2, 3] },
  ]
  it.each(cases)('$case', ({ steps, kept }) => expect(currentOfSteps(steps)).toEqual(kept.map((i) => steps[i])))

  it.each(cases)('folds to the same answers as the whole log: $case', ({ steps }) => expect(answersOfSteps(currentOfSteps(steps))).toEqual(answersOfSteps(steps)))
})

describe('changedAnswers', () => {
  it.each<{ case: string; latest: [string, string][]; sent: Record<string, unknown>; changed: [string, string][] }>([
    { case: 'nothing sent', latest: [['q1', '"o1"']], sent: {}, changed: [] },
    { case: 'an answer equal to the latest is not logged again', latest: [['q1', '"o1"']], sent: { q1: 'o1' }, changed: [] },
    { case: 'a changed answer and a first one, in the order sent', latest: [['q1', '"o1"']], sent: { q2: ['a'], q1: 'o2' }, changed: [['q2', '["a"]'], ['q1', '"o2"']] },
    { case: 'a blank after an answer is a change', latest: [['q1', '"o1"']], sent: { q1: null }, changed: [['q1', 'null']] },
  ])('$case', ({ latest, sent, changed }) => expect(changedAnswers(new Map(latest), sent)).toEqual(changed))
})

describe('submittedAnswersStep', () => {
  it('is no step when nothing changed', () => expect(submittedAnswersStep([])).toBeNull())

  it('is one step whose payload is the changed answers by item id', () => {
    const step = submittedAnswersStep([['q1', '"o2"'], ['q "2"', '{"order":["b","a"]}']])
    expect(step).toEqual({ itemId: '', kind: SUBMITTED_ANSWERS, payload: expect.any(String) })
    expect(JSON.parse(step!.payload)).toEqual({ q1: 'o2', 'q "2"': { order: ['b', 'a'] } })
  })

  // the submission's one step folds to what a step an answer folded to (the log's old shape for a close)
  it('folds, after any log, to the same answers as one step per changed answer', () => {
    const value = fc.oneof(fc.constant(null), fc.string(), fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }), fc.record({ text: fc.string() }))
    const itemId = fc.constantFrom('q1', 'q2', 'q3', 's1')
    const logged = fc.array(fc.oneof(fc.tuple(itemId, value).map(([id, v]) => answer(id, v)), fc.tuple(itemId, fc.constantFrom('r1', 'r2')).map(([id, r]) => reply(id, r))), { maxLength: 12 })
    fc.assert(
      fc.property(logged, fc.dictionary(itemId, value), (log, sent) => {
        const latest = new Map(log.filter((s) => s.kind === 'answer').map((s) => [s.itemId, s.payload]))
        const changed = changedAnswers(latest, sent)
        const step = submittedAnswersStep(changed)
        const perAnswer = changed.map(([id, payload]) => ({ itemId: id, kind: 'answer', payload }))
        const folded = answersOfSteps([...log, ...(step ? [step] : [])])
        expect(folded).toEqual(answersOfSteps([...log, ...perAnswer]))
        expect(answersOfSteps(currentOfSteps([...log, ...(step ? [step] : [])]))).toEqual(folded)
      }),
    )
  })
})
