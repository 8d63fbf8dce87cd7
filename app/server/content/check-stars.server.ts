// content/stars.yaml: the star ladder's shape (the requirement kinds' own schemas), then the courses and
// quizzes it names and its thresholds from one level to the next, each problem at its line.
import type { ContentProblem, ProblemLanguage } from '~/core/content/problems'
import { parseYaml, problemAtPath, schemaProblems } from '~/core/content/yaml-document'
import { LadderSchema, type Ladder } from '~/core/stars/ladder'
import { ladderIssues } from '~/core/stars/ladder-check'
import { sha256 } from './check-courses.server'
import type { ContentFile } from './tree.server'

export interface CheckedLadder {
  file: string
  hash: string
  ladder: Ladder
}

export function checkStarLadder(
  file: ContentFile | null,
  known: { courses: ReadonlySet<string>; quizzes: ReadonlySet<string> },
  language: ProblemLanguage,
): { ladder: CheckedLadder | null; problems: ContentProblem[] } {
  if (!file) return { ladder: null, problems: [] }
  const { source, problems } = parseYaml(file.file, file.text)
  if (problems.length) return { ladder: null, problems }
  const parsed = LadderSchema.safeParse(source.document.toJS())
  if (!parsed.success) return { ladder: null, problems: schemaProblems(source, parsed.error, language) }
  const issues = ladderIssues(parsed.data, known).map((issue) => problemAtPath(source, issue.path, issue.code, issue.params))
  if (issues.length) return { ladder: null, problems: issues }
  return { ladder: { file: file.file, hash: sha256(JSON.stringify(parsed.data)), ladder: parsed.data }, problems: [] }
}
