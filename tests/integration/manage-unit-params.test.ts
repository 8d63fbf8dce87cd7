// Issue 17: "A hall manager asking for another hall by URL, by filter or by export parameter gets 403 and nothing of
// it". The unit filter is `unit=CODE`; a manager writing a link by hand writes `hall=H02` (or branch=, region=). That
// was a 400 "unknown filter hall" — for their own hall as much as for another. Decision 0039: the kind spelt out
// names the unit as `unit=` does, so another hall is the 403 of decision 0023 and their own hall its page.
import { loader as exportLoader } from '~/routes/manage.export'
import { loader as hallLoader } from '~/routes/manage.halls.$code'
import { loader as morningLoader } from '~/routes/manage.halls.$code_.morning'
import { loader as peopleLoader } from '~/routes/manage.people'
import type { PrismaClient } from '~/generated/prisma/client'
import { cookieFor, outcome, requestAs } from '../session'
import { useDemoDatabase } from '../database'

let db: PrismaClient
const cookies: Record<string, string> = {}
type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>
const call = (loader: unknown, user: string, url: string, params: Record<string, string> = {}) =>
  outcome(() => (loader as Loader)({ request: requestAs(cookies[user], url), params, context: {} }))
const seen = async (response: Response) => [response.status, response.statusText, await response.text()]
type PeoplePage = { unit: { code: string }; table: { ok: boolean; rows: Array<{ username: string; hallCode: string }> } }

beforeAll(async () => {
  ;({ db } = await useDemoDatabase(new Date()))
  for (const u of ['hall01mgr', 'branch01mgr', 'region01mgr']) cookies[u] = await cookieFor(db, u)
}, 120_000)
afterAll(() => db.$disconnect())

describe('hall=, branch=, region= name a unit as unit= does', () => {
  it.each([
    { user: 'hall01mgr', query: 'hall=H02', unknown: 'hall=H99' },
    { user: 'hall01mgr', query: 'branch=B01', unknown: 'branch=B99' }, // the branch above their hall
    { user: 'branch01mgr', query: 'hall=H03&overdue=1', unknown: 'hall=H99&overdue=1' },
    { user: 'region01mgr', query: 'region=R02', unknown: 'region=R99' },
    { user: 'hall01mgr', query: 'unit=H01&hall=H02', unknown: 'unit=H01&hall=H99' }, // their own and another
  ])('$user ?$query: 403 as for an unknown code, on the people page and the export', async ({ user, query, unknown }) => {
    const people = await seen(await call(peopleLoader, user, `/manage/people?${query}`))
    expect(people[0]).toBe(403)
    expect(people).toEqual(await seen(await call(peopleLoader, user, `/manage/people?${unknown}`)))
    expect(people[2]).not.toMatch(/clerk\d|营业厅/)
    const csv = await seen(await call(exportLoader, user, `/manage/export?table=people&format=csv&${query}`))
    expect(csv[0]).toBe(403)
    expect(csv).toEqual(await seen(await call(exportLoader, user, `/manage/export?table=people&format=csv&${unknown}`)))
  })

  it("their own hall by hall= is that hall's people, as by unit=", async () => {
    const response = await call(peopleLoader, 'branch01mgr', '/manage/people?hall=H02&sort=name')
    expect(response.status).toBe(200)
    const page = (await response.json()) as PeoplePage
    const byUnit = (await (await call(peopleLoader, 'branch01mgr', '/manage/people?unit=H02&sort=name')).json()) as PeoplePage
    expect(page.unit.code).toBe('H02')
    expect(page.table.rows.length).toBeGreaterThan(0)
    expect(page.table.rows.map((r) => r.username)).toEqual(byUnit.table.rows.map((r) => r.username))
    expect(new Set(page.table.rows.map((r) => r.hallCode))).toEqual(new Set(['H02']))
  })

  it.each([
    { query: 'hall=B01', why: 'a branch is not a hall' },
    { query: 'unit=H01&hall=H02', why: 'two units at once' },
    { query: 'hall=', why: 'an empty code' },
  ])('branch01mgr ?$query: 400 ($why), nothing shown', async ({ query }) => {
    const response = await call(peopleLoader, 'branch01mgr', `/manage/people?${query}`)
    expect(response.status).toBe(400)
    expect(await response.text()).not.toMatch(/clerk\d/)
  })

  it("a hall's page names no other unit: another hall in scope 400, out of scope 403 as unknown", async () => {
    const at = (user: string, query: string) => call(hallLoader, user, `/manage/halls/H01?${query}`, { code: 'H01' })
    expect((await at('branch01mgr', 'hall=H02')).status).toBe(400)
    expect((await at('branch01mgr', 'unit=H02')).status).toBe(400) // was ignored: the page showed H01 as if asked
    const other = await seen(await at('hall01mgr', 'hall=H02'))
    expect(other[0]).toBe(403)
    expect(other).toEqual(await seen(await at('hall01mgr', 'hall=H99')))
    const own = await at('hall01mgr', 'hall=H01&overdue=1')
    expect(own.status).toBe(200)
    // the unit is the page's, not a filter: its links and exports carry the filter alone (they add unit= themselves)
    expect(((await own.json()) as { filter: Record<string, string> }).filter).toEqual({ overdue: '1' })
    const people = (await (await call(peopleLoader, 'branch01mgr', '/manage/people?hall=H02&role=clerk')).json()) as { filter: Record<string, string> }
    expect(people.filter).toEqual({ role: 'clerk' })
  })

  it("the hall's 晨会 pack likewise: another hall named in its address is refused, not ignored", async () => {
    const at = (user: string, query: string) => call(morningLoader, user, `/manage/halls/H01/morning?${query}`, { code: 'H01' })
    expect((await at('branch01mgr', 'hall=H02')).status).toBe(400)
    const other = await seen(await at('hall01mgr', 'unit=H02'))
    expect(other[0]).toBe(403)
    expect(other).toEqual(await seen(await at('hall01mgr', 'unit=H99')))
    expect((await at('hall01mgr', 'hall=H01')).status).toBe(200)
  })
})
