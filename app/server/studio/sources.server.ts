// The published content tree as source files: what content:import and a studio publish store (one row per changed
// file, inside the import's transaction), and the same files read back into the ContentTree the checker takes, so
// the studio checks and imports exactly what content:check and content:import would from files.
import { createHash } from 'node:crypto'
import path from 'node:path'
import type { Prisma, PrismaClient } from '~/generated/prisma/client'
import type { ContentTree, CourseFolder } from '../content/tree.server'

export interface SourceFile {
  /** Relative to the content root, forward slashes. */
  path: string
  text: string | null
  bytes: Uint8Array | null
}

export const hashOfSource = (file: SourceFile) =>
  createHash('sha256')
    .update(file.bytes ?? Buffer.from(file.text ?? '', 'utf8'))
    .digest('hex')

/** The content root the studio works against: where phrases/ lives and what problems are printed under. */
export const studioRoot = () => process.env.CONTENT_DIR ?? 'content'

function relative(root: string, file: string): string {
  return root === '.' || root === '' ? file : path.posix.relative(root, file)
}

/** Every file of a tree, relative to its root. */
export function sourcesOfTree(tree: ContentTree): SourceFile[] {
  const rel = (file: string) => relative(tree.root, file)
  const text = (file: { file: string; text: string }): SourceFile => ({ path: rel(file.file), text: file.text, bytes: null })
  return [
    ...tree.courses.flatMap((course) => [
      ...(course.courseYaml ? [text(course.courseYaml)] : []),
      ...course.modules.map(text),
      ...[...course.images.values()].map((image) => ({ path: rel(image.file), text: null, bytes: image.bytes })),
    ]),
    ...tree.quizzes.map(text),
    ...tree.scenarios.map(text),
    ...(tree.stars ? [text(tree.stars)] : []),
    ...tree.checklists.map(text),
    ...(tree.mentoring ? [text(tree.mentoring)] : []),
  ]
}

/** The inverse of sourcesOfTree: files (paths relative to root) as the tree the checker reads. */
export function treeOfSources(root: string, files: readonly SourceFile[]): ContentTree {
  const at = (p: string) => (root === '.' || root === '' ? p : `${root}/${p}`)
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const courses = new Map<string, CourseFolder>()
  const tree: ContentTree = { root, courses: [], quizzes: [], scenarios: [], stars: null, checklists: [], mentoring: null }
  for (const file of sorted) {
    const parts = file.path.split('/')
    const content = { file: at(file.path), text: file.text ?? '' }
    if (parts[0] === 'courses' && parts.length >= 3) {
      const id = parts[1]
      const folder: CourseFolder = courses.get(id) ?? { id, dir: at(`courses/${id}`), images: new Map(), courseYaml: null, modules: [], others: [] }
      courses.set(id, folder)
      if (parts.length === 4 && parts[2] === 'images' && file.bytes) folder.images.set(parts[3], { file: at(file.path), name: parts[3], bytes: file.bytes })
      else if (parts.length === 3 && parts[2] === 'course.yaml') folder.courseYaml = content
      else if (parts.length === 3 && parts[2].endsWith('.mdx')) folder.modules.push(content)
    } else if (parts.length === 2 && parts[0] === 'quizzes') tree.quizzes.push(content)
    else if (parts.length === 2 && parts[0] === 'scenarios') tree.scenarios.push(content)
    else if (parts.length === 2 && parts[0] === 'checklists') tree.checklists.push(content)
    else if (file.path === 'stars.yaml') tree.stars = content
    else if (file.path === 'mentoring.yaml') tree.mentoring = content
  }
  tree.courses = [...courses.values()]
  return tree
}

/** The published file at each path (its newest version), deleted ones left out. */
export async function currentSources(db: PrismaClient | Prisma.TransactionClient): Promise<Array<SourceFile & { number: number; hash: string }>> {
  const rows = await db.contentSourceVersion.findMany({
    orderBy: [{ path: 'asc' }, { number: 'desc' }],
    distinct: ['path'],
    select: { path: true, number: true, hash: true, text: true, bytes: true, deleted: true },
  })
  return rows.filter((r) => !r.deleted).map((r) => ({ path: r.path, number: r.number, hash: r.hash, text: r.text, bytes: r.bytes ? new Uint8Array(r.bytes) : null }))
}

/** The newest version number and hash of every path (deleted included), without the file bodies. */
async function latestVersions(tx: Prisma.TransactionClient): Promise<Map<string, { number: number; hash: string; deleted: boolean }>> {
  const rows = await tx.contentSourceVersion.findMany({
    orderBy: [{ path: 'asc' }, { number: 'desc' }],
    distinct: ['path'],
    select: { path: true, number: true, hash: true, deleted: true },
  })
  return new Map(rows.map((r) => [r.path, r]))
}

/**
 * Runs inside the import's transaction: a new version for every file whose bytes changed, a deleted marker for
 * every published file the tree no longer has (only when the tree is whole: `complete`). Unchanged files write nothing.
 */
export async function writeSourceVersions(
  tx: Prisma.TransactionClient,
  files: readonly SourceFile[],
  options: { authorId: string | null; complete: boolean },
): Promise<string[]> {
  const latest = await latestVersions(tx)
  const changed: Prisma.ContentSourceVersionCreateManyInput[] = []
  for (const file of files) {
    const hash = hashOfSource(file)
    const previous = latest.get(file.path)
    if (previous && !previous.deleted && previous.hash === hash) continue
    changed.push({ path: file.path, number: (previous?.number ?? 0) + 1, hash, text: file.text, bytes: file.bytes ? new Uint8Array(file.bytes) : null, authorId: options.authorId })
  }
  if (options.complete) {
    const present = new Set(files.map((f) => f.path))
    for (const [p, previous] of latest) {
      if (!previous.deleted && !present.has(p)) changed.push({ path: p, number: previous.number + 1, hash: '', deleted: true, authorId: options.authorId })
    }
  }
  if (changed.length) await tx.contentSourceVersion.createMany({ data: changed })
  return changed.map((c) => c.path)
}
