import { describe, expect, it } from 'vitest'
import { starEligibility, workingTowards } from '../stars'
import { emptyEvidence } from './evidence'
import { withoutContained } from './contained'
import { LadderSchema } from './ladder'
import type { Requirement } from './registry'

const shown = (requirements: Requirement[]) => withoutContained(requirements.map((source) => ({ source }))).map((r) => r.source)

const courses = (...ids: string[]): Requirement => ({ kind: 'courses-completed', courses: ids })
const quiz = (id: string, min: number): Requirement => ({ kind: 'quiz-score', quiz: id, min })
const inspection = (min: number, months: number): Requirement => ({ kind: 'inspection-average', min, months })
const satisfaction = (min: number, minRatings: number, months: number): Requirement => ({ kind: 'satisfaction-average', min, minRatings, months })
const complaints = (months: number): Requirement => ({ kind: 'no-liable-complaint', months })

describe('a requirement a stronger one of the same kind contains is shown once, by the stronger', () => {
  it.each<{ name: string; list: Requirement[]; shown: Requirement[] }>([
    { name: 'the ★ courses inside the ★★ courses: only the ★★ list', list: [courses('etiquette', 'phrasing'), courses('etiquette', 'phrasing', 'complaints')], shown: [courses('etiquette', 'phrasing', 'complaints')] },
    { name: 'course lists that only overlap: both', list: [courses('etiquette', 'phrasing'), courses('phrasing', 'complaints')], shown: [courses('etiquette', 'phrasing'), courses('phrasing', 'complaints')] },
    { name: 'the same quiz at 80 then 90: only ≥ 90', list: [quiz('complaints-quiz', 80), quiz('complaints-quiz', 90)], shown: [quiz('complaints-quiz', 90)] },
    { name: 'two different quizzes: both', list: [quiz('etiquette-quiz', 80), quiz('complaints-quiz', 90)], shown: [quiz('etiquette-quiz', 80), quiz('complaints-quiz', 90)] },
    { name: 'the same requirement twice: once, the later (higher level) one', list: [quiz('complaints-quiz', 80), quiz('complaints-quiz', 80)], shown: [quiz('complaints-quiz', 80)] },
    { name: 'inspection 85 then 90 over the same 6 months: only ≥ 90', list: [inspection(85, 6), inspection(90, 6)], shown: [inspection(90, 6)] },
    { name: 'inspection averages over different windows: both (one says nothing of the other)', list: [inspection(85, 6), inspection(90, 12)], shown: [inspection(85, 6), inspection(90, 12)] },
    { name: 'satisfaction stricter in score and ratings: only the stricter', list: [satisfaction(4.8, 200, 6), satisfaction(4.9, 300, 6)], shown: [satisfaction(4.9, 300, 6)] },
    { name: 'satisfaction higher score but fewer ratings: both', list: [satisfaction(4.8, 300, 6), satisfaction(4.9, 200, 6)], shown: [satisfaction(4.8, 300, 6), satisfaction(4.9, 200, 6)] },
    { name: 'no liable complaint in 6 then 12 months: only 12', list: [complaints(6), complaints(12)], shown: [complaints(12)] },
    { name: 'different kinds are never merged, order kept', list: [complaints(6), quiz('complaints-quiz', 90), courses('complaints')], shown: [complaints(6), quiz('complaints-quiz', 90), courses('complaints')] },
    { name: 'an empty list stays empty', list: [], shown: [] },
  ])('$name', (c) => expect(shown(c.list)).toEqual(c.shown))
})

describe('the star panel of a clerk with nothing done says each course once', () => {
  const ladder = LadderSchema.parse({
    levels: [
      { level: 1, title: { zh: '一星营业员', en: 'One-star clerk' }, approver: 'hall', requirements: [courses('etiquette', 'phrasing'), quiz('phrasing-quiz', 80)] },
      { level: 2, title: { zh: '二星营业员', en: 'Two-star clerk' }, approver: 'hall', requirements: [courses('etiquette', 'phrasing', 'complaints'), quiz('complaints-quiz', 80)] },
      { level: 3, title: { zh: '三星营业员', en: 'Three-star clerk' }, approver: 'hall', requirements: [quiz('complaints-quiz', 90)] },
      { level: 4, title: { zh: '四星营业员', en: 'Four-star clerk' }, approver: 'branch', requirements: [complaints(12)] },
      { level: 5, title: { zh: '五星营业员', en: 'Five-star clerk' }, approver: 'branch', requirements: [{ kind: 'panel-review', members: 3 }] },
    ],
    starOfMonth: { weights: { satisfaction: 0.5, inspection: 0.3, quiz: 0.2 } },
  })
  const eligibility = starEligibility(ladder, emptyEvidence(), new Date('2026-06-15T04:00:00Z'))
  it('working towards ★★★ (counting ★ and ★★): the three courses once, the complaints quiz at 90 only', () => {
    const needs = workingTowards(eligibility, { level: 2, renewalDue: false })!.missing
    expect(needs.map((r) => r.source)).toEqual([quiz('phrasing-quiz', 80), courses('etiquette', 'phrasing', 'complaints'), quiz('complaints-quiz', 90)])
  })
  it('the panel for ★ (nothing done): its own two lines', () => {
    expect(starEligibility(ladder, emptyEvidence(), new Date('2026-06-15T04:00:00Z')).next!.missing.map((r) => r.source)).toEqual([courses('etiquette', 'phrasing'), quiz('phrasing-quiz', 80)])
  })
})
