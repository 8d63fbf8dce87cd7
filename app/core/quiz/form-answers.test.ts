// Table tests for reading answers from an HTML form: each item type reads its own fields.
import fc from 'fast-check'
import { answersFromForm, formFields, type FormEntries } from './form-answers'
import { QuizItemSchema } from './registry'

const options = [
  { id: 'a', text: 'A', correct: true, feedback: 'f' },
  { id: 'b', text: 'B', feedback: 'f' },
]
const items = [
  { id: 'q1', type: 'single', points: 1, prompt: '?', options },
  { id: 'q2', type: 'multiple', scoring: 'partial', points: 1, prompt: '?', options },
  { id: 'q3', type: 'ordering', points: 1, prompt: '?', feedback: 'f', entries: [{ id: 'x', text: 'X' }, { id: 'y', text: 'Y' }] },
  { id: 'q4', type: 'matching', points: 1, prompt: '?', feedback: 'f', pairs: [{ id: 'x', left: 'X', right: '1' }, { id: 'y', left: 'Y', right: '2' }] },
  { id: 'q5', type: 'text', points: 1, prompt: '?', required: [['请稍等']], feedback: 'f' },
  { id: 'q6', type: 'scenario', points: 1, scenario: 'queue' },
].map((raw) => QuizItemSchema.parse(raw))

describe('answersFromForm', () => {
  it.each<{ case: string; form: FormEntries; answers: Record<string, unknown> }>([
    { case: 'nothing answered', form: [], answers: {} },
    { case: 'single choice', form: [['a.q1', 'o7']], answers: { q1: 'o7' } },
    { case: 'multiple choice, two picked', form: [['present.q2', '1'], ['a.q2', 'o1'], ['a.q2', 'o3']], answers: { q2: ['o1', 'o3'] } },
    { case: 'multiple choice, all unticked is an empty answer', form: [['present.q2', '1']], answers: { q2: [] } },
    { case: 'ordering: the entries in the order of their fields', form: [['o.q3', 'e2'], ['o.q3', 'e9'], ['o.q3', 'e5']], answers: { q3: ['e2', 'e9', 'e5'] } },
    { case: 'matching, one left unmatched', form: [['m.q4.l1', 'r4'], ['m.q4.l2', '']], answers: { q4: { l1: 'r4' } } },
    { case: 'matching with one right twice is read as sent (parsing refuses it)', form: [['m.q4.l1', 'r4'], ['m.q4.l2', 'r4']], answers: { q4: { l1: 'r4', l2: 'r4' } } },
    { case: 'text', form: [['a.q5', '您好，请稍等']], answers: { q5: '您好，请稍等' } },
    { case: 'a scenario cannot be answered from a form', form: [['a.q6', 'r1']], answers: {} },
    { case: 'fields of unknown items are ignored', form: [['a.zz', 'x']], answers: {} },
  ])('$case', ({ form, answers }) => expect(answersFromForm(form, items)).toEqual(answers))

  it('a per-item save reads an item the form holds nothing for as blank (an unticked radio group sends nothing)', () =>
    expect(answersFromForm([], items.slice(0, 1), true)).toEqual({ q1: null }))

  it('a per-item save never makes a blank answer for a dialogue (the server records it)', () =>
    expect(answersFromForm([], items.slice(5), true)).toEqual({}))
})

describe('formFields', () => {
  const scanned = (entries: FormEntries, prefix: string) => entries.filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key.slice(prefix.length), value])

  it.each<[string, FormEntries, string, Array<[string, string]>]>([
    ['a matching item’s fields, in form order, others left out', [['m.q4.l2', 'r1'], ['a.q1', 'o1'], ['m.q4.l1', 'r2'], ['m.q40.l1', 'r3']], 'm.q4.', [['l2', 'r1'], ['l1', 'r2']]],
    ['an item id with a dot: a prefix of three parts is scanned', [['m.a.b.l1', 'r1'], ['m.a.c.l1', 'r2']], 'm.a.b.', [['l1', 'r1']]],
    ['a prefix of one part', [['m.q4.l1', 'r1'], ['mq.x', 'r2'], ['m.q5.l1', 'r3']], 'm.', [['q4.l1', 'r1'], ['q5.l1', 'r3']]],
    ['a prefix that ends inside a part', [['m.q4.l1', 'r1'], ['m.q40.l1', 'r2']], 'm.q4', [['.l1', 'r1'], ['0.l1', 'r2']]],
    ['a name that is its two parts exactly', [['m.q4.', 'r1'], ['m.q4.l1', 'r2']], 'm.q4.', [['', 'r1'], ['l1', 'r2']]],
    ['nothing under the prefix', [['a.q1', 'o1']], 'm.q4.', []],
  ])('prefixed: %s', (_, entries, prefix, expected) => {
    expect(formFields(entries).prefixed(prefix)).toEqual(expected)
    expect(scanned(entries, prefix)).toEqual(expected)
  })

  it('prefixed gives what a scan of every field gives, for any fields and prefix', () => {
    const part = fc.constantFrom('m', 'a', 'q4', 'q40', 'l1', '', 'x.y')
    const name = fc.array(part, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.'))
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.string({ maxLength: 3 })), { maxLength: 20 }), fc.oneof(name, name.map((n) => `${n}.`)), (entries, prefix) => {
        const fields = formFields(entries)
        expect(fields.prefixed(prefix)).toEqual(scanned(entries, prefix))
        expect(fields.prefixed(prefix)).toEqual(scanned(entries, prefix)) // asked twice: the grouping is kept
      }),
    )
  })
})
