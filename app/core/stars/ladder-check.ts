// Checks of the ladder beyond its shape: a course or quiz it names must exist; a threshold must not go
// down from one level to the next (a ★★★ asking less than a ★★ of the same thing is a content error).
import { kindOf } from './registry'
import type { Ladder } from './ladder'

export interface LadderIssue {
  /** Where in stars.yaml, as a path of keys and indexes. */
  path: Array<string | number>
  code: 'unknown-course' | 'unknown-quiz' | 'threshold-down'
  params: Record<string, string | number>
}

export function ladderIssues(ladder: Ladder, known: { courses: ReadonlySet<string>; quizzes: ReadonlySet<string> }): LadderIssue[] {
  const issues: LadderIssue[] = []
  const strictest = new Map<string, { level: number; requirement: Ladder['levels'][number]['requirements'][number] }>()
  ladder.levels.forEach((level, li) => {
    level.requirements.forEach((requirement, ri) => {
      const member = kindOf(requirement)
      const at = ['levels', li, 'requirements', ri]
      const refs = member.references(requirement)
      refs.courses.forEach((id, i) => {
        if (!known.courses.has(id)) issues.push({ path: [...at, 'courses', i], code: 'unknown-course', params: { id } })
      })
      refs.quizzes.forEach((id) => {
        if (!known.quizzes.has(id)) issues.push({ path: [...at, 'quiz'], code: 'unknown-quiz', params: { id } })
      })
      const key = `${requirement.kind}:${member.compareKey(requirement)}`
      const lower = strictest.get(key)
      const field = lower && lower.level < level.level ? member.loosenedField(lower.requirement, requirement) : null
      if (lower && field) issues.push({ path: [...at, field], code: 'threshold-down', params: { kind: requirement.kind, field, level: level.level, lowerLevel: lower.level } })
      else strictest.set(key, { level: level.level, requirement })
    })
  })
  return issues
}
