// Issue 17's overview: the star-level mix per unit, certificates expiring within 60 days and pairings on track /
// overdue / stalled, for a branch and a region manager on the demo data — each figure checked against the facts
// read another way (the mentoring's star levels, the certificates themselves, the pairing list's own counts).
import { loader as manageLoader } from '~/routes/manage._index'
import { loader as unitLoader } from '~/routes/manage.units.$code'
import { currentStarLevels } from '~/server/certificates.server'
import { pairingsInScope } from '~/server/pairing-lists.server'
import { loadSessionUser } from '~/server/people.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { cookieFor, outcome, requestAs } from '../session'
import { useDemoDatabase } from '../database'

let db: PrismaClient
const now = new Date()
const DAY = 86_400_000

type View = {
  unit: { code: string; path: string }
  children: Array<{ code: string; path: string; figure: { learners: number } }>
  stars: {
    topLevel: number
    mix: Array<{ group: string; counts: number[] }>
    expiring: Array<{ username: string; level: number; expires: string }>
    expiringTotal: number
    pairings: { on_track: number; checkin_overdue: number; stalled: number }
  }
}
async function overviewOf(user: string, code?: string): Promise<View> {
  const cookie = await cookieFor(db, user)
  const url = code ? `/manage/units/${code}` : '/manage'
  const response = await outcome(() => (code ? unitLoader : manageLoader)({ request: requestAs(cookie, url), params: code ? { code } : {}, context: {} }))
  expect(response.status).toBe(200)
  return ((await response.json()) as { view: View }).view
}
const learnersUnder = (path: string) =>
  db.user.findMany({ where: { hall: { path: { startsWith: path } }, roles: { some: { role: { in: ['clerk', 'mentor'] } } } }, select: { id: true } })

beforeAll(async () => {
  ;({ db } = await useDemoDatabase(now))
}, 600_000)
afterAll(() => db.$disconnect())

describe.each([
  { user: 'branch01mgr', code: undefined, groups: ['H01', 'H02'] },
  { user: 'region01mgr', code: undefined, groups: ['B01', 'B02'] },
  { user: 'region01mgr', code: 'B02', groups: ['H03', 'H04'] }, // a drill-down: the branch's own figures, not the region's
])('$user /manage $code', ({ user, code, groups }) => {
  it('star mix: one row per unit below, its learners all counted, the certified ones at the level the mentoring reads', async () => {
    const view = await overviewOf(user, code)
    expect(view.stars.topLevel).toBe(5)
    expect(view.stars.mix.map((m) => m.group)).toEqual(groups)
    for (const child of view.children) {
      const row = view.stars.mix.find((m) => m.group === child.code)!
      expect(row.counts.reduce((a, b) => a + b, 0)).toBe(child.figure.learners)
      const levels = await currentStarLevels((await learnersUnder(child.path)).map((l) => l.id), now)
      const expected = [0, 0, 0, 0, 0, 0]
      for (const level of levels.values()) expected[level] += 1
      expect(row.counts.slice(1)).toEqual(expected.slice(1))
    }
    expect(view.stars.mix.some((m) => m.counts.slice(1).some((n) => n > 0))).toBe(true) // the demo has certificates here
  })

  it('expiring: the certificates in force under the unit that end within 60 days, soonest first', async () => {
    const view = await overviewOf(user, code)
    const expected = await db.starCertificate.findMany({
      where: { revokedAt: null, supersededAt: null, expiresAt: { gt: now, lte: new Date(now.getTime() + 60 * DAY) }, user: { hall: { path: { startsWith: view.unit.path } } } },
      select: { user: { select: { username: true } } },
      orderBy: { expiresAt: 'asc' },
    })
    expect(view.stars.expiringTotal).toBe(expected.length)
    expect(view.stars.expiring.map((c) => c.username)).toEqual(expected.slice(0, 10).map((c) => c.user.username))
    const days = view.stars.expiring.map((c) => c.expires)
    expect(days).toEqual([...days].sort())
  })
})

it('pairings: a branch manager’s overview counts what their pairing list counts under each filter', async () => {
  const view = await overviewOf('branch01mgr')
  const manager = await db.user.findUniqueOrThrow({ where: { username: 'branch01mgr' }, select: { id: true } })
  const { counts } = await pairingsInScope((await loadSessionUser(manager.id))!.viewer, null, now)
  expect(view.stars.pairings).toEqual({ on_track: counts.on_track, checkin_overdue: counts.checkin_overdue, stalled: counts.stalled })
  expect(Object.values(view.stars.pairings).reduce((a, b) => a + b, 0)).toBeGreaterThan(0) // the demo pairs new hires here
})
