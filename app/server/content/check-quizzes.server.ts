// Checks quizzes and dialogue scenarios: their schemas, the scenario graphs, references to courses,
// modules and scenarios, and that each quiz can be passed by its best answers.
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { ContentProblem, ProblemLanguage } from '~/core/content/problems'
import { parseYaml, problemAtPath, schemaProblems, type YamlSource } from '~/core/content/yaml-document'
import { compilePhraseList, type CompiledPhraseList } from '~/core/phrases'
import type { Problem } from '~/core/quiz/problem'
import { QuizSchema, quizProblems, type Quiz } from '~/core/quiz/quiz'
import { contentReferencesOf } from '~/core/quiz/registry'
import { ScenarioSchema, scenarioProblems, type Scenario } from '~/core/quiz/scenario-graph'
import { quizTestWiseProblems, scenarioTestWiseProblems } from '~/core/quiz/test-wise'
import { scenarioFairnessProblems } from '~/core/quiz/scenario-fairness'
import { loadForbiddenPhrases } from '../phrases.server'
import { sha256 } from './check-courses.server'
import { PRACTICE_PREFIX } from './import-quizzes.server'
import type { ContentFile, ContentTree } from './tree.server'

export interface CheckedQuiz {
  file: string
  quiz: Quiz
  hash: string
}

export interface CheckedScenario {
  file: string
  scenario: Scenario
  hash: string
}

const idOf = (file: string) => file.split('/').pop()!.replace(/\.yaml$/, '')

function atPaths(source: YamlSource, problems: readonly Problem[], code: 'graph' | 'quiz'): ContentProblem[] {
  return problems.map((p) => problemAtPath(source, p.path, code, { reason: p.message }))
}

/** Parses one YAML file against a schema; the id must match the file name. */
function parseFile<T extends { id: string }>(
  file: ContentFile,
  schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } },
  language: ProblemLanguage,
): { value: T | null; source: YamlSource; problems: ContentProblem[] } {
  const { source, problems } = parseYaml(file.file, file.text)
  if (problems.length) return { value: null, source, problems }
  const parsed = schema.safeParse(source.document.toJS())
  if (!parsed.success) return { value: null, source, problems: schemaProblems(source, parsed.error, language) }
  if (parsed.data.id !== idOf(file.file)) {
    return { value: null, source, problems: [problemAtPath(source, ['id'], 'id-mismatch', { id: parsed.data.id, expected: idOf(file.file) })] }
  }
  return { value: parsed.data, source, problems: [] }
}

function loadPhrases(tree: ContentTree): { phrases: CompiledPhraseList | null; problems: ContentProblem[] } {
  const file = path.posix.join(tree.root, 'phrases/forbidden.yaml')
  if (!existsSync(file)) return { phrases: null, problems: [] }
  try {
    return { phrases: loadForbiddenPhrases(file), problems: [] }
  } catch (error) {
    // The loader reports `file:line:column: reason` lines.
    const problems = String((error as Error).message)
      .split('\n')
      .map((line) => /^(.*?):(\d+):(\d+): (.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ file: m[1], line: Number(m[2]), column: Number(m[3]), code: 'schema' as const, params: { field: 'phrases', reason: m[4] } }))
    return { phrases: null, problems }
  }
}

/**
 * `staffCourses`: courses no clerk takes (mentoring, hall management). Their dialogues are a mentor or manager
 * speaking to colleagues, outside what the 服务禁语 detector judges (a clerk speaking to customers).
 */
export function checkQuizFiles(tree: ContentTree, language: ProblemLanguage, staffCourses: ReadonlySet<string> = new Set()) {
  const problems: ContentProblem[] = []
  const courseModules = new Map(tree.courses.map((c) => [c.id, new Set(c.modules.map((m) => m.file.split('/').pop()!.replace(/\.mdx$/, '')))]))

  const { phrases, problems: phraseProblems } = loadPhrases(tree)
  problems.push(...phraseProblems)
  const phraseList = phrases ?? compilePhraseList({ phrases: [] })

  const scenarios: CheckedScenario[] = []
  for (const file of tree.scenarios) {
    const { value, source, problems: found } = parseFile(file, ScenarioSchema, language)
    problems.push(...found)
    if (!value) continue
    const graph = atPaths(source, [...scenarioProblems(value, language), ...scenarioTestWiseProblems(value, staffCourses.has(value.course) ? null : phraseList, language), ...scenarioFairnessProblems(value, language)], 'graph')
    if (!courseModules.has(value.course)) graph.push(problemAtPath(source, ['course'], 'broken-link', { href: `/learn/${value.course}` }))
    problems.push(...graph)
    if (graph.length === 0) scenarios.push({ file: file.file, scenario: value, hash: sha256(file.text) })
  }

  const knownScenarios = new Set(tree.scenarios.map((s) => idOf(s.file)))
  const context = { scenarios: new Map(scenarios.map((s) => [s.scenario.id, s.scenario])), phrases: phraseList }

  const quizzes: CheckedQuiz[] = []
  for (const file of tree.quizzes) {
    const { value, source, problems: found } = parseFile(file, QuizSchema, language)
    problems.push(...found)
    if (!value) continue
    const own: ContentProblem[] = []
    if (value.id.startsWith(PRACTICE_PREFIX)) {
      own.push(problemAtPath(source, ['id'], 'quiz', { reason: language === 'en' ? `quiz ids may not start with "${PRACTICE_PREFIX}": those name the practice quiz of each scenario` : `测验 id 不能以「${PRACTICE_PREFIX}」开头：这是每个情景的练习测验专用的` }))
    }
    const modules = courseModules.get(value.course)
    if (!modules) own.push(problemAtPath(source, ['course'], 'broken-link', { href: `/learn/${value.course}` }))
    value.modules.forEach((m, i) => {
      if (modules && !modules.has(m)) own.push(problemAtPath(source, ['modules', i], 'broken-link', { href: `/learn/${value.course}/${m}` }))
    })
    // A scenario with its own problems is reported once, at the scenario; the quiz waits for it.
    const waiting = contentReferencesOf(value.items).some((ref) => ref.kind === 'scenario' && knownScenarios.has(ref.id) && !context.scenarios.has(ref.id))
    if (!waiting) own.push(...atPaths(source, [...quizProblems(value, context, language), ...quizTestWiseProblems(value, language)], 'quiz'))
    problems.push(...own)
    if (own.length === 0 && !waiting) quizzes.push({ file: file.file, quiz: value, hash: sha256(file.text) })
  }
  return { quizzes, scenarios, problems }
}

