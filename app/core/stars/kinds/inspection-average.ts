// 明查暗访: the average total of the inspections in the last N months is at least X.
import { z } from 'zod'
import { isDayInWindow } from '../window'
import { phrase, type RequirementKind } from '../requirement-kind'

const schema = z.object({ kind: z.literal('inspection-average'), min: z.number().min(0).max(100), months: z.number().int().min(1).max(24) }).strict()
type Params = z.infer<typeof schema>

const oneDecimal = (n: number) => Math.round(n * 10) / 10

export const inspectionAverage: RequirementKind<'inspection-average', Params> = {
  kind: 'inspection-average',
  schema,
  references: () => ({ courses: [], quizzes: [] }),
  compareKey: () => 'inspection',
  // an average over another window says nothing about this one
  contains: (stronger, weaker) => stronger.months === weaker.months && stronger.min >= weaker.min,
  loosenedField: (lower, higher) => (higher.min < lower.min ? 'min' : null),
  evaluate(p, evidence, { now }) {
    const totals = evidence.inspections.filter((i) => isDayInWindow(i.day, now, p.months)).map((i) => i.total)
    const average = totals.length ? totals.reduce((a, b) => a + b, 0) / totals.length : null
    return {
      kind: 'inspection-average',
      status: average !== null && average >= p.min ? 'met' : 'missing',
      requirement: phrase('inspection-average', 'requirement', { min: p.min, months: p.months }),
      current:
        average === null ? phrase('inspection-average', 'none', { months: p.months }) : phrase('inspection-average', 'current', { average: oneDecimal(average), count: totals.length }),
    }
  },
}
