// Issue 17: "every figure links to the list of people or items behind it" — also below the manager's own unit.
// A branch manager on a hall's page sees that hall's quiz pass figures; the quiz page the figure links to must
// count that hall's attempts, not the whole branch's (it did: the link carried no unit).
import { loader as quizLoader } from '~/routes/manage.quizzes.$quiz'
import { loader as pairingsLoader } from '~/routes/manage.pairings'
import { PAIRING_FIGURES } from '~/core/overview-stars'
import { unitOverview, unitInScope } from '~/server/manage.server'
import { loadSessionUser } from '~/server/people.server'
import { pairingsHref, quizHref } from '~/ui/manage/links'
import type { PrismaClient } from '~/generated/prisma/client'
import { cookieFor, outcome, requestAs } from '../session'
import { useDemoDatabase } from '../database'

let db: PrismaClient
const cookies: Record<string, string> = {}
const now = new Date()
type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>
const call = (user: string, url: string) =>
  outcome(() => (quizLoader as Loader)({ request: requestAs(cookies[user], url), params: { quiz: url.split('/')[3].split('?')[0] }, context: {} }))
type QuizPage = { page: { learners: number; attempts: number; wholeOrganisation: boolean }; units: Array<{ code: string }> }

beforeAll(async () => {
  ;({ db } = await useDemoDatabase(now))
  for (const u of ['hall01mgr', 'branch01mgr']) cookies[u] = await cookieFor(db, u)
}, 120_000)
afterAll(() => db.$disconnect())

describe("a hall's quiz figures lead to that hall's statistics", () => {
  it('branch01mgr on H01: each quiz figure and its linked page count the same learners, fewer than the branch', async () => {
    const viewer = (await loadSessionUser((await db.user.findUniqueOrThrow({ where: { username: 'branch01mgr' } })).id))!.viewer
    const { unit } = await unitInScope(viewer, 'H01', 'hall')
    const overview = await unitOverview(unit, now)
    const attempted = overview.quizzes.filter((q) => q.attempted > 0)
    expect(attempted.length).toBeGreaterThan(2) // derived from the demo history, not a list written here
    let narrower = 0
    for (const quiz of attempted) {
      const href = quizHref(quiz.quizId, unit)
      expect(href).toBe(`/manage/quizzes/${quiz.quizId}?unit=H01`)
      const hall = (await (await call('branch01mgr', href)).json()) as QuizPage
      expect({ quiz: quiz.quizId, learners: hall.page.learners }).toEqual({ quiz: quiz.quizId, learners: quiz.attempted })
      expect(hall.units.map((u) => u.code)).toEqual(['H01']) // the page names the hall it counts
      const branch = (await (await call('branch01mgr', `/manage/quizzes/${quiz.quizId}`)).json()) as QuizPage
      expect(branch.page.attempts).toBeGreaterThanOrEqual(hall.page.attempts)
      if (branch.page.learners > hall.page.learners) narrower++
    }
    expect(narrower).toBeGreaterThan(0) // the branch holds learners of H02 too: the hall's page is not the branch's
  })

  it('the whole organisation links without a unit', () => {
    expect(quizHref('etiquette-quiz', { code: '', kind: 'organisation' })).toBe('/manage/quizzes/etiquette-quiz')
  })

  it('a hall outside the manager’s units, or unknown, is refused alike (403) and shows nothing of it', async () => {
    const other = await call('hall01mgr', '/manage/quizzes/etiquette-quiz?unit=H02')
    const unknown = await call('hall01mgr', '/manage/quizzes/etiquette-quiz?unit=H99')
    expect(other.status).toBe(403)
    expect([other.status, await other.text()]).toEqual([unknown.status, await unknown.text()])
    expect((await call('hall01mgr', '/manage/quizzes/etiquette-quiz?unit=H0%2F')).status).toBe(400)
  })
})

describe("a unit's pairing figures lead to that unit's pairings", () => {
  type PairingsPage = { counts: Record<string, number>; pairings: Array<{ pairing: { mentee: { hallCode?: string } } }>; unit: { code: string } | null }
  const pairings = (user: string, url: string) => outcome(() => (pairingsLoader as Loader)({ request: requestAs(cookies[user], url), params: {}, context: {} }))

  it('branch01mgr: each hall of the branch, its overview figure equals the linked list, and the halls add up to the branch', async () => {
    const viewer = (await loadSessionUser((await db.user.findUniqueOrThrow({ where: { username: 'branch01mgr' } })).id))!.viewer
    const halls = await db.orgUnit.findMany({ where: { kind: 'hall', path: { startsWith: '/R01/B01/' } }, select: { code: true } })
    expect(halls.length).toBe(2)
    const branchPage = (await (await pairings('branch01mgr', '/manage/pairings')).json()) as PairingsPage
    const sums = Object.fromEntries(PAIRING_FIGURES.map((f) => [f, 0]))
    for (const { code } of halls) {
      const { unit } = await unitInScope(viewer, code, 'hall')
      const figures = (await unitOverview(unit, now)).stars.pairings
      for (const f of PAIRING_FIGURES) {
        const href = pairingsHref(f, unit)
        expect(href).toBe(`/manage/pairings?status=${f}&unit=${code}`)
        const page = (await (await pairings('branch01mgr', href)).json()) as PairingsPage
        expect({ hall: code, f, listed: page.pairings.length }).toEqual({ hall: code, f, listed: figures[f] })
        expect(page.unit?.code).toBe(code)
        sums[f] += figures[f]
      }
    }
    expect(sums).toEqual(Object.fromEntries(PAIRING_FIGURES.map((f) => [f, branchPage.counts[f]])))
    expect(Object.values(sums).reduce((a, b) => a + b, 0)).toBeGreaterThan(0) // the demo pairs mentees in B01
  })

  it('another hall by the unit parameter is refused alike an unknown one (403)', async () => {
    const other = await pairings('hall01mgr', '/manage/pairings?unit=H02')
    const unknown = await pairings('hall01mgr', '/manage/pairings?unit=H99')
    expect(other.status).toBe(403)
    expect([other.status, await other.text()]).toEqual([unknown.status, await unknown.text()])
  })
})
