// Decision 0023: an id in an address or a form that the viewer may not see answers exactly as an unknown one does —
// same status, same status text, same body — so that nothing outside one's scope can be tried out. Unit codes
// (hall, branch, region) answer 403 (issue 17: "another hall gets 403"), records (person, assignment, certificate)
// 404 (issue 13, finding 9).
import { loader as hallLoader } from '~/routes/manage.halls.$code'
import { loader as peopleLoader } from '~/routes/manage.people'
import { loader as unitLoader } from '~/routes/manage.units.$code'
import { loader as exportLoader } from '~/routes/manage.export'
import { loader as personLoader } from '~/routes/people.$username'
import { action as accountAction, loader as accountLoader } from '~/routes/accounts.$username'
import { pairingPage } from '~/server/mentoring-pages.server'
import { attemptPage } from '~/server/quiz-attempts.server'
import { cancelAssignment, changeDueDay, createAssignment, type NewAssignment } from '~/server/assignments.server'
import { loadSessionUser, type SessionUser } from '~/server/people.server'
import { certificatePdfFor } from '~/server/stars/certificate-file.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { cookieFor, outcome, requestAs } from '../session'
import { useDemoDatabase } from '../database'

let db: PrismaClient
const cookies: Record<string, string> = {}
const users: Record<string, SessionUser> = {}
const now = new Date()
type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>
const call = (loader: unknown, user: string, url: string, params: Record<string, string> = {}) =>
  outcome(() => (loader as Loader)({ request: requestAs(cookies[user], url), params, context: {} }))
type Action = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>
const post = (action: unknown, user: string, url: string, form: Record<string, string>, params: Record<string, string>) =>
  outcome(() => (action as Action)({ request: requestAs(cookies[user], url, { method: 'POST', body: new URLSearchParams(form) }), params, context: {} }))
const seen = async (response: Response) => [response.status, response.statusText, await response.text()]

/** Both refusals, compared whole; `status` says which refusal it is. */
async function alike(status: number, outOfScope: () => Promise<unknown>, unknown: () => Promise<unknown>) {
  const [a, b] = [await seen(await outcome(outOfScope)), await seen(await outcome(unknown))]
  expect(a[0]).toBe(status)
  expect(a).toEqual(b)
}

beforeAll(async () => {
  ;({ db } = await useDemoDatabase(now))
  for (const u of ['clerk01', 'clerk02', 'hall01mgr', 'branch01mgr', 'region01mgr', 'admin']) {
    cookies[u] = await cookieFor(db, u)
    const { id } = await db.user.findUniqueOrThrow({ where: { username: u }, select: { id: true } })
    users[u] = (await loadSessionUser(id))!
  }
}, 120_000)
afterAll(() => db.$disconnect())

describe('unit codes: another hall, branch or region answers as an unknown code (403)', () => {
  it.each([
    { user: 'hall01mgr', other: 'H02' },
    { user: 'branch01mgr', other: 'H03' },
    { user: 'region01mgr', other: 'H05' },
  ])('$user: /manage/halls/$other as /manage/halls/H99', async ({ user, other }) => {
    await alike(403, () => call(hallLoader, user, `/manage/halls/${other}`, { code: other }), () => call(hallLoader, user, '/manage/halls/H99', { code: 'H99' }))
  })

  it('branches and regions by address, units by filter and by export parameter', async () => {
    await alike(403, () => call(unitLoader, 'branch01mgr', '/manage/units/B02', { code: 'B02' }), () => call(unitLoader, 'branch01mgr', '/manage/units/B99', { code: 'B99' }))
    await alike(403, () => call(unitLoader, 'region01mgr', '/manage/units/R02', { code: 'R02' }), () => call(unitLoader, 'region01mgr', '/manage/units/R99', { code: 'R99' }))
    await alike(403, () => call(peopleLoader, 'hall01mgr', '/manage/people?unit=H02'), () => call(peopleLoader, 'hall01mgr', '/manage/people?unit=H99'))
    await alike(403, () => call(exportLoader, 'hall01mgr', '/manage/export?unit=H02&table=people&format=csv'), () => call(exportLoader, 'hall01mgr', '/manage/export?unit=H99&table=people&format=csv'))
  })

  it('a unit of their own of another kind is no such page (404), not a refusal', async () => {
    expect((await call(hallLoader, 'branch01mgr', '/manage/halls/B01', { code: 'B01' })).status).toBe(404)
  })

  it('assigning to another unit answers as assigning to an unknown one', async () => {
    const input = (unitCode: string): NewAssignment => ({ unitCode, courseId: 'etiquette', dueDay: '2099-01-15', requestKey: `k-${unitCode}`, role: null, newHiresOnly: false })
    const assign = (unitCode: string) => () => createAssignment(users.hall01mgr.viewer, input(unitCode), now)
    await alike(403, assign('H02'), assign('H99'))
  })
})

