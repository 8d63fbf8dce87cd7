// The mentoring forms through their routes, as a browser would post them: refusals (someone else's mentee,
// the mentee signing, ids swapped in the form, a note over the limit, a start date that is not a date, a
// manager outside their hall) are 403/400 with the error beside the field and the typed text kept.
import type { ActionFunctionArgs } from '@remix-run/node'
import { action as mentorHomeAction, loader as mentorHomeLoader } from '~/routes/mentor._index'
import { action as pairingAction, loader as pairingLoader } from '~/routes/mentor.$pairing'
import { action as checklistAction } from '~/routes/learn.checklist'
import { loader as personLoader } from '~/routes/people.$username'
import { action as manageAction } from '~/routes/manage.pairings'
import { action as trainerAction, loader as trainerLoader } from '~/routes/trainer.pairings'
import { importContent } from '~/server/content/import.server'
import { seedDemo } from '~/server/seed/demo.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'
import { cookieFor, outcome, requestAs } from '../session'

let db: PrismaClient
const cookies: Record<string, string> = {}
const PAIRING = 'demo-clerk18' // clerk18 with mentor01, items waiting for sign-off (seeded)
const OTHER = 'demo-clerk42' // clerk42 with mentor02

function post(who: string, url: string, fields: Record<string, string>) {
  return requestAs(cookies[who], url, { method: 'POST', body: new URLSearchParams(fields) })
}
type RouteFunction = (args: ActionFunctionArgs) => Promise<unknown>
const run = (fn: RouteFunction, request: Request, params: Record<string, string> = {}) => outcome(() => fn({ request, context: {}, params }))

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now: new Date() })
  expect((await importContent(db, 'content')).ok).toBe(true)
  for (const u of ['mentor01', 'mentor02', 'clerk18', 'hall01mgr', 'hall02mgr', 'trainer01']) cookies[u] = await cookieFor(db, u)
})
afterAll(() => db.$disconnect())

const sign = (itemId: string, pairingId = PAIRING, note = '观察合格') => ({ formId: `sign-${itemId}`, intent: 'sign', pairingId, itemId, note })

it('a mentor signing for someone else\'s mentee is answered as for an unknown pairing (404), nothing recorded', async () => {
  const response = await run(pairingAction, post('mentor02', `/mentor/${PAIRING}`, sign('patient-explanation')), { pairing: PAIRING })
  expect(response.status).toBe(404)
  const fromHome = await run(mentorHomeAction, post('mentor02', '/mentor', sign('patient-explanation')))
  expect(fromHome.status).toBe(404)
  expect(await db.pairingEvent.count({ where: { chainId: PAIRING, itemId: 'patient-explanation', kind: 'signed' } })).toBe(0)
})

it('the mentee signing their own item is refused (403)', async () => {
  expect((await run(pairingAction, post('clerk18', `/mentor/${PAIRING}`, sign('patient-explanation')), { pairing: PAIRING })).status).toBe(403)
})

it('ids swapped in the form: another pairing than the page is refused (400); an unknown item stands beside the form', async () => {
  expect((await run(pairingAction, post('mentor01', `/mentor/${PAIRING}`, sign('patient-explanation', OTHER)), { pairing: PAIRING })).status).toBe(400)
  const unknown = await run(pairingAction, post('mentor01', `/mentor/${PAIRING}`, sign('no-such-item')), { pairing: PAIRING })
  expect(unknown.status).toBe(400)
  expect(JSON.stringify(await unknown.json())).toContain('mentoring.errors.unknownItem')
})

it('a note over the limit: a clear message beside the note, the text kept', async () => {
  const long = '很'.repeat(501)
  const response = await run(pairingAction, post('mentor01', `/mentor/${PAIRING}`, sign('patient-explanation', PAIRING, long)), { pairing: PAIRING })
  expect(response.status).toBe(400)
  const body = (await response.json()) as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }
  expect(body.result.error.note).toEqual(['mentoring.errors.noteTooLong'])
  expect(body.result.initialValue.note).toBe(long)
})

it('the paired mentor signs from /mentor; a double tap answers the same and records one sign-off', async () => {
  for (let i = 0; i < 2; i++) {
    const response = await run(mentorHomeAction, post('mentor01', '/mentor', sign('patient-explanation')))
    expect(response.status).toBe(200)
  }
  expect(await db.pairingEvent.count({ where: { chainId: PAIRING, itemId: 'patient-explanation', kind: 'signed' } })).toBe(1)
  const home = await run(mentorHomeLoader, requestAs(cookies.mentor01, '/mentor'))
  const data = (await home.json()) as { waiting: Array<{ itemId: string }> }
  expect(data.waiting.map((w) => w.itemId)).not.toContain('patient-explanation')
})

it('the mentee cannot mark an item of another pairing (answered as unknown, 404)', async () => {
  const response = await run(checklistAction, post('clerk18', '/learn/checklist', { formId: 'm', intent: 'practised', pairingId: OTHER, itemId: 'ask-needs', note: '' }))
  expect(response.status).toBe(404)
})

