import { answersFromForm, type FormEntries } from './form-answers'

const items = [
  { id: 'q1', type: 'single' },
  { id: 'q2', type: 'multiple' },
  { id: 'q3', type: 'ordering' },
  { id: 'q4', type: 'matching' },
  { id: 'q5', type: 'text' },
  { id: 'q6', type: 'scenario' },
]

describe('answersFromForm', () => {
  it.each<{ case: string; form: FormEntries; answers: Record<string, unknown>; errors?: Record<string, string> }>([
    { case: 'nothing answered', form: [], answers: {} },
    { case: 'single choice', form: [['a.q1', 'o7']], answers: { q1: 'o7' } },
    { case: 'multiple choice, two picked', form: [['present.q2', '1'], ['a.q2', 'o1'], ['a.q2', 'o3']], answers: { q2: ['o1', 'o3'] } },
    { case: 'multiple choice, all unticked is an empty answer', form: [['present.q2', '1']], answers: { q2: [] } },
    {
      case: 'ordering by position numbers',
      form: [['o.q3.e2', '1'], ['o.q3.e9', '3'], ['o.q3.e5', '2']],
      answers: { q3: ['e2', 'e5', 'e9'] },
    },
    { case: 'ordering with a position used twice', form: [['o.q3.e2', '1'], ['o.q3.e9', '1']], answers: {}, errors: { q3: 'order-duplicate' } },
    { case: 'matching, one left unmatched', form: [['m.q4.l1', 'r4'], ['m.q4.l2', '']], answers: { q4: { l1: 'r4' } } },
    { case: 'text', form: [['a.q5', '您好，请稍等']], answers: { q5: '您好，请稍等' } },
    { case: 'a scenario cannot be answered from a form', form: [['a.q6', 'r1']], answers: {} },
    { case: 'fields of unknown items are ignored', form: [['a.zz', 'x']], answers: {} },
  ])('$case', ({ form, answers, errors }) => {
    const result = answersFromForm(form, items)
    expect(result.answers).toEqual(answers)
    expect(result.errors).toEqual(errors ?? {})
  })
})
