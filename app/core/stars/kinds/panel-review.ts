// A trainer/manager panel reviews the candidate. Recorded at approval with its members, so a clerk who meets
// everything else may apply; the approval records the review and then the level is met.
import { z } from 'zod'
import { phrase, type RequirementKind } from '../requirement-kind'

const schema = z.object({ kind: z.literal('panel-review'), members: z.number().int().min(2).max(9).default(3) }).strict()
type Params = z.infer<typeof schema>

export const panelReview: RequirementKind<'panel-review', Params> = {
  kind: 'panel-review',
  schema,
  references: () => ({ courses: [], quizzes: [] }),
  compareKey: () => 'panel',
  contains: (stronger, weaker) => stronger.members >= weaker.members,
  loosenedField: (lower, higher) => (higher.members < lower.members ? 'members' : null),
  evaluate(p, evidence) {
    return {
      kind: 'panel-review',
      status: evidence.panelReviewed ? 'met' : 'deferred',
      requirement: phrase('panel-review', 'requirement', { members: p.members }),
      current: evidence.panelReviewed ? null : phrase('panel-review', 'current'),
    }
  },
}
