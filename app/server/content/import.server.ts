// content:import — check everything, compile what changed, store all new versions in ONE transaction.
// With any problem nothing is stored and the app keeps serving the last good versions.
import { randomUUID } from 'node:crypto'
import type { ContentProblem, ProblemLanguage } from '~/core/content/problems'
import type { Prisma, PrismaClient } from '~/generated/prisma/client'
import { sourcesOfTree, writeSourceVersions, type SourceFile } from '../studio/sources.server'
import { sha256, type CheckedCourse, type CheckedModule } from './check-courses.server'
import { checkTree, type CheckedContent } from './check.server'
import { compileAll } from './compile.server'
import { renderModuleHtml } from './render.server'
import { planChecklistImport, writeChecklistImport } from './import-checklists.server'
import { planQuizImport, writeQuizImport } from './import-quizzes.server'
import { planLadderImport, writeLadderImport } from './import-stars.server'
import { readContentTree } from './tree.server'
import { refreshCourseReadRollups } from '../read-rollup.server'

const IMPORT_TRANSACTION = { maxWait: 30_000, timeout: 120_000 }

export interface ImportSummary {
  coursesChanged: string[]
  modulesCreated: number
  modulesUnchanged: number
  quizzesChanged: string[]
  /** The star ladder's new version number, when stars.yaml changed. */
  ladderVersion: number | null
  checklistsChanged: string[]
}

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; problems: ContentProblem[] }

interface ModulePlan {
  module: CheckedModule
  courseId: string
  id: string
  number: number
  isNew: boolean
}

async function planModules(db: PrismaClient, courses: CheckedCourse[]): Promise<ModulePlan[]> {
  const existing = await db.moduleVersion.findMany({
    where: { courseId: { in: courses.map((c) => c.course.id) } },
    select: { id: true, courseId: true, slug: true, number: true, hash: true },
  })
  const latest = new Map<string, (typeof existing)[number]>()
  for (const v of existing) {
    const key = `${v.courseId}/${v.slug}`
    if ((latest.get(key)?.number ?? 0) < v.number) latest.set(key, v)
  }
  return courses.flatMap((course) =>
    course.modules.map((module) => {
      const previous = latest.get(`${course.course.id}/${module.slug}`)
      return previous && previous.hash === module.hash
        ? { module, courseId: course.course.id, id: previous.id, number: previous.number, isNew: false }
        : { module, courseId: course.course.id, id: randomUUID(), number: (previous?.number ?? 0) + 1, isNew: true }
    }),
  )
}

const courseHash = (course: CheckedCourse) => sha256([course.text, ...course.modules.map((m) => m.hash)].join('\n'))

/** What else the import's one transaction stores: the source files (for the studio and content:export) and a publish's own rows. */
export interface ImportExtras {
  sources?: { files: readonly SourceFile[]; authorId: string | null; complete: boolean }
  /** Runs last inside the transaction (a studio publish: its audit entry, the draft it consumed). */
  within?: (tx: Prisma.TransactionClient, summary: ImportSummary) => Promise<void>
}

