// Has mentored new hires to completion. Evidence from mentoring; "not yet available" until it is plugged in.
import { z } from 'zod'
import { phrase, type RequirementKind } from '../requirement-kind'

const schema = z.object({ kind: z.literal('mentored-new-hire'), count: z.number().int().min(1).default(1) }).strict()
type Params = z.infer<typeof schema>

export const mentoredNewHire: RequirementKind<'mentored-new-hire', Params> = {
  kind: 'mentored-new-hire',
  schema,
  references: () => ({ courses: [], quizzes: [] }),
  compareKey: () => 'mentees',
  contains: (stronger, weaker) => stronger.count >= weaker.count,
  loosenedField: (lower, higher) => (higher.count < lower.count ? 'count' : null),
  evaluate(p, evidence) {
    const done = evidence.menteesCompleted
    return {
      kind: 'mentored-new-hire',
      status: done === null ? 'unavailable' : done >= p.count ? 'met' : 'missing',
      requirement: phrase('mentored-new-hire', 'requirement', { count: p.count }),
      current: done === null ? phrase('mentored-new-hire', 'unavailable') : phrase('mentored-new-hire', 'current', { count: done }),
    }
  },
}
