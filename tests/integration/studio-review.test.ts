// Studio review, pictures and course limits on a real database: a picture upload refused for each bad file with
// nothing stored, a good one previewed and published with its module (and exported); second-trainer review —
// the author cannot approve, changes go back with a comment, 50 parallel approvals publish once; a trainer
// limited to other courses is refused every door; every decision is in the audit log.
import { importContent } from '~/server/content/import.server'
import { loadSessionUser, type SessionUser } from '~/server/people.server'
import { seedDemo } from '~/server/seed/demo.server'
import { previewModule, publishedSources } from '~/server/studio/draft-check.server'
import { setCourseLimits } from '~/server/studio/course-limits.server'
import { saveDraft } from '~/server/studio/drafts.server'
import { saveImageDraft } from '~/server/studio/images.server'
import { publishDraft } from '~/server/studio/publish.server'
import { approveReview, requestChanges, requestReview } from '~/server/studio/reviews.server'
import { studioEditAction } from '~/server/studio/studio-actions.server'
import { studioReviewAction } from '~/server/studio/studio-review-actions.server'
import { openStudioFile } from '~/server/studio/studio-pages.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'

const ROOT = 'tests/fixtures/content/good'
const PATH = 'courses/demo/intro.mdx'
let db: PrismaClient
let author: SessionUser
let reviewer: SessionUser
let admin: SessionUser

const user = async (username: string) => (await loadSessionUser((await db.user.findUniqueOrThrow({ where: { username } })).id))!
const svg = (inside = '<rect width="10" height="10"/>') => new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20">${inside}</svg>`)
const published = async (path: string) => (await publishedSources(db)).find((f) => f.path === path)!

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now: new Date() })
  process.env.CONTENT_DIR = ROOT
  expect((await importContent(db, ROOT)).ok).toBe(true)
  author = await user('trainer01')
  reviewer = await user('trainer02')
  admin = await user('admin')
}, 120_000)
afterAll(() => db.$disconnect())

describe('pictures', () => {
  it.each([
    { case: 'a zip renamed .png', name: 'x.png', bytes: new Uint8Array([0x50, 0x4b, 3, 4, ...new Array(40).fill(1)]), code: 'not-png' },
    { case: 'an SVG carrying a script', name: 'x.svg', bytes: svg('<script>alert(1)</script>'), code: 'unsafe-svg' },
    { case: 'a picture over 60 KB', name: 'x.svg', bytes: svg(`<desc>${'啊'.repeat(30_000)}</desc>`), code: 'too-large' },
    { case: 'a name with a folder in it', name: '../x.svg', bytes: svg(), code: 'name' },
  ])('refuses $case and stores nothing', async (c) => {
    const result = await saveImageDraft(db, { courseId: 'demo', name: c.name, bytes: c.bytes, userId: author.id, now: new Date() })
    expect(result).toMatchObject({ ok: false, refused: { code: c.code } })
    expect(await db.studioDraft.count({ where: { path: { contains: '/images/' } } })).toBe(0)
  })

  it('previews an uploaded picture inline, publishes it with its module, serves and exports it', async () => {
    const now = new Date()
    expect(await saveImageDraft(db, { courseId: 'demo', name: 'counter.svg', bytes: svg(), userId: author.id, now })).toEqual({ ok: true, path: 'courses/demo/images/counter.svg', name: 'counter.svg' })
    const base = await published(PATH)
    const text = `${base.text}\n![营业厅柜台示意图](images/counter.svg)\n`
    const preview = await previewModule(db, PATH, text)
    expect(preview.problems).toEqual([])
    expect(preview.html!['zh-CN']).toContain('src="data:image/svg+xml;base64,')
    await saveDraft(db, { path: PATH, text, revision: 0, baseNumber: base.number, userId: author.id, now })
    const result = await publishDraft(db, { path: PATH, revision: 1, actorId: author.id, now })
    expect(result.ok).toBe(true)
    expect((await published('courses/demo/images/counter.svg')).bytes).toEqual(svg())
    expect(await db.studioDraft.count()).toBe(0)
    const module = await db.moduleVersion.findFirstOrThrow({ where: { slug: 'intro' }, orderBy: { number: 'desc' } })
    expect(module.htmlZh).toMatch(/src="\/media\/[0-9a-f]{64}\.svg"/) // served to clerks by /media/<hash>
    const { mkdtempSync, readFileSync } = await import('node:fs')
    const os = await import('node:os')
    const { exportPublishedTree } = await import('~/server/studio/export.server')
    const dir = mkdtempSync(`${os.tmpdir()}/ssa-export-`)
    await exportPublishedTree(db, dir)
    expect(new Uint8Array(readFileSync(`${dir}/courses/demo/images/counter.svg`))).toEqual(svg())
  })
})

