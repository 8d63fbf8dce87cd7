// Courses completed. A course counts when the clerk completed a version at or after the latest version
// marked `recertify` (a changed regulation); a later unmarked version does not take the completion away.
import { z } from 'zod'
import { SlugSchema } from '../../quiz/schema-parts'
import type { CourseEvidence } from '../evidence'
import { phrase, type RequirementKind } from '../requirement-kind'

const schema = z.object({ kind: z.literal('courses-completed'), courses: z.array(SlugSchema).min(1) }).strict()
type Params = z.infer<typeof schema>

export function isCourseCompleted(course: CourseEvidence | undefined): boolean {
  if (!course) return false
  const recertifyFrom = Math.max(0, ...course.versions.filter((v) => v.recertify).map((v) => v.number))
  return course.versions.some((v) => v.completed && v.number >= recertifyFrom)
}

export const coursesCompleted: RequirementKind<'courses-completed', Params> = {
  kind: 'courses-completed',
  schema,
  references: (p) => ({ courses: p.courses, quizzes: [] }),
  compareKey: () => 'courses',
  contains: (stronger, weaker) => weaker.courses.every((id) => stronger.courses.includes(id)),
  loosenedField: () => null,
  evaluate(p, evidence, { titles }) {
    const missing = p.courses.filter((id) => !isCourseCompleted(evidence.courses[id]))
    const name = (id: string) => evidence.courses[id]?.title ?? titles('course', id)
    const list = (ids: string[]) => ({ zh: ids.map((id) => `《${name(id).zh}》`).join('、'), en: ids.map((id) => `“${name(id).en}”`).join(', ') })
    return {
      kind: 'courses-completed',
      status: missing.length ? 'missing' : 'met',
      requirement: phrase('courses-completed', 'requirement', { courses: list(p.courses) }),
      current: missing.length ? phrase('courses-completed', 'current', { courses: list(missing), count: missing.length }) : null,
    }
  },
}
