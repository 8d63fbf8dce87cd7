// The managers' per learner and course roll-up of module reads (CourseReadRollup) stays equal to a recomputation
// from the reads after every writer: the demo seed with its history, a clerk's mark-read (once, and 50 in parallel),
// a published course version that removes a module and one that changes a module; and the rebuild repairs drift.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { importContent } from '~/server/content/import.server'
import { loadModuleForLearner, markModuleRead } from '~/server/courses.server'
import { loadSessionUser, type SessionUser } from '~/server/people.server'
import { readRollupDrift, rebuildReadRollups } from '~/server/read-rollup.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useDemoDatabase } from '../database'

let db: PrismaClient
const now = new Date('2026-11-25T02:00:00Z')
const clerk = async (username: string) => (await loadSessionUser((await db.user.findUniqueOrThrow({ where: { username } })).id))!
const rollupOf = (user: SessionUser) => db.courseReadRollup.findUnique({ where: { userId_courseId: { userId: user.id, courseId: 'demo' } } })
const versionOf = async (user: SessionUser, slug: string) => (await loadModuleForLearner(user, 'demo', slug, now)).module.id

/** The fixture course tree, copied so that a test can publish a changed version of it. */
function fixtureTree(change: (yaml: string, intro: string) => { yaml: string; intro: string }): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ssa-read-rollup-'))
  cpSync('tests/fixtures/content/good', root, { recursive: true })
  const dir = path.join(root, 'courses/demo')
  const changed = change(readFileSync(path.join(dir, 'course.yaml'), 'utf8'), readFileSync(path.join(dir, 'intro.mdx'), 'utf8'))
  writeFileSync(path.join(dir, 'course.yaml'), changed.yaml)
  writeFileSync(path.join(dir, 'intro.mdx'), changed.intro)
  return root
}

beforeAll(async () => {
  ;({ db } = await useDemoDatabase(now))
  expect((await importContent(db, 'tests/fixtures/content/good')).ok).toBe(true) // the two-module course "demo"
}, 300_000)
afterAll(() => db.$disconnect())

it('the demo seed with its history leaves the roll-up equal to a rebuild, and it is not empty', async () => {
  expect(await db.courseReadRollup.count({ where: { read: { gt: 0 } } })).toBeGreaterThan(0)
  expect(await readRollupDrift(db)).toEqual([])
})

it("a clerk's mark-read refreshes their row in the same write: one of two read, then equal to a rebuild", async () => {
  const user = await clerk('clerk07')
  expect(await rollupOf(user)).toBeNull()
  await markModuleRead(user, 'demo', 'intro', await versionOf(user, 'intro'), now)
  expect(await rollupOf(user)).toMatchObject({ read: 1, total: 2, currentReadAt: now, lastReadAt: now })
  expect(await readRollupDrift(db)).toEqual([])
})

it('50 mark-reads in parallel (one learner pressing both modules, and 24 learners at once) keep it exact', async () => {
  const one = await clerk('clerk08')
  const many = await Promise.all(Array.from({ length: 12 }, (_, i) => clerk(`clerk${String(20 + i).padStart(2, '0')}`)))
  const [intro, second] = [await versionOf(one, 'intro'), await versionOf(one, 'second')]
  const later = new Date(now.getTime() + 60_000)
  await Promise.all([
    ...Array.from({ length: 26 }, (_, i) => markModuleRead(one, 'demo', i % 2 ? 'intro' : 'second', i % 2 ? intro : second, later)),
    ...many.flatMap((user) => [markModuleRead(user, 'demo', 'intro', intro, later), markModuleRead(user, 'demo', 'second', second, later)]),
  ])
  expect(await rollupOf(one)).toMatchObject({ read: 2, total: 2, currentReadAt: later })
  for (const user of many) expect(await rollupOf(user)).toMatchObject({ read: 2, total: 2 })
  expect(await readRollupDrift(db)).toEqual([])
})

it('a published version without a module recounts the total for everyone who read the course (and its changed module counts unread)', async () => {
  const root = fixtureTree((yaml, intro) => ({ yaml: yaml.replace('modules: [intro, second]', 'modules: [intro]'), intro: intro.replaceAll('/learn/demo/second', '/learn/demo/intro') }))
  // what linked to the module goes with it (content:check refuses a module file the course does not list, and dead links)
  rmSync(path.join(root, 'courses/demo/second.mdx'))
  const quiz = path.join(root, 'quizzes/demo-quiz.yaml')
  writeFileSync(quiz, readFileSync(quiz, 'utf8').replace('modules: [intro, second]', 'modules: [intro]').replaceAll('/learn/demo/second', '/learn/demo/intro'))
  const imported = await importContent(db, root)
  expect(imported.ok ? [] : imported.problems).toEqual([])
  // intro's link to the removed module changed too: a new version of intro, which nobody has read yet
  expect(await rollupOf(await clerk('clerk08'))).toMatchObject({ read: 0, total: 1, currentReadAt: null })
  expect(await rollupOf(await clerk('clerk07'))).toMatchObject({ read: 0, total: 1, currentReadAt: null, lastReadAt: now })
  expect(await readRollupDrift(db)).toEqual([])
})

it('a published version with a changed module: its old reads no longer count, and the module is back in the total', async () => {
  const root = fixtureTree((yaml, intro) => ({ yaml, intro: `${intro}\n\n新增一段：办理业务前先核对身份。\n` }))
  expect((await importContent(db, root)).ok).toBe(true)
  expect(await rollupOf(await clerk('clerk08'))).toMatchObject({ read: 1, total: 2 }) // second still read, intro changed
  expect(await rollupOf(await clerk('clerk07'))).toMatchObject({ read: 0, total: 2, currentReadAt: null, lastReadAt: now })
  expect(await readRollupDrift(db)).toEqual([])
})

it('the rebuild repairs a roll-up that drifted, and the check names the drift', async () => {
  const [first, second] = await db.courseReadRollup.findMany({ take: 2, orderBy: [{ userId: 'asc' }, { courseId: 'asc' }] })
  await db.courseReadRollup.update({ where: { userId_courseId: { userId: first.userId, courseId: first.courseId } }, data: { read: first.read + 3 } })
  await db.courseReadRollup.delete({ where: { userId_courseId: { userId: second.userId, courseId: second.courseId } } })
  const drift = await readRollupDrift(db)
  expect(drift).toHaveLength(2)
  expect(drift.join('\n')).toContain(`missing ${second.userId} ${second.courseId}`)
  await rebuildReadRollups(db)
  expect(await readRollupDrift(db)).toEqual([])
})
