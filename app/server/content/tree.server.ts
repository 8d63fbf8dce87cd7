// Reads the content folder into memory: course folders with their files, quizzes and scenarios.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

export interface ContentFile {
  /** As printed in problems: relative to the working directory, forward slashes. */
  file: string
  text: string
}

export interface CourseFolder {
  id: string
  dir: string
  courseYaml: ContentFile | null
  modules: ContentFile[]
  /** Anything else in the folder that looks like content (e.g. a stray .md), reported as not listed. */
  others: ContentFile[]
}

export interface ContentTree {
  root: string
  courses: CourseFolder[]
  quizzes: ContentFile[]
  scenarios: ContentFile[]
  checklists: ContentFile[]
  /** content/mentoring.yaml, the mentoring limits, when present. */
  mentoring: ContentFile | null
}

function display(absolute: string): string {
  return path.relative(process.cwd(), absolute).split(path.sep).join('/')
}

function read(absolute: string): ContentFile {
  return { file: display(absolute), text: readFileSync(absolute, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n') }
}

function filesIn(dir: string, extension: string): ContentFile[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => read(path.join(dir, name)))
}

export function readContentTree(root = 'content'): ContentTree {
  const absolute = path.resolve(root)
  const coursesDir = path.join(absolute, 'courses')
  const courses = existsSync(coursesDir)
    ? readdirSync(coursesDir)
        .filter((name) => statSync(path.join(coursesDir, name)).isDirectory())
        .sort()
        .map((id) => {
          const dir = path.join(coursesDir, id)
          const yamlPath = path.join(dir, 'course.yaml')
          return {
            id,
            dir: display(dir),
            courseYaml: existsSync(yamlPath) ? read(yamlPath) : null,
            modules: filesIn(dir, '.mdx'),
            others: filesIn(dir, '.md'),
          }
        })
    : []
  return {
    root: display(absolute) || '.',
    courses,
    quizzes: filesIn(path.join(absolute, 'quizzes'), '.yaml'),
    scenarios: filesIn(path.join(absolute, 'scenarios'), '.yaml'),
    checklists: filesIn(path.join(absolute, 'checklists'), '.yaml'),
    mentoring: existsSync(path.join(absolute, 'mentoring.yaml')) ? read(path.join(absolute, 'mentoring.yaml')) : null,
  }
}
