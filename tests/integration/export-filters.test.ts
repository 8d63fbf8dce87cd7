// Issue 17: "an unknown filter value gets a clear message, not an empty table that looks like 'all done'". The units
// and courses tables have no filter, and their exports took any (`overdue=1`, `role=boss`) silently, writing every
// row as if filtered. They now refuse a filter by name, as the people export does an unknown value.
import { loader as exportLoader } from '~/routes/manage.export'
import type { PrismaClient } from '~/generated/prisma/client'
import { cookieFor, outcome, requestAs } from '../session'
import { useDemoDatabase } from '../database'

let db: PrismaClient
let cookie: string
type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>
const exported = (query: string) => outcome(() => (exportLoader as Loader)({ request: requestAs(cookie, `/manage/export?${query}`), params: {}, context: {} }))

beforeAll(async () => {
  ;({ db } = await useDemoDatabase(new Date()))
  cookie = await cookieFor(db, 'region01mgr')
}, 120_000)
afterAll(() => db.$disconnect())

it.each([
  { query: 'table=units&format=csv&overdue=1', named: 'overdue=1' },
  { query: 'table=courses&format=xlsx&role=boss', named: 'role=boss' },
  { query: 'table=units&format=csv&unit=B01&course=etiquette&newHires=1', named: 'course=etiquette, newHires=1' },
])('?$query: 400 naming $named', async ({ query, named }) => {
  const response = await exported(query)
  expect(response.status).toBe(400)
  expect(await response.text()).toContain(named)
})

it.each(['table=units&format=csv', 'table=courses&format=csv&unit=B01', 'table=units&format=csv&overdue=', 'table=people&format=csv&overdue=1'])('?%s: 200', async (query) => {
  expect((await exported(query)).status).toBe(200)
})
