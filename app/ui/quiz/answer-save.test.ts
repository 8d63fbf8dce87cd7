import { describe, expect, it } from 'vitest'
import { isSuccessfulAnswerSave } from './answer-save'

const form = (entries: Record<string, string>) => {
  const data = new FormData()
  for (const [k, v] of Object.entries(entries)) data.set(k, v)
  return data
}
const saved = { itemId: 'q1', errors: [], invalid: [], closed: false }
const save = form({ intent: 'save', item: 'q1', 'a.q1': 'x' })
const attempt = '/quizzes/etiquette-quiz/attempts/abc123'

describe('isSuccessfulAnswerSave: which submissions skip re-running the page loaders', () => {
  it.each([
    ['a saved item on the attempt page', { formMethod: 'POST', formAction: attempt, formData: save, actionResult: saved }, true],
    ['the same, method in lower case and a query string', { formMethod: 'post', formAction: `${attempt}?index`, formData: save, actionResult: saved }, true],
    ['an item kept as typed that does not parse yet (still saved)', { formMethod: 'POST', formAction: attempt, formData: save, actionResult: { ...saved, invalid: [{ itemId: 'q1', error: 'x' }] } }, true],
    ['a refused save (errors): the page reloads what is stored', { formMethod: 'POST', formAction: attempt, formData: save, actionResult: { ...saved, errors: [{ itemId: 'q1', error: 'x' }] } }, false],
    ['the attempt closed meanwhile (deadline): the page shows the review', { formMethod: 'POST', formAction: attempt, formData: save, actionResult: { ...saved, closed: true } }, false],
    ['no action result (a navigation)', { formMethod: undefined, formAction: undefined, formData: undefined, actionResult: undefined }, false],
    ['交卷 (intent=submit)', { formMethod: 'POST', formAction: attempt, formData: form({ intent: 'submit' }), actionResult: undefined }, false],
    ['a dialogue reply', { formMethod: 'POST', formAction: attempt, formData: form({ intent: 'reply', itemId: 'd', replyId: 'r' }), actionResult: undefined }, false],
    ['intent=save posted to another page (the studio)', { formMethod: 'POST', formAction: '/studio/courses/x', formData: save, actionResult: saved }, false],
    ['a GET form', { formMethod: 'GET', formAction: attempt, formData: save, actionResult: saved }, false],
  ] as const)('%s', (_, submission, expected) => {
    expect(isSuccessfulAnswerSave(submission as Parameters<typeof isSuccessfulAnswerSave>[0])).toBe(expected)
  })
})
