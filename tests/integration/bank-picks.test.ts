// Picking bank items into a quiz draft from /trainer/banks/<id>, as a browser posts it: the draft holds the items
// and passes the studio's check; clerks and managers are refused; an item of another bank, an unknown item, a quiz
// outside the trainer's course limits are refused beside the field; a repeated or parallel pick appends once.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { action as bankAction, loader as bankLoader } from '~/routes/trainer.banks.$bank'
import { importContent } from '~/server/content/import.server'
import { importQuestionBank } from '~/server/question-banks.server'
import { seedDemo } from '~/server/seed/demo.server'
import { checkDraft, publishedSources } from '~/server/studio/draft-check.server'
import { draftOf } from '~/server/studio/drafts.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'
import { cookieFor, outcome, requestAs } from '../session'

const ROOT = 'tests/fixtures/content/good'
const QUIZ = 'quizzes/demo-quiz.yaml'
let db: PrismaClient
const cookies: Record<string, string> = {}
let bankId: string
let itemIds: string[]
let foreignItemId: string

async function importBank(name: string, userId: string) {
  const bytes = Uint8Array.from(readFileSync(path.resolve('tests/fixtures/banks', name)))
  const imported = await importQuestionBank({ fileName: name, bytes }, { importedById: userId, now: new Date(), dryRun: false, skipRefused: false }, db)
  if (imported.status !== 'created') throw new Error(`fixture ${name}: ${imported.status}`)
  return imported.bankId
}

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now: new Date() })
  process.env.CONTENT_DIR = ROOT
  expect((await importContent(db, ROOT)).ok).toBe(true)
  for (const u of ['clerk01', 'hall01mgr', 'trainer01', 'trainer02', 'admin']) cookies[u] = await cookieFor(db, u)
  const trainer = await db.user.findUniqueOrThrow({ where: { username: 'trainer01' } })
  // matching items: single-choice ones would tip the fixture quiz (one single item) over the 40 % "key longest" rule
  bankId = await importBank('gift-matching.gift', trainer.id)
  itemIds = (await db.bankItem.findMany({ where: { bankId }, orderBy: { position: 'asc' }, select: { id: true } })).map((r) => r.id)
  const other = await importBank('gift-names.gift', trainer.id)
  foreignItemId = (await db.bankItem.findFirstOrThrow({ where: { bankId: other } })).id
  // trainer02 may author only another course: demo-quiz is not theirs
  const limited = await db.user.findUniqueOrThrow({ where: { username: 'trainer02' } })
  await db.studioCourseLimit.create({ data: { userId: limited.id, courseId: 'no-such-course' } })
}, 120_000)
afterAll(() => db.$disconnect())
afterEach(() => db.studioDraft.deleteMany({ where: { path: QUIZ } }))

function pick(who: string, fields: { quiz?: string; items?: string[] }, bank = bankId) {
  const form = new FormData()
  if (fields.quiz !== undefined) form.set('quiz', fields.quiz)
  for (const id of fields.items ?? []) form.append('items', id)
  return outcome(() => bankAction({ request: requestAs(cookies[who], `/trainer/banks/${bank}`, { method: 'POST', body: form }), params: { bank }, context: {} }))
}
const draftItemIds = async () => {
  const draft = await draftOf(db, QUIZ)
  return draft ? (parse(draft.text) as { items: Array<{ id: string }> }).items.map((i) => i.id) : null
}
const fieldErrors = async (response: Response) => (await response.json()).result.error as Record<string, string[]>

