// Issue 17: "every figure links to the list of people or items behind it". The overview drawn as a branch manager's
// hall and branch pages draw it, from the demo history: every table cell holding a figure other than 0 is a link (its
// completed share, a unit's done %, a quiz's passes were plain text). Star-mix cells are left out: no list of people
// by star level exists yet, the section's title links to the star page.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { StaticRouter } from 'react-router-dom/server'
import { loader as hallLoader } from '~/routes/manage.halls.$code'
import { loader as unitLoader } from '~/routes/manage.units.$code'
import { UnitOverview, type OverviewView } from '~/ui/manage/unit-overview'
import type { PrismaClient } from '~/generated/prisma/client'
import { cookieFor, outcome, requestAs } from '../session'
import { useDemoDatabase } from '../database'

let db: PrismaClient
let cookie: string
type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>

beforeAll(async () => {
  ;({ db } = await useDemoDatabase(new Date()))
  cookie = await cookieFor(db, 'branch01mgr')
}, 120_000)
afterAll(() => db.$disconnect())

/** The overview's table cells, each with whether it holds a link; the star mix's left out. */
function cellsOf(view: OverviewView) {
  const html = renderToStaticMarkup(createElement(StaticRouter, { location: '/manage' }, createElement(UnitOverview, { view })))
  const tables = html.split('<table').slice(1).filter((table) => !table.startsWith(' class="star-mix"'))
  return tables.flatMap((table) => [...table.matchAll(/<td>(.*?)<\/td>/g)].map(([, cell]) => ({ cell, text: cell.replace(/<[^>]+>/g, ''), linked: cell.includes('<a ') })))
}

it.each([
  { loader: hallLoader, url: '/manage/halls/H01', code: 'H01' },
  { loader: unitLoader, url: '/manage/units/B01', code: 'B01' },
])('$url: every cell with a figure but 0 links to what is behind it', async ({ loader, url, code }) => {
  const response = await outcome(() => (loader as Loader)({ request: requestAs(cookie, url), params: { code }, context: {} }))
  const { view } = (await response.json()) as { view: OverviewView }
  const figures = cellsOf(view).filter(({ text }) => /\d/.test(text) && !/^0$/.test(text))
  expect(figures.length).toBeGreaterThan(8) // courses, quizzes (and units on the branch): not a vacuous pass
  expect(figures.filter((f) => !f.linked)).toEqual([])
})