describe('second-trainer review', () => {
  const draftOfIntro = async (sentence: string) => {
    const base = await published(PATH)
    const text = base.text!.replace('营业员应当挂牌上岗', `营业员应当挂牌上岗（${sentence}）`)
    const saved = await saveDraft(db, { path: PATH, text, revision: 0, baseNumber: base.number, userId: author.id, now: new Date() })
    if (!saved.ok) throw new Error('draft not saved')
    return saved.revision
  }

  it('with the setting on, publishing asks for review; the author cannot approve; changes go back with a comment', async () => {
    await db.studioSetting.create({ data: { id: 'studio', reviewRequired: true } })
    const revision = await draftOfIntro('复核一')
    const publish = new FormData()
    for (const [k, v] of Object.entries({ intent: 'publish', path: PATH, revision: String(revision) })) publish.set(k, v)
    expect(await studioEditAction(author, publish, new Date())).toEqual({ intent: 'publish', ok: false, reason: 'review-required' })
    publish.set('intent', 'request-review')
    expect(await studioEditAction(author, publish, new Date())).toEqual({ intent: 'request-review', ok: true })
    expect(await studioEditAction(author, publish, new Date())).toEqual({ intent: 'request-review', ok: true }) // twice: one request
    const review = await db.studioReview.findFirstOrThrow({ where: { path: PATH, status: 'open' } })
    expect(await db.studioReview.count({ where: { path: PATH } })).toBe(1)

    expect(await approveReview(db, { id: review.id, reviewerId: author.id, comment: '', now: new Date() })).toEqual({ ok: false, reason: 'own-request' })
    const noComment = new FormData()
    noComment.set('intent', 'changes')
    expect((await studioReviewAction(reviewer, review.id, noComment, new Date())).result).toEqual({ ok: false, reason: 'no-comment' })
    expect(await requestChanges(db, { id: review.id, reviewerId: reviewer.id, comment: '第二段请补充例句。', now: new Date() })).toEqual({ ok: true, published: null })
    expect(await db.studioReview.findUniqueOrThrow({ where: { id: review.id } })).toMatchObject({ status: 'changes', comment: '第二段请补充例句。', decidedById: reviewer.id })
    expect(await approveReview(db, { id: review.id, reviewerId: reviewer.id, comment: '', now: new Date() })).toEqual({ ok: false, reason: 'decided' })
    await db.studioDraft.deleteMany({})
  })

  it('50 approvals at once publish once; the rest are told it is decided', async () => {
    const revision = await draftOfIntro('复核二')
    const requested = await requestReview(db, { path: PATH, revision, userId: author.id, now: new Date() })
    if (!requested.ok) throw new Error('not requested')
    const before = { modules: await db.moduleVersion.count(), sources: await db.contentSourceVersion.count({ where: { path: PATH } }) }
    const reviewers = [reviewer.id, admin.id]
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => approveReview(db, { id: requested.id, reviewerId: reviewers[i % 2], comment: '可以发布。', now: new Date() })),
    )
    expect(results.filter((r) => !(!r.ok && r.reason === 'decided'))).toEqual([{ ok: true, published: expect.objectContaining({ ok: true }) }])
    expect(results.filter((r) => !r.ok && r.reason === 'decided')).toHaveLength(49)
    expect(await db.moduleVersion.count()).toBe(before.modules + 1)
    expect(await db.contentSourceVersion.count({ where: { path: PATH } })).toBe(before.sources + 1)
    expect(await db.studioReview.findUniqueOrThrow({ where: { id: requested.id } })).toMatchObject({ status: 'approved' })
    expect(await db.auditEntry.count({ where: { action: 'review.approved' } })).toBe(1)
    expect(await db.auditEntry.count({ where: { action: 'review.changes' } })).toBe(1)
  }, 120_000)

  it('a request whose draft changed afterwards is stale, not approvable', async () => {
    const revision = await draftOfIntro('复核三')
    const requested = await requestReview(db, { path: PATH, revision, userId: author.id, now: new Date() })
    if (!requested.ok) throw new Error('not requested')
    const draft = await db.studioDraft.findUniqueOrThrow({ where: { path: PATH } })
    await saveDraft(db, { path: PATH, text: `${draft.text}\n再改一句。\n`, revision, baseNumber: draft.baseNumber, userId: author.id, now: new Date() })
    expect(await approveReview(db, { id: requested.id, reviewerId: reviewer.id, comment: '', now: new Date() })).toEqual({ ok: false, reason: 'stale' })
    await db.studioDraft.deleteMany({})
    await db.studioSetting.deleteMany({})
  })
})