describe('picking bank items into a quiz draft', () => {
  it('offers the quizzes the trainer may author', async () => {
    const page = await outcome(() => bankLoader({ request: requestAs(cookies.trainer01, `/trainer/banks/${bankId}`), params: { bank: bankId }, context: {} }))
    expect((await page.json()).quizzes.map((q: { path: string }) => q.path)).toEqual([QUIZ])
    const limited = await outcome(() => bankLoader({ request: requestAs(cookies.trainer02, `/trainer/banks/${bankId}`), params: { bank: bankId }, context: {} }))
    expect((await limited.json()).quizzes).toEqual([])
  })

  it('a trainer adds two items: the draft holds them, passes the check, and the editor opens on it', async () => {
    const published = (await publishedSources(db)).find((f) => f.path === QUIZ)!
    const before = (parse(published.text!) as { items: unknown[] }).items
    const response = await pick('trainer01', { quiz: QUIZ, items: [itemIds[0], itemIds[1]] })
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe(`/trainer/studio/edit?path=${QUIZ}`)
    const draft = (await draftOf(db, QUIZ))!
    const items = (parse(draft.text) as { items: Array<{ id: string; type: string }> }).items
    expect(items).toHaveLength(before.length + 2)
    expect(items.slice(-2).map((i) => i.type)).toEqual(['matching', 'matching'])
    expect(await checkDraft(db, QUIZ, draft.text)).toEqual([])
  })

  it('a second submit of the same pick appends nothing; 50 parallel picks append once', async () => {
    await pick('trainer01', { quiz: QUIZ, items: [itemIds[1]] })
    const once = (await draftItemIds())!
    expect((await pick('trainer01', { quiz: QUIZ, items: [itemIds[1]] })).status).toBe(302)
    expect(await draftItemIds()).toEqual(once)
    await db.studioDraft.deleteMany({ where: { path: QUIZ } })
    const responses = await Promise.all(Array.from({ length: 50 }, () => pick('admin', { quiz: QUIZ, items: [itemIds[0], itemIds[1]] })))
    expect(responses.filter((r) => r.status === 302).length).toBeGreaterThan(0)
    // a pick that kept losing the revision race is told to try again; none appends a second time
    for (const r of responses.filter((r) => r.status !== 302)) expect(await fieldErrors(r)).toEqual({ quiz: ['banks.pick.busy'] })
    expect((await draftItemIds())!.length).toBe(once.length + 1)
  })

  it.each(['clerk01', 'hall01mgr'])('%s is refused and nothing is written', async (who) => {
    expect((await pick(who, { quiz: QUIZ, items: [itemIds[0]] })).status).toBe(403)
    expect(await draftOf(db, QUIZ)).toBeNull()
  })

  it.each([
    ['no item ticked', { quiz: QUIZ, items: [] }, 'items', 'banks.pick.noItems'],
    ['no quiz chosen', { items: ['x'] }, 'quiz', 'banks.pick.quizRequired'],
    ['an item of another bank', { quiz: QUIZ, items: ['FOREIGN'] }, 'items', 'banks.pick.foreignItem'],
    ['an unknown item id', { quiz: QUIZ, items: ['no-such-item'] }, 'items', 'banks.pick.foreignItem'],
    ['an unknown quiz', { quiz: 'quizzes/no-such-quiz.yaml', items: ['FIRST'] }, 'quiz', 'banks.pick.unknownQuiz'],
    ['a path that is no quiz', { quiz: 'courses/demo/intro.mdx', items: ['FIRST'] }, 'quiz', 'banks.pick.unknownQuiz'],
  ])('%s is refused beside the field', async (_, fields, field, error) => {
    const items = fields.items.map((id) => (id === 'FOREIGN' ? foreignItemId : id === 'FIRST' ? itemIds[0] : id))
    const response = await pick('trainer01', { ...fields, items })
    expect(response.status).toBe(400)
    expect((await fieldErrors(response))[field]).toEqual([error])
    expect(await draftOf(db, QUIZ)).toBeNull()
  })

  it('a trainer limited to other courses cannot add to this quiz', async () => {
    const response = await pick('trainer02', { quiz: QUIZ, items: [itemIds[0]] })
    expect(response.status).toBe(400)
    expect((await fieldErrors(response)).quiz).toEqual(['banks.pick.unknownQuiz'])
    expect(await draftOf(db, QUIZ)).toBeNull()
  })

  it('an unknown bank is 404', async () => {
    expect((await pick('trainer01', { quiz: QUIZ, items: [itemIds[0]] }, 'no-such-bank')).status).toBe(404)
  })
})
