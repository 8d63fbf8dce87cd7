// YAML parsed with positions, so that a problem found at a path (e.g. nodes.3.replies.1.next) has a line.
import { LineCounter, isNode, parseDocument, visit, type Document } from 'yaml'
import type { ZodError, ZodIssue } from 'zod'
import type { ContentProblem, ProblemLanguage } from './problems'

export interface YamlSource {
  file: string
  /** Line of the file where this YAML text starts (frontmatter starts on line 2). */
  firstLine: number
  document: Document.Parsed
  lines: LineCounter
}

export function parseYaml(file: string, text: string, firstLine = 1): { source: YamlSource; problems: ContentProblem[] } {
  const lines = new LineCounter()
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  const source = { file, firstLine, document, lines }
  const problems = document.errors.map((error) => {
    const at = lines.linePos(error.pos[0])
    return problemAt(source, at.line, at.col, 'yaml-syntax', { reason: error.message.split('\n')[0] })
  })
  // an alias to an anchor that is not set before it parses without error but throws when read (toJS): report it here
  visit(document, {
    Alias(_, alias) {
      if (alias.resolve(document)) return
      const at = lines.linePos(alias.range?.[0] ?? 0)
      problems.push(problemAt(source, at.line, at.col, 'yaml-syntax', { reason: `unresolved alias *${alias.source}` }))
    },
  })
  return { source, problems }
}

function problemAt(
  source: YamlSource,
  line: number,
  column: number,
  code: ContentProblem['code'],
  params: ContentProblem['params'],
): ContentProblem {
  return { file: source.file, line: line + source.firstLine - 1, column, code, params }
}

/** The line and column of the deepest node that exists along `path`. */
export function positionOf(source: YamlSource, path: ReadonlyArray<string | number>): { line: number; column: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? source.document.contents : source.document.getIn(path.slice(0, depth), true)
    if (isNode(node) && node.range) {
      const at = source.lines.linePos(node.range[0])
      return { line: at.line + source.firstLine - 1, column: at.col }
    }
  }
  return { line: source.firstLine, column: 1 }
}

export function problemAtPath(
  source: YamlSource,
  path: ReadonlyArray<string | number>,
  code: ContentProblem['code'],
  params: ContentProblem['params'],
): ContentProblem {
  return { file: source.file, ...positionOf(source, path), code, params }
}

const ZH_REASONS: Partial<Record<ZodIssue['code'], (issue: ZodIssue) => string>> = {
  invalid_type: (i) => (i.message === 'Required' ? '必填' : `类型应为 ${'expected' in i ? String(i.expected) : ''}`),
  unrecognized_keys: (i) => `未知字段 ${'keys' in i ? i.keys.join(', ') : ''}`,
  too_small: (i) => `太少或太短（至少 ${'minimum' in i ? String(i.minimum) : ''}）`,
  too_big: (i) => `太多或太大（至多 ${'maximum' in i ? String(i.maximum) : ''}）`,
  invalid_enum_value: (i) => `取值应为 ${'options' in i ? i.options.join(' | ') : ''}`,
}

/** Zod issues as problems at their lines. Custom messages (given in the schema) are kept as written. */
export function schemaProblems(source: YamlSource, error: ZodError, language: ProblemLanguage = 'zh-CN'): ContentProblem[] {
  return error.issues.map((issue) => {
    const custom = issue.code === 'custom' || (issue.code === 'invalid_string' && issue.message !== 'Invalid')
    const translate = language === 'zh-CN' && !custom ? ZH_REASONS[issue.code] : undefined
    const field = issue.path.length ? issue.path.join('.') : '(root)'
    return problemAtPath(source, issue.path, 'schema', { field, reason: translate ? translate(issue) : issue.message })
  })
}
