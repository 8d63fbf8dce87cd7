import { parse } from 'yaml'
import { appendQuizItems } from './quiz-items'

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
