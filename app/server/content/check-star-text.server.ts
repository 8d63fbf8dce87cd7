// Modules that describe the star levels (<StarLevel level="N">) against the ladder in content/stars.yaml:
// each problem at the block's line, or at the module's first block when a level is not described at all.
import type { ContentProblem, ProblemLanguage } from '~/core/content/problems'
import { ladderTextIssues } from '~/core/stars/ladder-text'
import type { CheckedContent } from './check.server'

export function ladderTextProblems(content: CheckedContent, language: ProblemLanguage): ContentProblem[] {
  const modules = content.courses.flatMap((c) => c.modules).filter((m) => m.starLevels.length > 0)
  if (!modules.length) return []
  if (!content.ladder) {
    return modules.map((m) => ({
      file: m.file,
      line: m.starLevels[0].line,
      column: m.starLevels[0].column,
      code: 'star-level' as const,
      params: { reason: language === 'en' ? 'the module describes star levels but content/stars.yaml is missing or invalid' : '模块写了星级要求，但 content/stars.yaml 不存在或有错误' },
    }))
  }
  const courseTitles = new Map(content.courses.map((c) => [c.course.id, c.course.title.zh]))
  const quizTitles = new Map(content.quizzes.map((q) => [q.quiz.id, q.quiz.title.zh]))
  const names = { course: (id: string) => courseTitles.get(id) ?? id, quiz: (id: string) => quizTitles.get(id) ?? id }
  return modules.flatMap((module) =>
    ladderTextIssues(content.ladder!.ladder, module.starLevels.map((b) => b.value), names).map((issue) => {
      const block = module.starLevels[issue.block ?? 0]
      return { file: module.file, line: block.line, column: block.column, code: 'star-level' as const, params: { reason: language === 'en' ? issue.en : issue.zh } }
    }),
  )
}
