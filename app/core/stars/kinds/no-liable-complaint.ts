// No liable complaint (有责投诉) in the last N months. Complaints found not liable do not count.
import { z } from 'zod'
import { isDayInWindow } from '../window'
import { phrase, type RequirementKind } from '../requirement-kind'

const schema = z.object({ kind: z.literal('no-liable-complaint'), months: z.number().int().min(1).max(24) }).strict()
type Params = z.infer<typeof schema>

export const noLiableComplaint: RequirementKind<'no-liable-complaint', Params> = {
  kind: 'no-liable-complaint',
  schema,
  references: () => ({ courses: [], quizzes: [] }),
  compareKey: () => 'complaints',
  // a shorter clean period is an easier bar
  contains: (stronger, weaker) => stronger.months >= weaker.months,
  loosenedField: (lower, higher) => (higher.months < lower.months ? 'months' : null),
  evaluate(p, evidence, { now }) {
    const liable = evidence.complaints.filter((c) => c.liable && isDayInWindow(c.day, now, p.months))
    const latest = liable.map((c) => c.day).sort().at(-1)
    return {
      kind: 'no-liable-complaint',
      status: liable.length ? 'missing' : 'met',
      requirement: phrase('no-liable-complaint', 'requirement', { months: p.months }),
      current: latest ? phrase('no-liable-complaint', 'current', { count: liable.length, day: latest }) : null,
    }
  },
}
