// The mentor's on-the-job checklist signed off. Its evidence comes from mentoring; until that provider is
// plugged in the requirement reads "not yet available" and holds the level back.
import { z } from 'zod'
import { phrase, type RequirementKind } from '../requirement-kind'

const schema = z.object({ kind: z.literal('checklist-signed-off') }).strict()
type Params = z.infer<typeof schema>

export const checklistSignedOff: RequirementKind<'checklist-signed-off', Params> = {
  kind: 'checklist-signed-off',
  schema,
  references: () => ({ courses: [], quizzes: [] }),
  compareKey: () => 'checklist',
  contains: () => true,
  loosenedField: () => null,
  evaluate(_p, evidence) {
    const signed = evidence.checklistSignedOff
    return {
      kind: 'checklist-signed-off',
      status: signed === null ? 'unavailable' : signed ? 'met' : 'missing',
      requirement: phrase('checklist-signed-off', 'requirement'),
      current: signed === null ? phrase('checklist-signed-off', 'unavailable') : signed ? null : phrase('checklist-signed-off', 'current'),
    }
  },
}
