// The per-course figures content:check prints: modules, reading minutes, quiz items, scenarios.
import type { CheckedContent } from './check.server'

export interface CourseSummary {
  course: string
  modules: number
  minutes: number
  quizItems: number
  scenarios: number
}

export function summarise(content: CheckedContent): CourseSummary[] {
  return content.courses.map(({ course, modules }) => ({
    course: course.id,
    modules: modules.length,
    minutes: modules.reduce((sum, m) => sum + m.frontmatter.minutes, 0),
    quizItems: content.quizzes.filter((q) => q.quiz.course === course.id).reduce((sum, q) => sum + q.quiz.items.length, 0),
    scenarios: content.scenarios.filter((s) => s.scenario.course === course.id).length,
  }))
}
