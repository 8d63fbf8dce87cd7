// What the studio pages show and who may see it: the course tree, one file with its draft and the others editing
// it, a file's history. Every path from a URL or form is parsed (parseStudioPath) and its course authorised here.
import { problemMessage, type ContentProblem } from '~/core/content/problems'
import { canAuthorCourse, canEnter } from '~/core/permissions'
import { courseNamedIn, parseStudioPath, type StudioFile } from '~/core/studio/studio-path'
import { prisma } from '../db.server'
import { forbidden, notFound } from '../responses.server'
import type { SessionUser } from '../people.server'
import { checkDraft, fileInTree, publishedSources } from './draft-check.server'
import { draftOf, draftPaths, touchPresence } from './drafts.server'

export async function authorLimitsOf(userId: string): Promise<string[]> {
  const rows = await prisma.studioCourseLimit.findMany({ where: { userId }, select: { courseId: true }, orderBy: { courseId: 'asc' } })
  return rows.map((r) => r.courseId)
}

/** The file a URL or form names, if the user may author it; 404 for a path that is no studio file. */
export async function requireAuthorOf(user: SessionUser, path: string | null): Promise<{ file: StudioFile; courseId: string | null }> {
  if (!canEnter(user.viewer, 'trainer')) forbidden('studio')
  const file = path ? parseStudioPath(path) : null
  if (!file) notFound('studio file')
  let courseId = file.courseId
  if (courseId === null) {
    const published = (await publishedSources(prisma)).find((f) => f.path === file.path)
    const draft = await draftOf(prisma, file.path)
    courseId = courseNamedIn(published?.text ?? draft?.text ?? '')
  }
  if (!canAuthorCourse(user.viewer, courseId, await authorLimitsOf(user.id))) forbidden('studio course')
  return { file, courseId }
}

export interface TreeEntry {
  path: string
  label: string
  draft: boolean
}

export interface TreeCourse {
  id: string
  titleZh: string
  titleEn: string
  files: TreeEntry[]
  quizzes: TreeEntry[]
  scenarios: TreeEntry[]
}

export async function studioTree(user: SessionUser): Promise<TreeCourse[]> {
  const [courses, sources, drafts, limits] = await Promise.all([
    prisma.course.findMany({
      orderBy: { id: 'asc' },
      select: {
        id: true,
        currentVersion: { select: { titleZh: true, titleEn: true, modules: { orderBy: { position: 'asc' }, select: { moduleVersion: { select: { slug: true, titleZh: true } } } } } },
      },
    }),
    publishedSources(prisma),
    draftPaths(prisma),
    authorLimitsOf(user.id),
  ])
  const entry = (path: string, label: string): TreeEntry => ({ path, label, draft: drafts.has(path) })
  const byCourse = (kind: 'quizzes' | 'scenarios', courseId: string) =>
    sources
      .filter((f) => f.path.startsWith(`${kind}/`) && courseNamedIn(f.text ?? '') === courseId)
      .map((f) => entry(f.path, f.path.slice(kind.length + 1, -'.yaml'.length)))
  return courses
    .filter((c) => c.currentVersion && canAuthorCourse(user.viewer, c.id, limits))
    .map((c) => ({
      id: c.id,
      titleZh: c.currentVersion!.titleZh,
      titleEn: c.currentVersion!.titleEn,
      files: [
        entry(`courses/${c.id}/course.yaml`, 'course.yaml'),
        ...c.currentVersion!.modules.map((m) => entry(`courses/${c.id}/${m.moduleVersion.slug}.mdx`, `${m.moduleVersion.slug} · ${m.moduleVersion.titleZh}`)),
      ],
      quizzes: byCourse('quizzes', c.id),
      scenarios: byCourse('scenarios', c.id),
    }))
}

export interface InlineProblem {
  line: number
  column: number
  message: string
  /** Another file than the one open (course.yaml, a quiz): shown in the list, not in the editor. */
  file: string | null
}

export function inlineProblems(path: string, problems: readonly ContentProblem[], language: 'zh-CN' | 'en' = 'zh-CN'): InlineProblem[] {
  const own = fileInTree(path)
  return problems.map((p) => ({ line: p.line, column: p.column, message: problemMessage(p, language), file: p.file === own ? null : p.file }))
}

export async function openStudioFile(user: SessionUser, path: string, now: Date) {
  const { file, courseId } = await requireAuthorOf(user, path)
  const [published, draft, others] = await Promise.all([
    publishedSources(prisma).then((files) => files.find((f) => f.path === path) ?? null),
    draftOf(prisma, path),
    touchPresence(prisma, path, user.id, now),
  ])
  if (!published && !draft) notFound('studio file')
  const text = draft?.text ?? published?.text ?? ''
  const recertify = courseId
    ? ((await prisma.course.findUnique({ where: { id: courseId }, select: { currentVersion: { select: { recertify: true } } } }))?.currentVersion?.recertify ?? false)
    : false
  return {
    path,
    kind: file.kind,
    courseId,
    published: published ? { number: published.number, text: published.text ?? '' } : null,
    draft: draft ? { revision: draft.revision, baseNumber: draft.baseNumber, updatedBy: draft.updatedBy, updatedAt: draft.updatedAt.toISOString() } : null,
    text,
    others,
    recertify,
    problems: inlineProblems(path, await checkDraft(prisma, path, text)),
  }
}

export async function historyOf(user: SessionUser, path: string) {
  await requireAuthorOf(user, path)
  const rows = await prisma.contentSourceVersion.findMany({
    where: { path },
    orderBy: { number: 'desc' },
    select: { number: true, hash: true, text: true, deleted: true, authorId: true, createdAt: true },
  })
  const authorIds = [...new Set(rows.flatMap((r) => (r.authorId ? [r.authorId] : [])))]
  const authors = new Map((await prisma.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]))
  return rows.map((r) => ({ ...r, author: r.authorId ? (authors.get(r.authorId) ?? null) : null }))
}
