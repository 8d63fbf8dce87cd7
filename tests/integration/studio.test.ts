// The studio's drafts and publish against a real SQLite file: draft → publish → a new version through the
// importer (with the "updated since you read it" notice for a clerk who read the old one), a failing draft refused,
// 50 parallel saves on one revision with exactly one winner, and the audit entry.
import { importContent } from '~/server/content/import.server'
import { loadModuleForLearner, markModuleRead } from '~/server/courses.server'
import { loadSessionUser } from '~/server/people.server'
import { seedDemo } from '~/server/seed/demo.server'
import { checkDraft } from '~/server/studio/draft-check.server'
import { draftOf, saveDraft } from '~/server/studio/drafts.server'
import { publishDraft } from '~/server/studio/publish.server'
import { publishedSources } from '~/server/studio/draft-check.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'

const ROOT = 'tests/fixtures/content/good'
const PATH = 'courses/demo/intro.mdx'
let db: PrismaClient
let trainerId: string
let otherTrainerId: string

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now: new Date() })
  process.env.CONTENT_DIR = ROOT // the studio's root: where phrases/ is read, what problems are printed under
  expect((await importContent(db, ROOT)).ok).toBe(true)
  trainerId = (await db.user.findUniqueOrThrow({ where: { username: 'trainer01' } })).id
  otherTrainerId = (await db.user.findUniqueOrThrow({ where: { username: 'trainer02' } })).id
}, 120_000)
afterAll(() => db.$disconnect())

const publishedText = async (path: string) => (await publishedSources(db)).find((f) => f.path === path)!

it('stores every imported file as its first source version', async () => {
  const files = await publishedSources(db)
  expect(files.map((f) => f.path).sort()).toEqual([
    'courses/demo/course.yaml',
    'courses/demo/intro.mdx',
    'courses/demo/second.mdx',
    'quizzes/demo-quiz.yaml',
    'scenarios/demo-talk.yaml',
  ])
  expect(files.every((f) => f.number === 1)).toBe(true)
})

it('publishes a draft as a new module version; a clerk who read the old one is told it was updated', async () => {
  const clerk = (await loadSessionUser((await db.user.findUniqueOrThrow({ where: { username: 'clerk01' } })).id))!
  const now = new Date()
  const before = await loadModuleForLearner(clerk, 'demo', 'intro', now)
  await markModuleRead(clerk, 'demo', 'intro', before.module.id, now)

  const published = await publishedText(PATH)
  const text = published.text!.replace('营业员应当挂牌上岗。', '营业员应当挂牌上岗，工牌戴在左胸。')
  const saved = await saveDraft(db, { path: PATH, text, revision: 0, baseNumber: published.number, userId: trainerId, now })
  expect(saved).toEqual({ ok: true, revision: 1 })

  const result = await publishDraft(db, { path: PATH, revision: 1, actorId: trainerId, now })
  expect(result.ok && result.summary).toMatchObject({ coursesChanged: ['demo'], modulesCreated: 1 })
  const after = await loadModuleForLearner(clerk, 'demo', 'intro', now)
  expect(after.module.number).toBe(before.module.number + 1)
  expect(after.module.html).toContain('工牌戴在左胸')
  expect(after.updatedSinceRead).toBe(true)
  expect(await draftOf(db, PATH)).toBeNull()
  expect((await publishedText(PATH)).number).toBe(2)
  const audit = await db.auditEntry.findFirstOrThrow({ where: { action: 'content.published' }, orderBy: { id: 'desc' } })
  expect(audit.actorId).toBe(trainerId)
  expect(JSON.parse(audit.detail)).toMatchObject({ path: PATH, courses: 'demo', modules: 1 })
})

it('shows a problem at its line and refuses to publish a draft that fails the check; nothing is stored', async () => {
  const published = await publishedText(PATH)
  const lines = published.text!.split('\n')
  const at = lines.findIndex((l) => l.startsWith('<Script'))
  lines[at] = '<Script bad="不知道。"/>'
  const text = lines.join('\n')
  const problems = await checkDraft(db, PATH, text)
  expect(problems).toEqual([expect.objectContaining({ file: `${ROOT}/${PATH}`, line: at + 1, code: 'attribute-missing' })])

  const now = new Date()
  const saved = await saveDraft(db, { path: PATH, text, revision: 0, baseNumber: published.number, userId: trainerId, now })
  expect(saved.ok).toBe(true)
  const versions = await db.moduleVersion.count()
  const result = await publishDraft(db, { path: PATH, revision: 1, actorId: trainerId, now })
  expect(result).toMatchObject({ ok: false, reason: 'problems' })
  expect(await db.moduleVersion.count()).toBe(versions)
  expect((await draftOf(db, PATH))?.revision).toBe(1) // the draft stays, to be fixed
  await db.studioDraft.deleteMany({ where: { path: PATH } })
})

