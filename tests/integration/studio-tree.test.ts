// The studio's course tree on a phone: courses fold, the one the trainer came back from (?from=<file>) is open
// and marked as the current one; a path no course holds opens nothing in particular.
import { loader } from '~/routes/trainer.studio._index'
import { importContent } from '~/server/content/import.server'
import { seedDemo } from '~/server/seed/demo.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'
import { cookieFor, outcome, requestAs } from '../session'

let db: PrismaClient
let trainer = ''

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now: new Date() })
  expect((await importContent(db, 'content')).ok).toBe(true)
  trainer = await cookieFor(db, 'trainer01')
}, 120_000)
afterAll(() => db.$disconnect())

type Tree = { courses: Array<{ id: string }>; open: string[]; current: string | null }
const tree = async (query: string) => (await (await outcome(() => loader({ request: requestAs(trainer, `/trainer/studio${query}`), params: {}, context: {} }))).json()) as Tree

it('back from a module: that course open and current, the others folded', async () => {
  const page = await tree(`?from=${encodeURIComponent('courses/complaints/course.yaml')}`)
  expect(page.courses.length).toBeGreaterThan(1)
  expect(page.open).toEqual(['complaints'])
  expect(page.current).toBe('complaints')
})

it('no file named and no drafts: every course folded; a path no course holds is as if none was named', async () => {
  expect(await tree('')).toMatchObject({ open: [], current: null })
  expect(await tree(`?from=${encodeURIComponent('courses/no-such/x.mdx')}`)).toMatchObject({ open: [], current: null })
  expect(await tree(`?from=${'x'.repeat(400)}`)).toMatchObject({ open: [], current: null })
})
