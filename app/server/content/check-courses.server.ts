// Checks course folders: course.yaml, each module's frontmatter and MDX body, the module list.
import { createHash } from 'node:crypto'
import { CourseFileSchema, ModuleFrontmatterSchema, type CourseFile, type ModuleFrontmatter } from '~/core/content/course-schema'
import { altTextProblem, IMAGE_TYPES, imageFileProblems, parseImageReference, pngSize, svgSize } from '~/core/content/images'
import type { ContentProblem, ProblemLanguage } from '~/core/content/problems'
import { parseYaml, positionOf, problemAtPath, schemaProblems, type YamlSource } from '~/core/content/yaml-document'
import { analyseModuleBody, type Located } from './mdx-analysis.server'
import type { ContentFile, CourseFolder, ImageFile } from './tree.server'

export interface CheckedModule {
  file: string
  slug: string
  frontmatter: ModuleFrontmatter
  body: string
  hash: string
  quizRefs: Located<string>[]
  links: Located<string>[]
  components: string[]
  /** The pictures the module shows, each once: stored by hash at import, served from /media. */
  images: ModuleImage[]
  /** <StarLevel> blocks: what the module says each star level asks (checked against stars.yaml). */
  starLevels: Located<{ level: string; text: string }>[]
}

export interface ModuleImage {
  /** As written in the module (images/<name>). */
  url: string
  hash: string
  mime: string
  bytes: Uint8Array
  width: number | null
  height: number | null
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

/** The pictures a module shows: each reference resolved in the course folder and checked; problems at the reference. */
function checkImages(
  file: string,
  images: ReturnType<typeof analyseModuleBody>['images'],
  folderImages: Map<string, ImageFile>,
): { images: ModuleImage[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = []
  const found = new Map<string, ModuleImage>()
  for (const { value, line, column } of images) {
    const report = (reason: string) => problems.push({ file, line, column, code: 'image', params: { image: value.url, reason } })
    const alt = altTextProblem(value.alt)
    if (alt) report(alt)
    const reference = parseImageReference(value.url)
    if (!reference) {
      report('只能引用本课程 images/ 目录中的 .svg 或 .png 文件（小写字母、数字和连字符） / refer to a .svg or .png in this course\'s images/ folder')
      continue
    }
    const image = folderImages.get(reference.name)
    if (!image) {
      report('文件不存在 / the file does not exist')
      continue
    }
    const fileProblems = imageFileProblems({ extension: reference.extension, bytes: image.bytes })
    fileProblems.forEach(report)
    if (fileProblems.length || found.has(value.url)) continue
    const size = reference.extension === 'svg' ? svgSize(new TextDecoder().decode(image.bytes)) : pngSize(image.bytes)
    found.set(value.url, {
      url: value.url,
      hash: createHash('sha256').update(image.bytes).digest('hex'),
      mime: IMAGE_TYPES[reference.extension],
      bytes: image.bytes,
      width: size?.width ?? null,
      height: size?.height ?? null,
    })
  }
  return { images: [...found.values()], problems }
}

export function checkModule(
  file: ContentFile,
  folderImages: Map<string, ImageFile>,
  language: ProblemLanguage,
): { module: CheckedModule | null; problems: ContentProblem[] } {
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
  const pictures = checkImages(file.file, facts.images, folderImages)
  problems.push(...pictures.problems)
  if (!parsed.success || problems.length) return { module: null, problems }
  return {
    module: {
      file: file.file,
      slug,
      frontmatter: parsed.data,
      body: split.body,
      // a changed picture is a changed module: its hash takes the pictures' hashes in
      hash: pictures.images.length ? sha256([file.text, ...pictures.images.map((i) => i.hash)].join('\n')) : sha256(file.text),
      ...facts,
      images: pictures.images,
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
    const result = checkModule(file, folder.images, language)
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
