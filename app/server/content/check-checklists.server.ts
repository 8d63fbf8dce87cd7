// Checks on-the-job checklist templates (content/checklists/*.yaml) and the mentoring limits
// (content/mentoring.yaml): schema, repeated ids, and that every linked module and quiz exists.
import type { ContentProblem, ProblemLanguage } from '~/core/content/problems'
import { parseYaml, problemAtPath, schemaProblems } from '~/core/content/yaml-document'
import { ChecklistTemplateSchema, checklistProblems, type ChecklistTemplate } from '~/core/mentoring/checklist-schema'
import { MentoringLimitsSchema } from '~/core/mentoring/limits'
import { sha256 } from './check-courses.server'
import { PRACTICE_PREFIX } from './import-quizzes.server'
import type { ContentFile, ContentTree } from './tree.server'

export interface CheckedChecklist {
  file: string
  template: ChecklistTemplate
  hash: string
}

const idOf = (file: string, extension = '.yaml') => file.split('/').pop()!.slice(0, -extension.length)

function linkProblems(file: ContentFile, template: ChecklistTemplate, tree: ContentTree, source: ReturnType<typeof parseYaml>['source']): ContentProblem[] {
  const modules = new Set(tree.courses.flatMap((c) => c.modules.map((m) => `${c.id}/${idOf(m.file, '.mdx')}`)))
  const quizzes = new Set([...tree.quizzes.map((q) => idOf(q.file)), ...tree.scenarios.map((s) => `${PRACTICE_PREFIX}${idOf(s.file)}`)])
  const problems: ContentProblem[] = []
  template.weeks.forEach((week, w) =>
    week.items.forEach((item, i) => {
      if (item.module && !modules.has(item.module)) problems.push(problemAtPath(source, ['weeks', w, 'items', i, 'module'], 'broken-link', { href: `/learn/${item.module}` }))
      if (item.quiz && !quizzes.has(item.quiz)) problems.push(problemAtPath(source, ['weeks', w, 'items', i, 'quiz'], 'unknown-quiz', { id: item.quiz }))
    }),
  )
  return problems
}

function checkOne(file: ContentFile, tree: ContentTree, language: ProblemLanguage): { checklist: CheckedChecklist | null; problems: ContentProblem[] } {
  const { source, problems } = parseYaml(file.file, file.text)
  if (problems.length) return { checklist: null, problems }
  const parsed = ChecklistTemplateSchema.safeParse(source.document.toJS())
  if (!parsed.success) return { checklist: null, problems: schemaProblems(source, parsed.error, language) }
  const template = parsed.data
  const own: ContentProblem[] = []
  if (template.id !== idOf(file.file)) own.push(problemAtPath(source, ['id'], 'id-mismatch', { id: template.id, expected: idOf(file.file) }))
  own.push(...checklistProblems(template).map((p) => problemAtPath(source, p.path, 'schema', { field: p.path.join('.'), reason: p.reason })))
  own.push(...linkProblems(file, template, tree, source))
  return { checklist: own.length ? null : { file: file.file, template, hash: sha256(file.text) }, problems: own }
}

function limitProblems(file: ContentFile | null, language: ProblemLanguage): ContentProblem[] {
  if (!file) return []
  const { source, problems } = parseYaml(file.file, file.text)
  if (problems.length) return problems
  const parsed = MentoringLimitsSchema.safeParse(source.document.toJS() ?? {})
  return parsed.success ? [] : schemaProblems(source, parsed.error, language)
}

export function checkChecklistFiles(tree: ContentTree, language: ProblemLanguage) {
  const problems: ContentProblem[] = limitProblems(tree.mentoring, language)
  const checklists: CheckedChecklist[] = []
  for (const file of tree.checklists) {
    const result = checkOne(file, tree, language)
    problems.push(...result.problems)
    if (result.checklist) checklists.push(result.checklist)
  }
  return { checklists, problems }
}
