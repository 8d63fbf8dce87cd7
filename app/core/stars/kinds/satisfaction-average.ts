// 满意度评价器: over the last N months, the average of all ratings is at least Y, from at least Z ratings.
// Monthly averages are weighted by their number of ratings (a quiet month weighs less).
import { z } from 'zod'
import { isMonthInWindow } from '../window'
import { phrase, type RequirementKind } from '../requirement-kind'

const schema = z
  .object({
    kind: z.literal('satisfaction-average'),
    /** On the keypad's 5-point scale (非常满意 = 5). */
    min: z.number().min(1).max(5),
    minRatings: z.number().int().min(1),
    months: z.number().int().min(1).max(24),
  })
  .strict()
type Params = z.infer<typeof schema>

const twoDecimals = (n: number) => Math.round(n * 100) / 100

export const satisfactionAverage: RequirementKind<'satisfaction-average', Params> = {
  kind: 'satisfaction-average',
  schema,
  references: () => ({ courses: [], quizzes: [] }),
  compareKey: () => 'satisfaction',
  contains: (stronger, weaker) => stronger.months === weaker.months && stronger.min >= weaker.min && stronger.minRatings >= weaker.minRatings,
  loosenedField: (lower, higher) => (higher.min < lower.min ? 'min' : higher.minRatings < lower.minRatings ? 'minRatings' : null),
  evaluate(p, evidence, { now }) {
    const months = evidence.satisfaction.filter((s) => isMonthInWindow(s.month, now, p.months))
    const ratings = months.reduce((sum, s) => sum + s.ratings, 0)
    const average = ratings ? months.reduce((sum, s) => sum + s.average * s.ratings, 0) / ratings : null
    return {
      kind: 'satisfaction-average',
      status: average !== null && average >= p.min && ratings >= p.minRatings ? 'met' : 'missing',
      requirement: phrase('satisfaction-average', 'requirement', { min: p.min, minRatings: p.minRatings, months: p.months }),
      current: average === null ? phrase('satisfaction-average', 'none', { months: p.months }) : phrase('satisfaction-average', 'current', { average: twoDecimals(average), ratings }),
    }
  },
}
