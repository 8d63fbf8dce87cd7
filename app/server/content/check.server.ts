// content:check — validates the whole content tree and cross-references; nothing is imported with a problem.
import { sortProblems, type ContentProblem, type ProblemLanguage } from '~/core/content/problems'
import { checkChecklistFiles, type CheckedChecklist } from './check-checklists.server'
import { checkCourseFolder, type CheckedCourse } from './check-courses.server'
import { checkQuizFiles, type CheckedQuiz, type CheckedScenario } from './check-quizzes.server'
import { checkStarLadder, type CheckedLadder } from './check-stars.server'
import { ladderTextProblems } from './check-star-text.server'
import type { Located } from './mdx-analysis.server'
import { readContentTree, type ContentTree } from './tree.server'

export interface CheckedContent {
  courses: CheckedCourse[]
  quizzes: CheckedQuiz[]
  scenarios: CheckedScenario[]
  /** The star ladder (content/stars.yaml), null when the tree has none. */
  ladder: CheckedLadder | null
  checklists: CheckedChecklist[]
}

export interface CheckResult {
  problems: ContentProblem[]
  content: CheckedContent
}

const fileId = (file: string, extension: string) => file.split('/').pop()!.slice(0, -extension.length)

/** References are resolved against the files present, so a file with its own problem is not reported twice. */
export function crossReferenceProblems(tree: ContentTree, content: CheckedContent): ContentProblem[] {
  const problems: ContentProblem[] = []
  const quizIds = new Set(tree.quizzes.map((q) => fileId(q.file, '.yaml')))
  const modulesByCourse = new Map(tree.courses.map((c) => [c.id, new Set(c.modules.map((m) => fileId(m.file, '.mdx')))]))
  const unknownQuiz = (file: string) => (ref: Located<string>) => {
    if (!quizIds.has(ref.value)) problems.push({ file, line: ref.line, column: ref.column, code: 'unknown-quiz', params: { id: ref.value } })
  }
  for (const course of content.courses) {
    course.quizRefs.forEach(unknownQuiz(course.file))
    for (const module of course.modules) {
      module.quizRefs.forEach(unknownQuiz(module.file))
      for (const link of module.links) {
        const [, area, courseId, moduleId, ...rest] = link.value.split(/[/?#]/)
        const known = modulesByCourse.get(courseId ?? '')
        const ok = area === 'learn' && rest.length === 0 && known !== undefined && (moduleId === undefined || moduleId === '' || known.has(moduleId))
        if (!ok) problems.push({ file: module.file, line: link.line, column: link.column, code: 'broken-link', params: { href: link.value } })
      }
    }
  }
  return problems
}

/** Courses no clerk takes (mentoring, hall management): their dialogues are not a clerk speaking to customers. */
export function staffCourseIds(courses: readonly CheckedCourse[]): Set<string> {
  return new Set(courses.filter((c) => !c.course.audience.includes('clerk')).map((c) => c.course.id))
}

export function checkTree(tree: ContentTree, language: ProblemLanguage = 'zh-CN'): CheckResult {
  const problems: ContentProblem[] = []
  const courses: CheckedCourse[] = []
  for (const folder of tree.courses) {
    const result = checkCourseFolder(folder, language)
    problems.push(...result.problems)
    if (result.course) courses.push(result.course)
  }
  const quizzes = checkQuizFiles(tree, language, staffCourseIds(courses))
  problems.push(...quizzes.problems)
  const known = { courses: new Set(tree.courses.map((c) => c.id)), quizzes: new Set(tree.quizzes.map((q) => fileId(q.file, '.yaml'))) }
  const stars = checkStarLadder(tree.stars, known, language)
  problems.push(...stars.problems)
  const checklists = checkChecklistFiles(tree, language)
  problems.push(...checklists.problems)
  const content = { courses, quizzes: quizzes.quizzes, scenarios: quizzes.scenarios, ladder: stars.ladder, checklists: checklists.checklists }
  problems.push(...crossReferenceProblems(tree, content))
  problems.push(...ladderTextProblems(content, language))
  return { problems: sortProblems(problems), content }
}

export function checkContent(root = 'content', language: ProblemLanguage = 'zh-CN'): CheckResult {
  return checkTree(readContentTree(root), language)
}
