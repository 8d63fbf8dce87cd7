// A small ladder for the tests: one requirement of each kind, spread over the five levels.
import { LadderSchema, type Ladder } from './ladder'

export const TEST_LADDER: Ladder = LadderSchema.parse({
  levels: [
    {
      level: 1,
      title: { zh: '一星营业员', en: 'One-star clerk' },
      approver: 'hall',
      requirements: [
        { kind: 'courses-completed', courses: ['etiquette'] },
        { kind: 'quiz-score', quiz: 'etiquette-quiz', min: 80 },
      ],
    },
    { level: 2, title: { zh: '二星营业员', en: 'Two-star clerk' }, approver: 'hall', requirements: [{ kind: 'checklist-signed-off' }, { kind: 'quiz-score', quiz: 'complaints-quiz', min: 85 }] },
    {
      level: 3,
      title: { zh: '三星营业员', en: 'Three-star clerk' },
      approver: 'hall',
      requirements: [
        { kind: 'no-liable-complaint', months: 6 },
        { kind: 'inspection-average', min: 85, months: 6 },
      ],
    },
    {
      level: 4,
      title: { zh: '四星营业员', en: 'Four-star clerk' },
      approver: 'branch',
      requirements: [
        { kind: 'satisfaction-average', min: 4.8, minRatings: 100, months: 6 },
        { kind: 'mentored-new-hire', count: 1 },
      ],
    },
    { level: 5, title: { zh: '五星营业员', en: 'Five-star clerk' }, approver: 'branch', requirements: [{ kind: 'panel-review', members: 3 }] },
  ],
  starOfMonth: { weights: { satisfaction: 0.5, inspection: 0.3, quiz: 0.2 } },
})
