import { applyOverrides, planOverride, planRegrade, type GradeOverride } from './manual-grading'
import type { AttemptReview } from './quiz'

const review = (text: number, single = 1): AttemptReview => {
  const points = text + single
  return {
    points,
    maxPoints: 3,
    percent: Math.round((points / 3) * 10000) / 100,
    passed: (points / 3) * 100 >= 60,
    items: [
      { itemId: 'q-text', module: null, points: text, maxPoints: 2, correct: text >= 2 ? true : text <= 0 ? false : 'partial', feedback: [] },
      { itemId: 'q-single', module: null, points: single, maxPoints: 1, correct: single >= 1, feedback: [] },
    ],
    course: 'demo',
    reviews: [],
  }
}
const entry = (points: number, reason = '已当面辅导', by = '王培训'): GradeOverride => ({ itemId: 'q-text', points, reason, by, at: '2026-11-25T02:00:00.000Z' })
const step = (e: GradeOverride) => ({ itemId: e.itemId, kind: 'override', payload: JSON.stringify(e) })
const answer = { itemId: 'q-text', kind: 'answer', payload: '"您好"' }

describe('planOverride', () => {
  it.each([
    { name: 'first override', log: [], next: entry(2), written: true, points: 3 },
    { name: 'same mark, reason and trainer again', log: [entry(2)], next: entry(2), written: false, points: null },
    { name: 'same mark, other reason', log: [entry(2)], next: entry(2, '补充理由'), written: true, points: 3 },
    { name: 'same mark, other trainer', log: [entry(2)], next: entry(2, '已当面辅导', '李培训'), written: true, points: 3 },
    { name: 'back to an earlier mark', log: [entry(2), entry(0.5)], next: entry(2), written: true, points: 3 },
    { name: 'lower mark', log: [entry(2)], next: entry(0), written: true, points: 1 },
  ])('$name → written $written', ({ log, next, written, points }) => {
    const stored = applyOverrides(review(1), log, 60)
    const remark = planOverride(stored, [answer, ...log.map(step)], next, 60)
    expect(remark !== null).toBe(written)
    if (!remark) return
    expect(remark.step).toEqual({ itemId: 'q-text', kind: 'override', payload: JSON.stringify(next) })
    expect(remark.review.points).toBe(points)
    expect(remark.review.overrides?.['q-text']).toMatchObject({ points: next.points, autoPoints: 1, reason: next.reason })
  })
})

describe('planRegrade', () => {
  const log = [answer, step(entry(2))]
  it.each([
    { name: 'same version, same automatic review', fresh: review(1), version: 'v1', written: false },
    { name: 'new version, same automatic review', fresh: review(1), version: 'v2', written: true },
    { name: 'same version, automatic mark changed', fresh: review(1, 0), version: 'v1', written: true },
  ])('$name → written $written; the override is kept', ({ fresh, version, written }) => {
    const stored = { result: JSON.stringify(applyOverrides(review(1), [entry(2)], 60)), quizVersionId: 'v1' }
    const remark = planRegrade(fresh, stored, log, { versionId: version, passMark: 60, by: '王培训' })
    expect(remark !== null).toBe(written)
    if (!remark) return
    expect(remark.step.kind).toBe('regrade')
    expect(JSON.parse(remark.step.payload)).toMatchObject({ version, before: 3, after: remark.review.points })
    expect(remark.review.items.find((i) => i.itemId === 'q-text')).toMatchObject({ points: 2, correct: true })
  })
})
