// The quality roll-up (decision 0033) never goes silently stale: after the views fold their days it equals a recount
// of those days' attempts; a re-mark, a deadline close dated into a folded day and a clerk moving hall each forget
// what they change, so the next view shows the new figures; 50 parallel views of a unit nobody has viewed fold
// each hall day once. On either engine (TEST_DATABASE=postgres).
import { hallDay } from '~/core/dates'
import { closedDaysBefore, facilitiesFromSums } from '~/core/unit-quality'
import type { PrismaClient } from '~/generated/prisma/client'
import { moveAccount } from '~/server/account-changes.server'
import { attemptStore } from '~/server/attempt-store.server'
import { loadSessionUser } from '~/server/people.server'
import { qualityRollupDrift } from '~/server/quality-rollup-check.server'
import { QUALITY_WINDOW_DAYS, qualitySampleUnder } from '~/server/unit-quality.server'
import { useTestDatabase } from '../database'

let db: PrismaClient
const now = new Date('2026-11-25T02:00:00.000Z') // 10:00 in the halls
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000)
const ids: Record<string, string> = {}
const window = closedDaysBefore(hallDay(now), QUALITY_WINDOW_DAYS)

const result = (i1: number, text = '您好，请稍等') =>
  JSON.stringify({ items: [{ itemId: 'i1', points: i1, maxPoints: 2 }, { itemId: 'i2', points: 1, maxPoints: 1 }], reviews: [{ itemId: 'i2', review: { type: 'text', text } }, { itemId: 'i1', review: { type: 'single' } }] })

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  const unit = (kind: string, code: string, path: string, parentId?: string) => db.orgUnit.create({ data: { kind, code, nameZh: code, nameEn: code, path, parentId } })
  const region = await unit('region', 'QR', '/QR/')
  ids.h1 = (await unit('hall', 'QH1', '/QR/QH1/', region.id)).id
  ids.h2 = (await unit('hall', 'QH2', '/QR/QH2/', region.id)).id
  const person = (username: string, hallId: string | null, role: string) =>
    db.user.create({ data: { username, name: username, passwordHash: 'x', hallId, roles: { create: [{ role }] } }, select: { id: true } }).then((u) => u.id)
  ids.ann = await person('q-ann', ids.h1, 'clerk')
  ids.bob = await person('q-bob', ids.h1, 'clerk')
  ids.cat = await person('q-cat', ids.h2, 'clerk')
  ids.admin = await person('q-admin', null, 'admin')
  await db.course.create({ data: { id: 'qc' } })
  await db.quiz.create({ data: { id: 'qq' } })
  const version = await db.quizVersion.create({
    data: { quizId: 'qq', number: 1, hash: 'qq', courseId: 'qc', kind: 'quiz', titleZh: '测验', titleEn: 'Quiz', passMark: 0.6, attemptsAllowed: 9, minDelayMinutes: 0, definition: '{}' },
  })
  ids.version = version.id
  await db.quiz.update({ where: { id: 'qq' }, data: { currentVersionId: version.id } })
  const attempt = (userId: string, at: Date, i1: number, text?: string) =>
    db.attempt.create({ data: { userId, quizId: 'qq', quizVersionId: version.id, seed: 's', status: 'submitted', startedAt: at, submittedAt: at, points: i1 + 1, maxPoints: 3, percent: 50, passed: false, result: result(i1, text) } })
  await attempt(ids.ann, daysAgo(1), 0, '这个我不知道，你去别的窗口问')
  ids.remarked = (await attempt(ids.ann, daysAgo(3), 0)).id
  await attempt(ids.bob, daysAgo(3), 2, '不知道')
  await attempt(ids.bob, daysAgo(10), 1)
  await attempt(ids.cat, daysAgo(2), 0)
  await attempt(ids.cat, now, 0) // today: not in a closed day, not in the sample
})
afterAll(() => db.$disconnect())

// every item, however few its answers (the pages leave out fewer than three)
const facility = async (path: string) => facilitiesFromSums((await qualitySampleUnder(path, now)).items, 1).find((f) => f.itemId === 'i1')

