// The studio's item editor against a real database: an item edited through its form becomes the draft and, once
// published, a new quiz version; an invalid item is refused with errors at its fields and nothing saved; a stale
// page gets a conflict; the preview carries no key and is scored on the server; only authors get in.
import { importContent } from '~/server/content/import.server'
import { loadSessionUser, type SessionUser } from '~/server/people.server'
import { seedDemo } from '~/server/seed/demo.server'
import { draftOf } from '~/server/studio/drafts.server'
import { itemPreview, scoreItemPreview } from '~/server/studio/item-preview.server'
import { publishDraft } from '~/server/studio/publish.server'
import { openQuizItems, quizItemAction } from '~/server/studio/quiz-item-pages.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'

const ROOT = 'tests/fixtures/content/good'
const PATH = 'quizzes/demo-quiz.yaml'
let db: PrismaClient
let trainer: SessionUser
let clerk: SessionUser

const userNamed = async (username: string) => (await loadSessionUser((await db.user.findUniqueOrThrow({ where: { username } })).id))!

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now: new Date() })
  process.env.CONTENT_DIR = ROOT
  expect((await importContent(db, ROOT)).ok).toBe(true)
  trainer = await userNamed('trainer01')
  clerk = await userNamed('clerk01')
}, 120_000)
afterAll(() => db.$disconnect())

/** The form the item editor posts for demo-quiz's q1, with `change` over its fields. */
function q1Form(revision: number, change: Record<string, string> = {}) {
  const fields: Record<string, string> = {
    intent: 'save-item', path: PATH, revision: String(revision), baseNumber: '1', index: '0', kind: 'single',
    'item.id': 'q1', 'item.type': 'single', 'item.module': 'intro', 'item.points': '1', 'item.prompt': '工牌丢了，应当怎么办？',
    'item.options[0].id': 'a', 'item.options[0].text': '不戴也行，客户问起工号时口头告诉他，等下班以后再说', 'item.options[0].feedback': '挂牌上岗是硬性要求。',
    'item.options[1].id': 'b', 'item.options[1].text': '报告值班经理补办后上岗', 'item.options[1].correct': 'on', 'item.options[1].feedback': '先补办再上岗。',
    ...change,
  }
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.set(name, value)
  return form
}

it('an invalid item is refused with errors at its fields, and no draft is written', async () => {
  const result = await quizItemAction(trainer, q1Form(0, { 'item.options[1].text': '', 'item.points': '0' }), new Date())
  expect(result.ok).toBe(false)
  expect(result.ok === false && 'fieldErrors' in result ? Object.keys(result.fieldErrors).sort() : []).toEqual(['item.options[1].text', 'item.points'])
  expect(await draftOf(db, PATH)).toBeNull()
})

it('an id another item has is refused beside the id field', async () => {
  const result = await quizItemAction(trainer, q1Form(0, { 'item.id': 'q2' }), new Date())
  expect(result.ok === false && 'fieldErrors' in result ? result.fieldErrors['item.id'] : null).toEqual(['id「q2」重复'])
})

it('an item edited through its form becomes the draft, and publishing it makes a new quiz version', async () => {
  const before = await db.quizVersion.count({ where: { quizId: 'demo-quiz' } })
  const saved = await quizItemAction(trainer, q1Form(0), new Date())
  expect(saved).toMatchObject({ ok: true, revision: 1, index: 0 })
  const draft = (await draftOf(db, PATH))!
  expect(draft.text).toContain('工牌丢了，应当怎么办？')
  expect(draft.text).toContain('id: demo-quiz') // the rest of the file is kept
  const page = await openQuizItems(trainer, PATH, 0)
  expect(page.items.map((item) => item.id)).toEqual(['q1', 'q2'])
  expect(page.selected?.item.prompt).toBe('工牌丢了，应当怎么办？')

  const published = await publishDraft(db, { path: PATH, revision: 1, actorId: trainer.id, now: new Date() })
  expect(published.ok).toBe(true)
  expect(await db.quizVersion.count({ where: { quizId: 'demo-quiz' } })).toBe(before + 1)
  const quiz = await db.quiz.findUniqueOrThrow({ where: { id: 'demo-quiz' }, select: { currentVersion: { select: { definition: true } } } })
  expect(quiz.currentVersion?.definition).toContain('工牌丢了，应当怎么办？')
})