describe('course limits', () => {
  it('a trainer limited to another course cannot open, save, publish or approve this one', async () => {
    const refusedStatus = async (work: () => Promise<unknown>) => {
      try {
        await work()
        return 'allowed'
      } catch (error) {
        return error instanceof Response ? error.status : error
      }
    }
    const revision = (await saveDraft(db, { path: PATH, text: (await published(PATH)).text! + '\n限定测试。\n', revision: 0, baseNumber: 1, userId: author.id, now: new Date() }))
    const requested = await requestReview(db, { path: PATH, revision: revision.ok ? revision.revision : 0, userId: author.id, now: new Date() })
    expect(await setCourseLimits(db, admin, { trainerId: reviewer.id, courseIds: ['no-such-course'], now: new Date() })).toEqual({ ok: false, reason: 'unknown-course' })
    expect(await refusedStatus(() => setCourseLimits(db, reviewer, { trainerId: reviewer.id, courseIds: [], now: new Date() }))).toBe(403)
    await db.course.create({ data: { id: 'other-course' } }).catch(() => null)
    expect(await setCourseLimits(db, admin, { trainerId: reviewer.id, courseIds: ['other-course'], now: new Date() })).toEqual({ ok: true, courses: ['other-course'] })
    const form = (fields: Record<string, string>) => {
      const f = new FormData()
      for (const [k, v] of Object.entries(fields)) f.set(k, v)
      return f
    }
    expect(await refusedStatus(() => openStudioFile(reviewer, PATH, new Date()))).toBe(403)
    expect(await refusedStatus(() => studioEditAction(reviewer, form({ intent: 'save', path: PATH, text: 'x', revision: '0', baseNumber: '0' }), new Date()))).toBe(403)
    expect(await refusedStatus(() => studioEditAction(reviewer, form({ intent: 'publish', path: PATH, revision: '1' }), new Date()))).toBe(403)
    expect(requested.ok).toBe(true)
    if (requested.ok) expect(await refusedStatus(() => studioReviewAction(reviewer, requested.id, form({ intent: 'approve' }), new Date()))).toBe(403)
    expect(await db.auditEntry.findFirst({ where: { action: 'studio.limitsChanged', subjectId: reviewer.id } })).toMatchObject({ actorId: admin.id })
    // cleared: every course again
    await setCourseLimits(db, admin, { trainerId: reviewer.id, courseIds: [], now: new Date() })
    expect(await refusedStatus(() => openStudioFile(reviewer, PATH, new Date()))).toBe('allowed')
  })
})