export async function importCheckedContent(db: PrismaClient, content: CheckedContent, extras: ImportExtras = {}): Promise<ImportSummary> {
  const plans = await planModules(db, content.courses)
  const fresh = plans.filter((p) => p.isNew)
  const compiled = await compileAll(fresh.map((p) => p.module))
  const rendered = new Map(fresh.map((p) => [p.module, renderModuleHtml(compiled.get(p.module)!)]))
  // versions stored before modules were pre-rendered get their HTML now (once)
  const unrendered = await db.moduleVersion.findMany({ where: { htmlZh: '' }, select: { id: true, code: true } })
  const current = await db.course.findMany({ select: { id: true, currentVersion: { select: { hash: true, number: true } } } })
  const currentById = new Map(current.map((c) => [c.id, c.currentVersion]))
  const changedCourses = content.courses.filter((c) => currentById.get(c.course.id)?.hash !== courseHash(c))
  const quizPlan = await planQuizImport(db, content)
  const ladderPlan = await planLadderImport(db, content.ladder)
  const checklistPlan = await planChecklistImport(db, content.checklists)

  const assets = new Map(fresh.flatMap((p) => p.module.images).map((image) => [image.hash, image]))
  const storedAssets = new Set(
    (await db.contentAsset.findMany({ where: { hash: { in: [...assets.keys()] } }, select: { hash: true } })).map((a) => a.hash),
  )

  const result: ImportSummary = {
    coursesChanged: changedCourses.map((c) => c.course.id),
    modulesCreated: fresh.length,
    modulesUnchanged: plans.length - fresh.length,
    quizzesChanged: quizPlan.changed,
    ladderVersion: ladderPlan?.number ?? null,
    checklistsChanged: checklistPlan.changed,
  }
  // The whole import is one transaction: all of it or none. Prisma's default 5 s cap is too short for the real
  // content on a busy machine or over a network to PostgreSQL (it ends the transaction mid-way).
  await db.$transaction(async (tx) => {
    const newAssets = [...assets.values()].filter((image) => !storedAssets.has(image.hash))
    if (newAssets.length) {
      await tx.contentAsset.createMany({
        data: newAssets.map((image) => ({ hash: image.hash, mime: image.mime, bytes: new Uint8Array(image.bytes), width: image.width, height: image.height })),
      })
    }
    if (fresh.length) {
      await tx.moduleVersion.createMany({
        data: fresh.map((p) => ({
          id: p.id,
          courseId: p.courseId,
          slug: p.module.slug,
          number: p.number,
          hash: p.module.hash,
          titleZh: p.module.frontmatter.title.zh,
          titleEn: p.module.frontmatter.title.en,
          minutes: p.module.frontmatter.minutes,
          objectives: JSON.stringify(p.module.frontmatter.objectives),
          sources: JSON.stringify(p.module.frontmatter.sources),
          quizIds: JSON.stringify(p.module.frontmatter.quizzes),
          code: compiled.get(p.module)!,
          htmlZh: rendered.get(p.module)!['zh-CN'],
          htmlEn: rendered.get(p.module)!.en,
        })),
      })
    }
    for (const version of unrendered) {
      const html = renderModuleHtml(version.code)
      await tx.moduleVersion.update({ where: { id: version.id }, data: { htmlZh: html['zh-CN'], htmlEn: html.en } })
    }
    for (const course of changedCourses) {
      const { id } = course.course
      const versionId = randomUUID()
      await tx.course.upsert({ where: { id }, create: { id }, update: {} })
      await tx.courseVersion.create({
        data: {
          id: versionId,
          courseId: id,
          number: (currentById.get(id)?.number ?? 0) + 1,
          hash: courseHash(course),
          titleZh: course.course.title.zh,
          titleEn: course.course.title.en,
          summaryZh: course.course.summary.zh,
          summaryEn: course.course.summary.en,
          audience: JSON.stringify(course.course.audience),
          quizIds: JSON.stringify(course.course.quizzes),
          minutes: course.modules.reduce((sum, m) => sum + m.frontmatter.minutes, 0),
          recertify: course.course.recertify,
          modules: {
            create: plans.filter((p) => p.courseId === id).map((p, position) => ({ position, moduleVersionId: p.id })),
          },
        },
      })
      await tx.course.update({ where: { id }, data: { currentVersionId: versionId } })
    }
    // the new versions' modules change what counts as read and the totals: the managers' roll-up, in this transaction
    await refreshCourseReadRollups(tx, changedCourses.map((c) => c.course.id))
    await writeQuizImport(tx as unknown as PrismaClient, quizPlan)
    await writeLadderImport(tx as unknown as PrismaClient, ladderPlan)
    await writeChecklistImport(tx as unknown as PrismaClient, checklistPlan)
    const summary = { courses: changedCourses.map((c) => c.course.id), modules: fresh.length, quizzes: quizPlan.changed, ladder: ladderPlan?.number ?? null, checklists: checklistPlan.changed }
    await tx.contentImport.create({ data: { summary: JSON.stringify(summary) } })
    if (extras.sources) await writeSourceVersions(tx, extras.sources.files, extras.sources)
    await extras.within?.(tx, result)
  }, IMPORT_TRANSACTION)
  return result
}

export async function importContent(db: PrismaClient, root = 'content', language: ProblemLanguage = 'zh-CN'): Promise<ImportResult> {
  const tree = readContentTree(root)
  const { problems, content } = checkTree(tree, language)
  if (problems.length) return { ok: false, problems }
  // the files as imported become the tree the studio edits (a file tree is whole: what it lacks was deleted)
  return { ok: true, summary: await importCheckedContent(db, content, { sources: { files: sourcesOfTree(tree), authorId: null, complete: true } }) }
}