it('the views fold every hall day of the window once; the roll-up equals a recount of those days, phrases found', async () => {
  const sample = await qualitySampleUnder('/QR/', now)
  expect(sample).toMatchObject({ from: window.at(-1), to: window[0], attempts: 5 })
  expect(sample.phraseHits.length).toBeGreaterThan(0) // 不知道, said by two clerks: not a vacuous match
  expect(await db.qualityDay.count()).toBe(2 * QUALITY_WINDOW_DAYS)
  expect(await qualityRollupDrift(db)).toEqual([])
})

it('a re-mark forgets its day: the next view shows the new points', async () => {
  expect(await facility('/QR/QH1/')).toMatchObject({ attempts: 4, facility: 38 }) // i1's shares (0 + 0 + 1 + 0.5) / 4
  const written = await attemptStore().remark(
    ids.remarked,
    (attempt) => ({ step: { itemId: 'i1', kind: 'override', payload: '{"points":2}' }, quizVersionId: attempt.quizVersionId, points: 3, maxPoints: 3, percent: 100, passed: true, result: result(2) }),
    now,
  )
  expect(written.outcome).toBe('recorded')
  expect(await db.qualityDay.count({ where: { hallId: ids.h1, day: hallDay(daysAgo(3)) } })).toBe(0)
  expect(await facility('/QR/QH1/')).toMatchObject({ attempts: 4, facility: 63 }) // (0 + 1 + 1 + 0.5) / 4
  expect(await qualityRollupDrift(db)).toEqual([])
})

it('a deadline close dated into a folded day forgets that day; a clerk’s own submission today changes no closed day', async () => {
  const open = await db.attempt.create({ data: { userId: ids.cat, quizId: 'qq', quizVersionId: ids.version, seed: 's', status: 'in_progress', startedAt: daysAgo(5), deadline: daysAgo(5) } })
  const closed = await attemptStore().close(open.id, { by: 'deadline', at: daysAgo(5), points: 3, maxPoints: 3, percent: 100, passed: true, result: result(2) }, {}, now)
  expect(closed).toBe(true)
  expect(await facility('/QR/QH2/')).toMatchObject({ attempts: 2, facility: 50 }) // cat's 0 of two days ago and this 2
  const today = await db.attempt.create({ data: { userId: ids.cat, quizId: 'qq', quizVersionId: ids.version, seed: 't', status: 'in_progress', startedAt: now } })
  const folded = await db.qualityDay.count()
  await attemptStore().close(today.id, { by: 'clerk', at: now, points: 3, maxPoints: 3, percent: 100, passed: true, result: result(2) }, {}, now)
  expect(await db.qualityDay.count()).toBe(folded)
  expect(await qualityRollupDrift(db)).toEqual([])
})

it('a clerk moving hall takes their attempts along: both halls fold again', async () => {
  const admin = (await loadSessionUser(ids.admin))!
  expect(await moveAccount(admin.viewer, 'q-bob', 'QH2', now)).toEqual({ ok: true })
  expect(await db.qualityDay.count({ where: { hallId: { in: [ids.h1, ids.h2] } } })).toBe(0)
  expect(await facility('/QR/QH2/')).toMatchObject({ attempts: 4 }) // cat's two, bob's two
  expect(await qualityRollupDrift(db)).toEqual([])
})

it('50 parallel views of unfolded days fold each hall day once, and all see the same sample', async () => {
  await db.qualityDay.deleteMany()
  await db.qualityItemDay.deleteMany()
  await db.qualityPhraseDay.deleteMany()
  const samples = await Promise.all(Array.from({ length: 50 }, () => qualitySampleUnder('/QR/', now)))
  expect(new Set(samples.map((s) => JSON.stringify(s))).size).toBe(1)
  expect(samples[0].attempts).toBe(6)
  expect(await db.qualityDay.count()).toBe(2 * QUALITY_WINDOW_DAYS)
  expect(await qualityRollupDrift(db)).toEqual([])
}, 120_000)
