// Reads the content folder into memory: course folders with their files, quizzes and scenarios.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

export interface ContentFile {
  /** As printed in problems: relative to the working directory, forward slashes. */
  file: string
  text: string
}

/** A picture in a course folder's images/, read as bytes. */
export interface ImageFile {
  file: string
  name: string
  bytes: Uint8Array
}

export interface CourseFolder {
  id: string
  dir: string
  /** The pictures in images/, by file name. */
  images: Map<string, ImageFile>
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
  /** content/stars.yaml, the star ladder; a tree without it imports no ladder. */
  stars: ContentFile | null
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

function imagesIn(dir: string): Map<string, ImageFile> {
  const images = new Map<string, ImageFile>()
  if (!existsSync(dir)) return images
  for (const name of readdirSync(dir).sort()) {
    const absolute = path.join(dir, name)
    if (statSync(absolute).isFile()) images.set(name, { file: display(absolute), name, bytes: new Uint8Array(readFileSync(absolute)) })
  }
  return images
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
            images: imagesIn(path.join(dir, 'images')),
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
    stars: existsSync(path.join(absolute, 'stars.yaml')) ? read(path.join(absolute, 'stars.yaml')) : null,
    checklists: filesIn(path.join(absolute, 'checklists'), '.yaml'),
    mentoring: existsSync(path.join(absolute, 'mentoring.yaml')) ? read(path.join(absolute, 'mentoring.yaml')) : null,
  }
}
