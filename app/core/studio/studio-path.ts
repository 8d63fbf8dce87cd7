// Which files the studio edits, named by their path under the content root. Anything else is refused, so a path
// from a URL or a form can never reach outside the tree (no "..", no folders of our own making).

export type StudioFileKind = 'module' | 'course' | 'quiz' | 'scenario' | 'image'

export interface StudioFile {
  path: string
  kind: StudioFileKind
  /** The course folder, for modules, course.yaml and pictures; quizzes and scenarios name theirs inside. */
  courseId: string | null
  /** The file name without extension: the module slug, quiz or scenario id, picture name. */
  id: string
}

const SLUG = '[a-z0-9][a-z0-9-]{0,63}'
const PATTERNS: Array<[StudioFileKind, RegExp]> = [
  ['course', new RegExp(`^courses/(${SLUG})/course\\.yaml$`)],
  ['module', new RegExp(`^courses/(${SLUG})/(${SLUG})\\.mdx$`)],
  ['image', new RegExp(`^courses/(${SLUG})/images/(${SLUG}\\.(?:svg|png))$`)],
  ['quiz', new RegExp(`^quizzes/()(${SLUG})\\.yaml$`)],
  ['scenario', new RegExp(`^scenarios/()(${SLUG})\\.yaml$`)],
]

export function parseStudioPath(path: string): StudioFile | null {
  for (const [kind, pattern] of PATTERNS) {
    const match = pattern.exec(path)
    if (!match) continue
    if (kind === 'course') return { path, kind, courseId: match[1], id: 'course' }
    return { path, kind, courseId: match[1] || null, id: kind === 'image' ? match[2] : match[2] }
  }
  return null
}

/** The course a quiz or scenario file belongs to, read from its top-level `course:` line. */
export function courseNamedIn(yamlText: string): string | null {
  const match = /^course:\s*["']?([a-z0-9][a-z0-9-]*)["']?\s*(?:#.*)?$/m.exec(yamlText)
  return match ? match[1] : null
}
