// A content problem: where (file:line:column) and what, in Chinese or English.
export type ProblemCode =
  | 'yaml-syntax'
  | 'schema'
  | 'mdx-syntax'
  | 'no-frontmatter'
  | 'no-source'
  | 'unknown-component'
  | 'attribute-missing'
  | 'attribute-unknown'
  | 'attribute-expression'
  | 'module-missing'
  | 'module-not-listed'
  | 'id-mismatch'
  | 'duplicate-id'
  | 'broken-link'
  | 'unsafe-link'
  | 'unknown-quiz'
  | 'unknown-scenario'
  | 'course-file-missing'
  | 'graph'
  | 'quiz'
  | 'image'
  | 'unknown-course'
  | 'threshold-down'
  | 'star-level'

export interface ContentProblem {
  file: string
  line: number
  column: number
  code: ProblemCode
  /** Values the message names (ids, field paths, the parser's own reason). */
  params: Record<string, string | number>
}

export type ProblemLanguage = 'zh-CN' | 'en'

const MESSAGES: Record<ProblemCode, Record<ProblemLanguage, string>> = {
  'yaml-syntax': { 'zh-CN': 'YAML 语法错误：{reason}', en: 'YAML syntax error: {reason}' },
  schema: { 'zh-CN': '字段 {field}：{reason}', en: 'field {field}: {reason}' },
  'mdx-syntax': { 'zh-CN': 'MDX 语法错误：{reason}', en: 'MDX syntax error: {reason}' },
  'no-frontmatter': { 'zh-CN': '模块缺少以 --- 包围的 frontmatter', en: 'the module has no --- frontmatter ---' },
  'no-source': { 'zh-CN': '模块没有引用任何来源（sources）', en: 'the module cites no source (sources)' },
  'unknown-component': { 'zh-CN': '未知组件 <{name}>，可用：{known}', en: 'unknown component <{name}>; known: {known}' },
  'attribute-missing': { 'zh-CN': '<{name}> 缺少属性 {attribute}', en: '<{name}> is missing attribute {attribute}' },
  'attribute-unknown': { 'zh-CN': '<{name}> 不支持属性 {attribute}', en: '<{name}> has no attribute {attribute}' },
  'attribute-expression': {
    'zh-CN': '<{name}> 的属性 {attribute} 必须是双引号字符串，不能用 {…} 表达式',
    en: '<{name}> attribute {attribute} must be a quoted string, not a {…} expression',
  },
  'module-missing': { 'zh-CN': 'course.yaml 列出了模块 {module}，但没有 {module}.mdx 文件', en: 'course.yaml lists module {module} but {module}.mdx does not exist' },
  'module-not-listed': { 'zh-CN': '文件 {module}.mdx 没有列在 course.yaml 的 modules 中', en: '{module}.mdx is not listed in course.yaml modules' },
  'id-mismatch': { 'zh-CN': 'id「{id}」与文件名「{expected}」不一致', en: 'id "{id}" does not match the file name "{expected}"' },
  'duplicate-id': { 'zh-CN': '{kind} id「{id}」重复（另见 {other}）', en: 'duplicate {kind} id "{id}" (also in {other})' },
  'unsafe-link': {
    'zh-CN': '不安全的链接 {href}：只允许 http(s)、mailto、tel 和站内相对链接',
    en: 'unsafe link {href}: only http(s), mailto, tel and relative links are allowed',
  },
  'broken-link': { 'zh-CN': '链接 {href} 指向不存在的课程或模块', en: 'link {href} points to no existing course or module' },
  'unknown-quiz': { 'zh-CN': '引用了不存在的测验「{id}」', en: 'refers to quiz "{id}", which does not exist' },
  'unknown-scenario': { 'zh-CN': '引用了不存在的情景「{id}」', en: 'refers to scenario "{id}", which does not exist' },
  'course-file-missing': { 'zh-CN': '课程目录缺少 course.yaml', en: 'the course folder has no course.yaml' },
  graph: { 'zh-CN': '{reason}', en: '{reason}' },
  quiz: { 'zh-CN': '{reason}', en: '{reason}' },
  image: { 'zh-CN': '图片 {image}：{reason}', en: 'image {image}: {reason}' },
  'unknown-course': { 'zh-CN': '引用了不存在的课程「{id}」', en: 'refers to course "{id}", which does not exist' },
  'threshold-down': {
    'zh-CN': '{level} 星的 {kind}.{field} 比 {lowerLevel} 星的要求还低：星级越高，要求不能越低',
    en: 'level {level} asks less than level {lowerLevel} for {kind}.{field}: thresholds must not go down',
  },
  'star-level': { 'zh-CN': '{reason}', en: '{reason}' },
}

export function problemMessage(problem: ContentProblem, language: ProblemLanguage = 'zh-CN'): string {
  return MESSAGES[problem.code][language].replace(/\{(\w+)\}/g, (_, key: string) => String(problem.params[key] ?? `{${key}}`))
}

/** `path:line:column: reason`, the form editors and terminals link to. */
export function formatProblem(problem: ContentProblem, language: ProblemLanguage = 'zh-CN'): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problemMessage(problem, language)}`
}

export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column)
}