it('pairing pages: a clerk of the hall or another hall\'s manager cannot tell one exists (404); the hall\'s manager opens it', async () => {
  expect((await run(pairingLoader, requestAs(cookies.mentor02, `/mentor/${PAIRING}`), { pairing: PAIRING })).status).toBe(404)
  expect((await run(pairingLoader, requestAs(cookies.hall01mgr, `/mentor/${PAIRING}`), { pairing: PAIRING })).status).toBe(404)
  expect((await run(pairingLoader, requestAs(cookies.hall02mgr, `/mentor/${PAIRING}`), { pairing: PAIRING })).status).toBe(200)
})

describe('pairing management', () => {
  const create = (over: Record<string, string>) => ({ formId: 'create', intent: 'create', mentee: 'clerk54', mentor: 'mentor06', templateId: 'counter-clerk', startDay: '2026-12-01', sameBranchReason: '', requestKey: crypto.randomUUID(), ...over })

  it('a start date that is not a date is refused beside the field, the choices kept', async () => {
    const response = await run(trainerAction, post('trainer01', '/trainer/pairings', create({ startDay: '2026-02-30' })))
    expect(response.status).toBe(400)
    const body = (await response.json()) as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }
    expect(body.result.error.startDay).toEqual(['mentoring.errors.notADate'])
    expect(body.result.initialValue).toMatchObject({ mentee: 'clerk54', mentor: 'mentor06', templateId: 'counter-clerk' })
  })

  it('with star certification wired, a mentor who already has two mentees is refused beside the mentor field', async () => {
    const response = await run(trainerAction, post('trainer01', '/trainer/pairings', create({})))
    const body = (await response.json()) as { result: { error: Record<string, string[]> } }
    expect(body.result.error.mentor).toEqual(['mentoring.refusals.mentorFull'])
  })

  it('a hall manager pairing in another hall is refused (403)', async () => {
    expect((await run(manageAction, post('hall01mgr', '/manage/pairings', create({})))).status).toBe(403)
  })

  it('the list is filtered by status, with the reason for each flag', async () => {
    const response = await run(trainerLoader, requestAs(cookies.trainer01, '/trainer/pairings?status=stalled'))
    const data = (await response.json()) as { pairings: Array<{ pairing: { mentee: { username: string } }; flags: Array<{ kind: string; days: number }> }>; counts: Record<string, number> }
    expect(data.pairings.map((p) => p.pairing.mentee.username)).toEqual(['clerk36'])
    expect(data.pairings[0].flags).toMatchObject([{ kind: 'stalled', days: 20 }])
    expect(data.counts).toMatchObject({ checkin_overdue: 1, stalled: 1, completed: 6, ended: 1 }) // 5 completed long ago: the stars demo's checklist sign-offs
    expect((await run(trainerLoader, requestAs(cookies.trainer01, '/trainer/pairings?status=nonsense'))).status).toBe(400)
  })
})

it('a mentor may read the record of the new hire they mentor now, not of another mentor\'s', async () => {
  expect((await run(personLoader, requestAs(cookies.mentor01, '/people/clerk18'), { username: 'clerk18' })).status).toBe(200)
  expect((await run(personLoader, requestAs(cookies.mentor01, '/people/clerk42'), { username: 'clerk42' })).status).toBe(404) // out of scope reads as unknown (issue 13, finding 9)
})

it('checklist links name where they go: every linked module with its course, every linked quiz, in both languages', async () => {
  type Links = { modules: Record<string, { course: { zh: string; en: string }; module: { zh: string; en: string } }>; quizzes: Record<string, { zh: string; en: string }> }
  type Page = { state: { items: Array<{ module?: string; quiz?: string }> }; links: Links }
  const page = (await (await run(pairingLoader, requestAs(cookies.mentor01, `/mentor/${PAIRING}`), { pairing: PAIRING })).json()) as Page
  const modules = [...new Set(page.state.items.flatMap((i) => (i.module ? [i.module] : [])))]
  const quizzes = [...new Set(page.state.items.flatMap((i) => (i.quiz ? [i.quiz] : [])))]
  expect(modules).toContain('etiquette/appearance')
  expect(quizzes).toContain('etiquette-quiz')
  const appearance = await db.moduleVersion.findFirstOrThrow({ where: { slug: 'appearance', courseId: 'etiquette' }, orderBy: { number: 'desc' }, select: { titleZh: true, titleEn: true } })
  for (const path of modules) {
    expect(page.links.modules[path]?.module.zh, path).toBeTruthy()
    expect(page.links.modules[path]?.course.en, path).toBeTruthy()
  }
  expect(page.links.modules['etiquette/appearance'].course.zh).toBe('服务礼仪')
  expect(page.links.modules['etiquette/appearance'].module).toEqual({ zh: appearance.titleZh, en: appearance.titleEn })
  for (const id of quizzes) expect(page.links.quizzes[id]?.zh, id).toBeTruthy()
  expect(page.links.quizzes['etiquette-quiz'].zh).not.toBe('etiquette-quiz')
})