it('50 parallel saves on the same revision: exactly one wins, the others see a conflict with the winning text', async () => {
  const path = 'courses/demo/second.mdx'
  const base = await publishedText(path)
  const now = new Date()
  await saveDraft(db, { path, text: base.text!, revision: 0, baseNumber: base.number, userId: trainerId, now })
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      saveDraft(db, { path, text: `${base.text!}\n第 ${i} 次修改。\n`, revision: 1, baseNumber: base.number, userId: i % 2 ? trainerId : otherTrainerId, now }),
    ),
  )
  const winners = results.filter((r) => r.ok)
  expect(winners).toEqual([{ ok: true, revision: 2 }])
  const draft = (await draftOf(db, path))!
  expect(draft.revision).toBe(2)
  for (const r of results) if (!r.ok && 'conflict' in r) expect(r.conflict.text).toBe(draft.text)
  expect(results.filter((r) => !r.ok && 'conflict' in r)).toHaveLength(49)
})

it('50 parallel first saves of a new draft: one creates it, 49 conflict', async () => {
  const path = 'courses/demo/intro.mdx'
  const now = new Date()
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, i) => saveDraft(db, { path, text: `草稿 ${i}`, revision: 0, baseNumber: 2, userId: trainerId, now })),
  )
  expect(results.filter((r) => r.ok)).toHaveLength(1)
  await db.studioDraft.deleteMany({ where: { path } })
})

it('a publish of a revision someone has saved over publishes nothing', async () => {
  const path = 'courses/demo/second.mdx'
  const result = await publishDraft(db, { path, revision: 1, actorId: trainerId, now: new Date() })
  expect(result).toEqual({ ok: false, reason: 'conflict' })
})

it('refuses a huge paste and binary text without storing them', async () => {
  const now = new Date()
  const huge = await saveDraft(db, { path: 'courses/demo/course.yaml', text: '啊'.repeat(60_000), revision: 0, baseNumber: 1, userId: trainerId, now })
  expect(huge).toMatchObject({ ok: false, refused: { code: 'too-long' } })
  const binary = await saveDraft(db, { path: 'courses/demo/course.yaml', text: 'PK\u0003\u0004\u0000', revision: 0, baseNumber: 1, userId: trainerId, now })
  expect(binary).toEqual({ ok: false, refused: { code: 'binary' } })
  expect(await draftOf(db, 'courses/demo/course.yaml')).toBeNull()
})

it('round trip: export the published tree (with a studio publish in it), re-import it, and no version is created', async () => {
  const { mkdtempSync } = await import('node:fs')
  const os = await import('node:os')
  const { exportPublishedTree } = await import('~/server/studio/export.server')
  const dir = mkdtempSync(`${os.tmpdir()}/ssa-export-`)
  const { files } = await exportPublishedTree(db, dir)
  expect(files).toBe(5)
  const count = async () => ({
    modules: await db.moduleVersion.count(),
    courses: await db.courseVersion.count(),
    quizzes: await db.quizVersion.count(),
    sources: await db.contentSourceVersion.count(),
  })
  const before = await count()
  const again = await importContent(db, dir)
  expect(again.ok && again.summary).toMatchObject({ coursesChanged: [], modulesCreated: 0, quizzesChanged: [] })
  expect(await count()).toEqual(before)
  const { readFileSync } = await import('node:fs')
  expect(readFileSync(`${dir}/${PATH}`, 'utf8')).toContain('工牌戴在左胸') // the studio's version, not the fixture's
})

it('the bank seam: items added to a quiz become a quiz draft that passes the same check', async () => {
  const { addItemsToQuizDraft } = await import('~/server/studio/drafts.server')
  const path = 'quizzes/demo-quiz.yaml'
  const item = {
    id: 'q1', // clashes with the quiz's own q1: added as q1-2
    type: 'single',
    module: 'intro',
    points: 1,
    prompt: '客户要投诉时，第一句话应该怎么说？',
    options: [
      { id: 'a', text: '您先别急，我来帮您记录', correct: true, feedback: '先接住情绪。' },
      { id: 'b', text: '这不归我管，您去找别的窗口或者直接打客服热线吧', feedback: '这是服务禁语。' },
    ],
  }
  const saved = await addItemsToQuizDraft(db, { path, items: [item], userId: trainerId, now: new Date() })
  expect(saved).toEqual({ ok: true, revision: 1 })
  const draft = (await draftOf(db, path))!
  expect(draft.text).toContain('id: q1-2')
  expect(await checkDraft(db, path, draft.text)).toEqual([])
  await db.studioDraft.deleteMany({ where: { path } })
})
