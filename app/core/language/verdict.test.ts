// How the list and the classifier decide together: word boundaries, the veto, the classifier's own finding.
import type { ReplyJudgement } from './judge'
import { alignsWithWords, decideWith, type DetectorPolicy } from './verdict'

const tokens = [
  { word: '屏幕', start: 0, end: 2 },
  { word: '看不清楚', start: 2, end: 6 },
  { word: '我', start: 6, end: 7 },
  { word: '不', start: 7, end: 8 },
  { word: '知道', start: 8, end: 10 },
]

describe('alignsWithWords', () => {
  it.each([
    { span: { start: 3, end: 6 }, aligned: false, why: '不清楚 inside 看不清楚' },
    { span: { start: 2, end: 6 }, aligned: true, why: 'the whole word' },
    { span: { start: 7, end: 10 }, aligned: true, why: '不 + 知道' },
    { span: { start: 8, end: 9 }, aligned: true, why: 'inside a two-character word is allowed' },
  ])('$why', ({ span, aligned }) => expect(alignsWithWords(span, tokens)).toBe(aligned))
})

function judgement(whole: number, clauses: number[] = []): ReplyJudgement {
  return {
    normalised: 'x'.repeat(10),
    tokens,
    whole: { start: 0, end: 10, probability: whole, category: '推诿' },
    clauses: () => clauses.map((probability, i) => ({ start: i * 2, end: i * 2 + 2, probability, category: '催促' })),
  }
}
const policy: DetectorPolicy = { threshold: 0.5, clauseThreshold: 0.9, veto: 0.1, alignWords: true }
const hit = { start: 7, end: 10 }

describe('decideWith', () => {
  it.each([
    { why: 'a listed phrase stands', j: judgement(0.4), hits: [hit], listed: 1, model: null },
    { why: 'a courteous use is vetoed', j: judgement(0.05), hits: [hit], listed: 0, model: null },
    { why: 'a phrase inside a longer word is dropped', j: judgement(0.9), hits: [{ start: 3, end: 6 }], listed: 0, model: [0, 10] },
    { why: 'the classifier flags unlisted wording', j: judgement(0.8), hits: [], listed: 0, model: [0, 10] },
    { why: 'below the threshold nothing', j: judgement(0.3), hits: [], listed: 0, model: null },
    { why: 'one clause over its own threshold', j: judgement(0.3, [0.1, 0.95]), hits: [], listed: 0, model: [2, 4] },
    { why: 'the clause that carries it names the span', j: judgement(0.7, [0.1, 0.65]), hits: [], listed: 0, model: [2, 4] },
  ])('$why', ({ j, hits, listed, model }) => {
    const verdict = decideWith(j, hits, policy)
    expect(verdict.listed).toHaveLength(listed)
    expect(verdict.model ? [verdict.model.start, verdict.model.end] : null).toEqual(model)
  })

  it('the span named by a clause keeps the whole reply’s category', () =>
    expect(decideWith(judgement(0.7, [0.1, 0.65]), [], policy).model?.category).toBe('推诿'))
})
