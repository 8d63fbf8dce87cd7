import { parse } from 'yaml'
import { appendQuizItems, itemsNotIn } from './quiz-items'

const QUIZ = `id: demo-quiz # kept
course: demo
items:
  - id: q1
    type: single
    points: 1
`

describe('appendQuizItems', () => {
  it.each([
    ['a new id is kept', [{ id: 'bank-7', type: 'truefalse', points: 1 }], ['q1', 'bank-7']],
    ['a clashing id gets a suffix', [{ id: 'q1', type: 'single', points: 1 }, { id: 'q1', type: 'single', points: 2 }], ['q1', 'q1-2', 'q1-3']],
  ])('%s', (_, items, ids) => {
    const text = appendQuizItems(QUIZ, items)
    expect((parse(text) as { items: Array<{ id: string }> }).items.map((i) => i.id)).toEqual(ids)
    expect(text).toContain('# kept')
  })

  it('creates the item list when the quiz has none', () => {
    expect(parse(appendQuizItems('id: q\ncourse: demo\n', [{ id: 'a', type: 'single' }])).items).toEqual([{ id: 'a', type: 'single' }])
  })
})

describe('itemsNotIn', () => {
  const tf = { id: 'bank-7', type: 'truefalse', points: 1, prompt: '可以代客户签字。', answer: false }
  it.each([
    ['a new item is kept', QUIZ, [tf], ['bank-7']],
    ['the same content under another id is left out', appendQuizItems(QUIZ, [{ ...tf, id: 'renamed' }]), [tf], []],
    ['key order does not matter', appendQuizItems(QUIZ, [{ answer: false, prompt: '可以代客户签字。', points: 1, type: 'truefalse', id: 'x' }]), [tf], []],
    ['a changed detail is a different item', appendQuizItems(QUIZ, [tf]), [{ ...tf, points: 2 }], ['bank-7']],
    ['the same item twice in one pick counts once', QUIZ, [tf, { ...tf, id: 'bank-7b' }], ['bank-7']],
    ['a quiz with no items keeps everything', 'id: q\n', [tf], ['bank-7']],
  ])('%s', (_, quiz, items, ids) => {
    expect(itemsNotIn(quiz, items).map((i) => i.id)).toEqual(ids)
  })
})
