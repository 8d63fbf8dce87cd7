// Checks course folders: course.yaml, each module's frontmatter and MDX body, the module list.
import { createHash } from 'node:crypto'
import { CourseFileSchema, ModuleFrontmatterSchema, type CourseFile, type ModuleFrontmatter } from '~/core/content/course-schema'
import type { ContentProblem, ProblemLanguage } from '~/core/content/problems'
import { parseYaml, positionOf, problemAtPath, schemaProblems, type YamlSource } from '~/core/content/yaml-document'
import { analyseModuleBody, type Located } from './mdx-analysis.server'
import type { ContentFile, CourseFolder } from './tree.server'

export interface CheckedModule {
  file: string
  slug: string
  frontmatter: ModuleFrontmatter
  body: string
  hash: string
  quizRefs: Located<string>[]
  links: Located<string>[]
  components: string[]
}

export interface CheckedCourse {
  file: string
  course: CourseFile
  text: string
  modules: CheckedModule[]
  /** The quizzes course.yaml requires, where it names them. */
  quizRefs: Located<string>[]
}

const locate = (source: YamlSource, field: string, ids: readonly string[]): Located<string>[] =>
  ids.map((value, index) => ({ value, ...positionOf(source, [field, index]) }))

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** Splits `---\nyaml\n---\nbody`; the body's first line number is returned so problems keep file lines. */
export function splitFrontmatter(text: string): { yaml: string; body: string; bodyFirstLine: number } | null {
  if (!text.startsWith('---\n')) return null
  const end = text.indexOf('\n---', 3)
  if (end < 0) return null
  const yaml = text.slice(4, end + 1)
  const afterFence = text.indexOf('\n', end + 4)
  const body = afterFence < 0 ? '' : text.slice(afterFence + 1)
  return { yaml, body, bodyFirstLine: yaml.split('\n').length + 2 }
}

function checkModule(file: ContentFile, language: ProblemLanguage): { module: CheckedModule | null; problems: ContentProblem[] } {
  const split = splitFrontmatter(file.text)
  if (!split) return { module: null, problems: [{ file: file.file, line: 1, column: 1, code: 'no-frontmatter', params: {} }] }
  const { source, problems } = parseYaml(file.file, split.yaml, 2)
  if (problems.length) return { module: null, problems }
  const raw = source.document.toJS() as Record<string, unknown> | null
  if (raw && (!Array.isArray(raw.sources) || raw.sources.length === 0)) {
    problems.push(problemAtPath(source, ['sources'], 'no-source', {}))
  }
  const parsed = ModuleFrontmatterSchema.safeParse(raw)
  if (!parsed.success) problems.push(...schemaProblems(source, parsed.error, language).filter((p) => !(p.params.field === 'sources' && problems.some((q) => q.code === 'no-source'))))
  const slug = file.file.split('/').pop()!.replace(/\.mdx$/, '')
  if (parsed.success && parsed.data.id !== slug) problems.push(problemAtPath(source, ['id'], 'id-mismatch', { id: parsed.data.id, expected: slug }))
  const facts = analyseModuleBody(file.file, split.body, split.bodyFirstLine)
  problems.push(...facts.problems)
  if (!parsed.success || problems.length) return { module: null, problems }
  return {
    module: {
      file: file.file,
      slug,
      frontmatter: parsed.data,
      body: split.body,
      hash: sha256(file.text),
      ...facts,
      quizRefs: [...locate(source, 'quizzes', parsed.data.quizzes), ...facts.quizRefs],
    },
    problems,
  }
}

export function checkCourseFolder(folder: CourseFolder, language: ProblemLanguage): { course: CheckedCourse | null; problems: ContentProblem[] } {
  if (!folder.courseYaml) {
    return { course: null, problems: [{ file: `${folder.dir}/course.yaml`, line: 1, column: 1, code: 'course-file-missing', params: {} }] }
  }
  const { source, problems } = parseYaml(folder.courseYaml.file, folder.courseYaml.text)
  const parsed = problems.length ? null : CourseFileSchema.safeParse(source.document.toJS())
  if (parsed && !parsed.success) problems.push(...schemaProblems(source, parsed.error, language))
  const course = parsed?.success ? parsed.data : null
  if (course && course.id !== folder.id) problems.push(problemAtPath(source, ['id'], 'id-mismatch', { id: course.id, expected: folder.id }))

  const modules = new Map<string, CheckedModule>()
  const present = new Set(folder.modules.map((m) => m.file.split('/').pop()!.replace(/\.mdx$/, '')))
  for (const file of folder.modules) {
    const result = checkModule(file, language)
    problems.push(...result.problems)
    if (result.module) modules.set(result.module.slug, result.module)
  }
  if (course) {
    const seen = new Map<string, number>()
    course.modules.forEach((slug, index) => {
      if (seen.has(slug)) problems.push(problemAtPath(source, ['modules', index], 'duplicate-id', { kind: 'module', id: slug, other: `modules[${seen.get(slug)}]` }))
      seen.set(slug, index)
      if (!present.has(slug)) problems.push(problemAtPath(source, ['modules', index], 'module-missing', { module: slug }))
    })
    for (const slug of present) {
      if (!course.modules.includes(slug)) problems.push({ file: `${folder.dir}/${slug}.mdx`, line: 1, column: 1, code: 'module-not-listed', params: { module: slug } })
    }
  }
  for (const other of folder.others) {
    const slug = other.file.split('/').pop()!
    problems.push({ file: other.file, line: 1, column: 1, code: 'module-not-listed', params: { module: slug } })
  }
  if (!course || problems.length) return { course: null, problems }
  return {
    course: {
      file: folder.courseYaml.file,
      course,
      text: folder.courseYaml.text,
      modules: course.modules.map((slug) => modules.get(slug)!),
      quizRefs: locate(source, 'quizzes', course.quizzes),
    },
    problems,
  }
}
