// The studio's check and preview of a draft: the published tree with the draft laid over it, checked by the very
// functions content:check runs, and a module compiled and rendered by the importer's own pipeline.
import type { ContentProblem, ProblemLanguage } from '~/core/content/problems'
import { parseStudioPath } from '~/core/studio/studio-path'
import type { PrismaClient } from '~/generated/prisma/client'
import type { Language } from '~/i18n/catalog'
import { checkCourseFolder, splitFrontmatter } from '../content/check-courses.server'
import { checkTree, crossReferenceProblems, type CheckResult } from '../content/check.server'
import type { ContentTree } from '../content/tree.server'
import { imageDraftsOf, inlineDraftPictures } from './images.server'
import { previewHtml } from './preview-blocks.server'
import { currentSources, studioRoot, treeOfSources, type SourceFile } from './sources.server'

type Published = Awaited<ReturnType<typeof currentSources>>

// The published files change only with an import: keep them while the number of source versions stays the same.
let cached: { stamp: string; files: Published } | null = null

export async function publishedSources(db: PrismaClient): Promise<Published> {
  const newest = await db.contentSourceVersion.findFirst({ orderBy: { createdAt: 'desc' }, select: { id: true } })
  const stamp = `${await db.contentSourceVersion.count()}:${newest?.id ?? ''}`
  if (cached?.stamp !== stamp) cached = { stamp, files: await currentSources(db) }
  return cached.files
}

/** The published files with some replaced or added. */
export function overlay(files: readonly SourceFile[], changes: readonly SourceFile[]): SourceFile[] {
  const byPath = new Map(files.map((f) => [f.path, f]))
  for (const change of changes) byPath.set(change.path, change)
  return [...byPath.values()]
}

export const fileInTree = (path: string) => {
  const root = studioRoot()
  return root === '.' || root === '' ? path : `${root}/${path}`
}

/** The whole check content:check runs, over the published tree with the changes: what publishing requires. */
export async function checkWholeTree(db: PrismaClient, changes: readonly SourceFile[], language: ProblemLanguage = 'zh-CN'): Promise<{ tree: ContentTree; result: CheckResult }> {
  const tree = treeOfSources(studioRoot(), overlay(await publishedSources(db), changes))
  return { tree, result: checkTree(tree, language) }
}

/**
 * The problems of one draft while it is typed. A module or course.yaml is checked with its course folder (the
 * same checkCourseFolder and cross-references content:check runs, in milliseconds); a quiz or scenario with the
 * whole tree, as its checks reach across files.
 */
export async function checkDraft(db: PrismaClient, path: string, text: string, language: ProblemLanguage = 'zh-CN'): Promise<ContentProblem[]> {
  const file = parseStudioPath(path)
  if (!file) return []
  const change = { path, text, bytes: null }
  if (file.kind === 'quiz' || file.kind === 'scenario') return (await checkWholeTree(db, [change], language)).result.problems
  const { tree, folder } = await courseFolderWith(db, file.courseId, [change])
  if (!folder) return []
  const checked = checkCourseFolder(folder, language)
  const crossed = checked.course
    ? crossReferenceProblems(tree, { courses: [checked.course], quizzes: [], scenarios: [], ladder: null, checklists: [] })
    : []
  return [...checked.problems, ...crossed]
}

/** The tree with the changes and the course's draft pictures laid over it, and that course's folder. */
async function courseFolderWith(db: PrismaClient, courseId: string | null, changes: readonly SourceFile[]) {
  const pictures = await imageDraftsOf(db, courseId)
  const tree = treeOfSources(studioRoot(), overlay(await publishedSources(db), [...pictures, ...changes]))
  return { tree, folder: tree.courses.find((c) => c.id === courseId) ?? null }
}

/** The course's pictures, published and draft, as files (the preview shows them inline). */
async function picturesOf(db: PrismaClient, courseId: string | null): Promise<SourceFile[]> {
  const { folder } = await courseFolderWith(db, courseId, [])
  return folder ? [...folder.images.values()].map((i) => ({ path: `courses/${courseId}/images/${i.name}`, text: null, bytes: i.bytes })) : []
}

export interface ModulePreview {
  problems: ContentProblem[]
  /** The module as clerks will see it, per language; null when it does not compile. */
  html: Record<Language, string> | null
  /** The compiler's own message when it does not. */
  error: string | null
}

export async function previewModule(db: PrismaClient, path: string, text: string): Promise<ModulePreview> {
  const split = splitFrontmatter(text)
  // the check parses the body first; the preview's blocks reuse that tree and compile only blocks not seen before
  const problems = await checkDraft(db, path, text)
  if (!split) return { problems, html: null, error: null }
  try {
    const html = await previewHtml(split.body)
    if (!Object.values(html).some((h) => h.includes('src="images/'))) return { problems, html, error: null }
    const pictures = await picturesOf(db, parseStudioPath(path)?.courseId ?? null)
    const inlined = Object.fromEntries(Object.entries(html).map(([language, h]) => [language, inlineDraftPictures(h, pictures)])) as Record<Language, string>
    return { problems, html: inlined, error: null }
  } catch (error) {
    return { problems, html: null, error: String((error as Error).message).split('\n')[0].slice(0, 300) }
  }
}