describe('records: out of scope answers as unknown (404)', () => {
  it("another unit's assignment, to change or cancel", async () => {
    const made = await createAssignment(users.admin.viewer, { unitCode: 'H02', courseId: 'etiquette', dueDay: '2099-02-01', requestKey: 'scope-refusals-h02', role: null, newHiresOnly: false }, now)
    if (!made.ok) throw new Error(`assignment not made: ${made.error}`)
    await alike(404, () => changeDueDay(users.hall01mgr.viewer, made.id, '2099-03-01', now), () => changeDueDay(users.hall01mgr.viewer, 'no-such-id', '2099-03-01', now))
    await alike(404, () => cancelAssignment(users.hall01mgr.viewer, made.id, now), () => cancelAssignment(users.hall01mgr.viewer, 'no-such-id', now))
  })

  it("a person's record outside the manager's halls", async () => {
    await alike(404, () => call(personLoader, 'hall01mgr', '/people/clerk02', { username: 'clerk02' }), () => call(personLoader, 'hall01mgr', '/people/nobody', { username: 'nobody' }))
  })

  it("an account outside the manager's units, to open or to act on (issue 13: was 403 against 404)", async () => {
    const open = (username: string) => () => call(accountLoader, 'hall01mgr', `/accounts/${username}`, { username })
    await alike(404, open('clerk02'), open('nobody'))
    await alike(404, open('hall02mgr'), open('nobody')) // a manager of another hall, and of their own rank
    const forms: Record<string, string>[] = [{ intent: 'reset' }, { intent: 'unlock' }, { intent: 'deactivate' }, { intent: 'grant', role: 'mentor' }, { intent: 'move', hallCode: 'H01' }]
    for (const form of forms) {
      const act = (username: string) => () => post(accountAction, 'hall01mgr', `/accounts/${username}`, form, { username })
      await alike(404, act('clerk02'), act('nobody'))
    }
    expect(await db.user.findUniqueOrThrow({ where: { username: 'clerk02' }, select: { active: true, mustChangePassword: true } })).toEqual({ active: true, mustChangePassword: false })
  })

  it("another learner's quiz attempt", async () => {
    const theirs = await db.attempt.findFirstOrThrow({ where: { user: { username: 'clerk02' } }, select: { id: true, quizId: true } })
    await alike(404, () => attemptPage(users.clerk01, theirs.quizId, theirs.id, now), () => attemptPage(users.clerk01, theirs.quizId, 'no-such-attempt', now))
  })

  it("a pairing in another hall, whose body once said 'out of scope'", async () => {
    const pairing = await db.pairing.findFirstOrThrow({ where: { mentee: { hall: { code: { not: 'H01' } } } }, select: { id: true } })
    await alike(404, () => pairingPage(users.hall01mgr, pairing.id, now), () => pairingPage(users.hall01mgr, 'no-such-pairing', now))
  })

  it("someone else's certificate", async () => {
    const cert = await db.starCertificate.findFirstOrThrow({ where: { user: { username: { not: 'clerk01' } } }, select: { code: true } })
    await alike(404, () => certificatePdfFor(users.clerk01, cert.code, 'http://localhost'), () => certificatePdfFor(users.clerk01, 'NOSUCHCODE', 'http://localhost'))
  })
})