it('a page that saw an older revision gets a conflict with the winner’s text and a diff', async () => {
  const first = await quizItemAction(trainer, q1Form(0, { 'item.prompt': '第一位内训师的题干' }), new Date())
  expect(first).toMatchObject({ ok: true, revision: 1 })
  const stale = await quizItemAction(trainer, q1Form(0, { 'item.prompt': '第二位内训师的题干' }), new Date())
  expect(stale.ok).toBe(false)
  if (stale.ok || !('conflict' in stale)) throw new Error('expected a conflict')
  expect(stale.conflict.text).toContain('第一位内训师的题干')
  expect(stale.conflict.diff.some((line) => line.kind === 'added' && line.text.includes('第二位内训师的题干'))).toBe(true)
})

it('adds, moves and deletes items in the draft', async () => {
  const draft = (await draftOf(db, PATH))!
  const base = { path: PATH, baseNumber: '2' }
  const post = (fields: Record<string, string>) => {
    const form = new FormData()
    for (const [name, value] of Object.entries({ ...base, ...fields })) form.set(name, value)
    return quizItemAction(trainer, form, new Date())
  }
  expect(await post({ intent: 'add-item', kind: 'ordering', revision: String(draft.revision) })).toMatchObject({ ok: true, index: 2 })
  expect(await post({ intent: 'move-item', index: '2', to: '0', revision: String(draft.revision + 1) })).toMatchObject({ ok: true, index: 0 })
  expect((await openQuizItems(trainer, PATH, undefined)).items.map((item) => item.id)).toEqual(['ordering-1', 'q1', 'q2'])
  expect(await post({ intent: 'delete-item', index: '0', revision: String(draft.revision + 2) })).toMatchObject({ ok: true })
  expect((await openQuizItems(trainer, PATH, undefined)).items.map((item) => item.id)).toEqual(['q1', 'q2'])
})

it('the preview carries no key before answering, and the server scores the answer', async () => {
  const preview = await itemPreview(trainer, PATH, 0)
  if (!preview.playable || preview.view.type !== 'single') throw new Error('expected a playable single choice')
  const json = JSON.stringify(preview)
  for (const secret of ['correct', 'feedback', 'points', '先补办再上岗']) expect(json).not.toContain(secret)
  const [wrong, right] = preview.view.options
  const answer = (id: string) => {
    const form = new FormData()
    form.set('a.q1', id)
    return scoreItemPreview(trainer, PATH, 0, form)
  }
  expect(await answer(right.id)).toMatchObject({ ok: true, result: { correct: true, points: 1, maxPoints: 1, feedback: ['先补办再上岗。'] } })
  expect(await answer(wrong.id)).toMatchObject({ ok: true, result: { correct: false, points: 0 } })
  expect(await answer('made-up')).toMatchObject({ ok: false })
  expect(await itemPreview(trainer, PATH, 1)).toEqual({ playable: false, reason: 'dialogue', scenario: 'demo-talk' })
})

it('shows plainly that the published quiz has too few attempts for a verdict', async () => {
  const page = await openQuizItems(trainer, PATH, 0)
  expect(page.verdicts?.analysed).toBeLessThan(5)
})

it('refuses a clerk, and a path that is no quiz', async () => {
  const status = (promise: Promise<unknown>) => promise.then(() => 200, (error: unknown) => (error instanceof Response ? error.status : 500))
  expect(await status(openQuizItems(clerk, PATH, 0))).toBe(403)
  expect(await status(quizItemAction(clerk, q1Form(0), new Date()))).toBe(403)
  expect(await status(itemPreview(clerk, PATH, 0))).toBe(403)
  expect(await status(openQuizItems(trainer, 'courses/demo/intro.mdx', 0))).toBe(404)
  expect(await status(openQuizItems(trainer, PATH, 99))).toBe(404)
})
