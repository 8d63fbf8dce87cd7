import { amendRefusal, itemStates, markRefusal, sendBackRefusal, signRefusal, type ItemAction, type ItemState } from './sign-off'

describe('itemStates', () => {
  it.each([
    { case: 'no events: open', events: [], state: 'open' },
    { case: 'marked practised', events: ['practised'], state: 'practised' },
    { case: 'sent back after practice', events: ['practised', 'sent_back'], state: 'sent_back' },
    { case: 'practised again after being sent back', events: ['practised', 'sent_back', 'practised'], state: 'practised' },
    { case: 'signed', events: ['practised', 'signed'], state: 'signed' },
    { case: 'a sign-off is final: a later send-back or amendment does not undo it', events: ['practised', 'signed', 'sent_back', 'amended'], state: 'signed' },
  ] as const)('$case', ({ events, state }) => {
    const states = itemStates(['a', 'b'], events.map((kind) => ({ itemId: 'a', kind })))
    expect(states.get('a')).toBe(state)
    expect(states.get('b')).toBe('open')
  })
  it('events of items not on the checklist are ignored', () => expect([...itemStates(['a'], [{ itemId: 'zz', kind: 'signed' }]).keys()]).toEqual(['a']))
})

const pairing = { mentorId: 'mentor01', menteeId: 'clerk06', active: true }
const action = (over: Partial<ItemAction> & { state?: ItemState | undefined }): ItemAction => ({
  actorId: 'mentor01',
  pairing,
  state: 'practised',
  passedQuizIds: [],
  ...over,
})

describe('signRefusal: only the paired mentor signs a practised item whose quiz is passed', () => {
  it.each([
    { case: 'the paired mentor, a practised item without a quiz', a: action({}), refusal: null },
    { case: 'a linked quiz the mentee passed', a: action({ quizId: 'etiquette-quiz', passedQuizIds: ['etiquette-quiz'] }), refusal: null },
    { case: 'a linked quiz not passed', a: action({ quizId: 'etiquette-quiz', passedQuizIds: ['complaints-quiz'] }), refusal: 'quizNotPassed' },
    { case: 'another mentor', a: action({ actorId: 'mentor02' }), refusal: 'notYourMentee' },
    { case: 'the mentee signing their own item', a: action({ actorId: 'clerk06' }), refusal: 'notYourMentee' },
    { case: 'an item not on this checklist', a: action({ state: undefined }), refusal: 'unknownItem' },
    { case: 'an ended pairing', a: action({ pairing: { ...pairing, active: false } }), refusal: 'pairingClosed' },
    { case: 'already signed (the double tap)', a: action({ state: 'signed' }), refusal: 'alreadySigned' },
    { case: 'not yet practised', a: action({ state: 'open' }), refusal: 'notPractised' },
    { case: 'sent back and not practised again', a: action({ state: 'sent_back' }), refusal: 'notPractised' },
  ])('$case → $refusal', ({ a, refusal }) => expect(signRefusal(a)).toBe(refusal))
})

describe('sendBackRefusal, markRefusal, amendRefusal', () => {
  it.each([
    { case: 'mentor sends back a practised item', run: sendBackRefusal, a: action({}), refusal: null },
    { case: 'a send-back ignores the quiz', run: sendBackRefusal, a: action({ quizId: 'q', passedQuizIds: [] }), refusal: null },
    { case: 'mentor cannot send back a signed item', run: sendBackRefusal, a: action({ state: 'signed' }), refusal: 'alreadySigned' },
    { case: 'another mentor cannot send back', run: sendBackRefusal, a: action({ actorId: 'mentor02' }), refusal: 'notYourMentee' },
    { case: 'mentee marks an open item practised', run: markRefusal, a: action({ actorId: 'clerk06', state: 'open' }), refusal: null },
    { case: 'mentee marks a sent-back item practised again', run: markRefusal, a: action({ actorId: 'clerk06', state: 'sent_back' }), refusal: null },
    { case: 'mentee marks twice (double tap)', run: markRefusal, a: action({ actorId: 'clerk06', state: 'practised' }), refusal: 'alreadyPractised' },
    { case: 'the mentor cannot mark for the mentee', run: markRefusal, a: action({ state: 'open' }), refusal: 'notYourChecklist' },
    { case: 'a signed item cannot be marked', run: markRefusal, a: action({ actorId: 'clerk06', state: 'signed' }), refusal: 'alreadySigned' },
    { case: 'the mentor amends a sign-off', run: amendRefusal, a: action({ state: 'signed' }), refusal: null },
    { case: 'an amendment after completion is still allowed', run: amendRefusal, a: action({ state: 'signed', pairing: { ...pairing, active: false } }), refusal: null },
    { case: 'nothing to amend before a sign-off', run: amendRefusal, a: action({ state: 'practised' }), refusal: 'notSigned' },
    { case: 'the mentee cannot amend', run: amendRefusal, a: action({ actorId: 'clerk06', state: 'signed' }), refusal: 'notYourMentee' },
  ])('$case → $refusal', ({ run, a, refusal }) => expect(run(a)).toBe(refusal))
})
