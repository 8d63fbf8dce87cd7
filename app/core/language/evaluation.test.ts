// Reading labelled files, aggregate figures per category, and the deterministic stratified folds.
import { aggregateScore, kFolds, parseCorpus } from './evaluation'

describe('parseCorpus', () => {
  it('reads label, category and sentence; skips comments and blank lines', () =>
    expect(parseCorpus('# x\nforbidden\t推诿\t找别人去\n\nok\t-\t您好\n', ['推诿'])).toEqual([
      { forbidden: true, category: '推诿', text: '找别人去' },
      { forbidden: false, text: '您好' },
    ]))
  it.each([
    { line: 'forbidden\t粗鲁\t走开', why: 'an unknown category' },
    { line: 'ok\t推诿\t您好', why: 'an ok line with a category' },
    { line: 'maybe\t-\t您好', why: 'an unknown label' },
    { line: 'ok\t-', why: 'no sentence' },
    { line: 'ok\t-\t您好\textra', why: 'a fourth field' },
  ])('refuses $why', ({ line }) => expect(() => parseCorpus(line, ['推诿'])).toThrow('line 1'))
})

describe('aggregateScore', () => {
  const replies = [
    { forbidden: true, category: '推诿', text: 'a' },
    { forbidden: true, category: '推诿', text: 'b' },
    { forbidden: true, category: '催促', text: 'c' },
    { forbidden: false, text: 'd' },
  ]
  it('counts precision, recall, recall per category and category agreement', () => {
    const flagged: Record<string, string | null> = { a: '推诿', c: '冷漠', d: '推诿' }
    const score = aggregateScore(replies, (text) => ({ flagged: text in flagged, category: flagged[text] ?? null }))
    expect(score).toEqual({
      replies: 4,
      forbidden: 3,
      precision: 2 / 3,
      recall: 2 / 3,
      recallByCategory: { 催促: 1, 推诿: 0.5 },
      categoryAgreement: 0.5,
    })
  })
})

describe('kFolds', () => {
  it('spreads each label round robin over the folds, every index once', () => {
    const labels = ['ok', 'ok', 'ok', 'x', 'x', 'ok', 'x']
    const folds = kFolds(labels, 3)
    expect(folds).toEqual([[0, 3, 5], [1, 4], [2, 6]])
    expect(folds.flat().sort()).toEqual(labels.map((_, i) => i))
  })
})
