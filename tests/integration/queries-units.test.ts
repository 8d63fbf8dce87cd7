// The typed query layer's reads over everyone under a unit (the managers' pages, exports and 晨会 pack), the
// assignments in force and a learner's read record, against a migrated database on either engine: rows written
// through Prisma come back typed truthfully (dates as Date, flags as boolean, counts as numbers), and the
// "under a unit" range takes the unit's halls and no others.
import { assignmentsAround, assignmentsUnder } from '~/server/assignments.server'
import { activityOfLearnersIn, passesOfLearnersIn, readingsOfLearnersIn, readRecordOf, readsOfLearnersUnder } from '~/server/learner-records.server'
import { homeUnitOf, quizFiguresUnder } from '~/server/manage.server'
import { hallsUnder, learnersIn, loadSessionUser } from '~/server/people.server'
import { QUALITY_WINDOW_DAYS, qualitySampleUnder } from '~/server/unit-quality.server'
import { closedDaysBefore } from '~/core/unit-quality'
import { hallDay } from '~/core/dates'
import { rebuildQuizRollups } from '~/server/quiz-rollup.server'
import { rebuildReadRollups } from '~/server/read-rollup.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'

let db: PrismaClient
const now = new Date('2026-11-25T02:00:00.123Z')
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000)
const ids: Record<string, string> = {}

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  const unit = (kind: string, code: string, path: string, parentId?: string) =>
    db.orgUnit.create({ data: { kind, code, nameZh: `${code}单位`, nameEn: `Unit ${code}`, path, parentId } })
  const region = await unit('region', 'UR', '/UR/')
  const h1 = await unit('hall', 'UH1', '/UR/UH1/', region.id)
  const h2 = await unit('hall', 'UH2', '/UR/UH2/', region.id)
  const elsewhere = await unit('region', 'US', '/US/')
  const h3 = await unit('hall', 'UH3', '/US/UH3/', elsewhere.id)
  // a region whose code extends UR's: a prefix match on "/UR" would wrongly take it
  const lookalike = await unit('hall', 'URX', '/URX/', undefined)
  ids.region = region.id
  const person = (username: string, hallId: string | null, roles: Array<{ role: string; unitId?: string }>, data: object = {}) =>
    db.user.create({ data: { username, name: username, passwordHash: 'x', hallId, roles: { create: roles }, ...data }, select: { id: true } }).then((u) => u.id)
  ids.ann = await person('u-ann', h1.id, [{ role: 'clerk' }], { hireDate: new Date('2026-10-01T00:00:00Z') })
  ids.bob = await person('u-bob', h2.id, [{ role: 'clerk' }, { role: 'mentor' }])
  ids.mgr = await person('u-mgr', h1.id, [{ role: 'manager', unitId: region.id }])
  ids.gone = await person('u-gone', h1.id, [{ role: 'clerk' }], { active: false })
  ids.sam = await person('u-sam', h3.id, [{ role: 'clerk' }])
  ids.lou = await person('u-lou', lookalike.id, [{ role: 'clerk' }])
  const trainer = await person('u-trainer', null, [{ role: 'trainer' }])
  for (const id of ['c1', 'c2', 'c3', 'c4', 'c5']) await db.course.create({ data: { id } })
  await db.assignment.createMany({
    data: [
      { courseId: 'c1', unitId: region.id, dueDay: '2026-12-01', createdById: trainer, requestKey: 'u1', newHiresOnly: true },
      { courseId: 'c2', unitId: h1.id, dueDay: '2026-12-02', createdById: trainer, requestKey: 'u2', role: 'clerk' },
      { courseId: 'c3', unitId: h1.id, dueDay: '2026-12-03', createdById: trainer, requestKey: 'u3', cancelledAt: daysAgo(1) },
      { courseId: 'c4', unitId: h3.id, dueDay: '2026-12-04', createdById: trainer, requestKey: 'u4' },
      { courseId: 'c5', unitId: h2.id, dueDay: '2026-12-05', createdById: trainer, requestKey: 'u5', personId: ids.bob },
    ],
  })
  const moduleVersion = (slug: string, number: number) =>
    db.moduleVersion.create({
      data: { courseId: 'c1', slug, hash: `${slug}${number}`, number, titleZh: slug, titleEn: slug, minutes: 5, objectives: '[]', quizIds: '[]', sources: '[]', code: '', htmlZh: '', htmlEn: '' },
    })
  const m1v1 = await moduleVersion('m1', 1)
  const m1v2 = await moduleVersion('m1', 2)
  ids.m1v1 = m1v1.id
  ids.m1v2 = m1v2.id
  const read = (userId: string, moduleVersionId: string, readAt: Date) => db.moduleRead.create({ data: { userId, moduleVersionId, courseId: 'c1', slug: 'm1', readAt } })
  await read(ids.ann, m1v2.id, daysAgo(1))
  await read(ids.ann, m1v1.id, daysAgo(5))
  await read(ids.bob, m1v1.id, daysAgo(3))
  await read(ids.sam, m1v1.id, daysAgo(2))
  for (const id of ['uq', 'up']) await db.quiz.create({ data: { id } })
  const version = async (quizId: string, kind: string) => {
    const v = await db.quizVersion.create({
      data: { quizId, number: 1, hash: quizId, courseId: 'c1', kind, titleZh: `${quizId} 测验`, titleEn: `${quizId} quiz`, passMark: 0.6, attemptsAllowed: 3, minDelayMinutes: 0, definition: '{}' },
    })
    await db.quiz.update({ where: { id: quizId }, data: { currentVersionId: v.id } })
    return v.id
  }
  const uq = await version('uq', 'quiz')
  const up = await version('up', 'practice')
  const result = JSON.stringify({ items: [{ itemId: 'i1', points: 1, maxPoints: 2 }], reviews: [] })
  const attempt = (userId: string, quizId: string, quizVersionId: string, passed: boolean | null, submittedAt: Date | null) =>
    db.attempt.create({ data: { userId, quizId, quizVersionId, seed: 's', status: submittedAt ? 'submitted' : 'in_progress', startedAt: daysAgo(200), submittedAt, passed, result } })
  await attempt(ids.ann, 'uq', uq, false, daysAgo(4))
  await attempt(ids.ann, 'uq', uq, true, daysAgo(3)) // the first pass
  await attempt(ids.ann, 'uq', uq, true, daysAgo(2))
  await attempt(ids.ann, 'up', up, null, daysAgo(1)) // the last submission: a practice run
  await attempt(ids.bob, 'uq', uq, false, daysAgo(120)) // outside the 90-day window
  await attempt(ids.bob, 'uq', uq, null, null) // still open
  await attempt(ids.sam, 'uq', uq, true, daysAgo(1)) // another region
  await rebuildQuizRollups(db) // these attempts are written directly: the fixture keeps the roll-up as the stores do
  await rebuildReadRollups(db) // and these reads
})
afterAll(() => db.$disconnect())

it('learners under a unit: active clerks and mentors of its halls, by username, roles gathered, hire date as a Date', async () => {
  const learners = await learnersIn(hallsUnder('/UR/'))
  expect(learners).toEqual([
    { id: ids.ann, username: 'u-ann', name: 'u-ann', hireDate: new Date('2026-10-01T00:00:00Z'), roles: ['clerk'], hallCode: 'UH1', hallPath: '/UR/UH1/' },
    { id: ids.bob, username: 'u-bob', name: 'u-bob', hireDate: null, roles: expect.arrayContaining(['clerk', 'mentor']), hallCode: 'UH2', hallPath: '/UR/UH2/' },
  ])
  expect((await learnersIn(hallsUnder('/UR/UH2/'))).map((l) => l.username)).toEqual(['u-bob'])
  expect((await learnersIn(hallsUnder('/'))).map((l) => l.username)).toEqual(['u-ann', 'u-bob', 'u-lou', 'u-sam'])
})

it('assignments in force around a hall and under a unit: cancelled ones reach nobody, flags as booleans', async () => {
  const courses = (rows: Array<{ courseId: string }>) => rows.map((r) => r.courseId).sort()
  expect(courses(await assignmentsAround('/UR/UH1/'))).toEqual(['c1', 'c2'])
  expect(courses(await assignmentsUnder('/UR/'))).toEqual(['c1', 'c2', 'c5'])
  expect(courses(await assignmentsUnder('/UR/UH2/'))).toEqual(['c1', 'c5'])
  expect(courses(await assignmentsUnder('/'))).toEqual(['c1', 'c2', 'c4', 'c5'])
  const named = (await assignmentsUnder('/UR/')).find((a) => a.courseId === 'c5')!
  expect(named).toMatchObject({ personId: ids.bob, newHiresOnly: false, role: null, unit: { path: '/UR/UH2/' } })
  expect((await assignmentsUnder('/UR/')).find((a) => a.courseId === 'c1')).toMatchObject({ newHiresOnly: true, personId: null })
})

it('a learner\'s read record: oldest first, with the version number read and the time as a Date', async () => {
  expect(await readRecordOf(ids.ann)).toEqual([
    { slug: 'm1', moduleVersionId: ids.m1v1, courseId: 'c1', readAt: daysAgo(5), number: 1 },
    { slug: 'm1', moduleVersionId: ids.m1v2, courseId: 'c1', readAt: daysAgo(1), number: 2 },
  ])
  expect(await readRecordOf('nobody')).toEqual([])
})

it('reads of everyone under a unit, and no one outside it', async () => {
  const reads = await readsOfLearnersUnder('/UR/')
  expect(reads.map((r) => r.userId).sort()).toEqual([ids.ann, ids.ann, ids.bob].sort())
  expect(reads.find((r) => r.userId === ids.bob)).toEqual({ userId: ids.bob, slug: 'm1', moduleVersionId: ids.m1v1, courseId: 'c1', readAt: daysAgo(3) })
})

it('read roll-ups under a unit: per learner and course asked about, and the last read of each (c1 has no published version: nothing counts)', async () => {
  const { readings } = await readingsOfLearnersIn(hallsUnder('/UR/'), ['c1'])
  expect(readings.get(ids.ann)).toEqual(new Map([['c1', { read: 0, total: 0, currentReadAt: null }]]))
  const { lastRead } = await activityOfLearnersIn(hallsUnder('/UR/'))
  expect([lastRead.get(ids.ann), lastRead.get(ids.bob), lastRead.has(ids.sam)]).toEqual([daysAgo(1), daysAgo(3), false])
  expect((await readingsOfLearnersIn(hallsUnder('/UR/'), [])).readings.size).toBe(0)
})

it('quiz facts under a unit: the first pass of each quiz asked about, passes in all, and the last submission of any attempt', async () => {
  const passed = await passesOfLearnersIn(hallsUnder('/UR/'), ['uq'])
  const { passedCount, lastSubmitted } = await activityOfLearnersIn(hallsUnder('/UR/'))
  expect([...passed.entries()]).toEqual([[ids.ann, [{ quizId: 'uq', at: daysAgo(3) }]]])
  expect(passedCount.get(ids.ann)).toBe(1)
  expect((await passesOfLearnersIn(hallsUnder('/UR/'), [])).size).toBe(0)
  expect(lastSubmitted.get(ids.ann)).toEqual(daysAgo(1))
  expect(lastSubmitted.get(ids.bob)).toEqual(daysAgo(120))
  expect(lastSubmitted.has(ids.sam)).toBe(false)
})

it('the quality sample under a unit: its submitted attempts of the closed days in the window, summed per item from the roll-up', async () => {
  const sample = await qualitySampleUnder('/UR/', now)
  // fewer than the sample's 1 000: the whole window, up to yesterday (bob's attempt of 120 days ago and his open one left out)
  expect(sample).toEqual({
    from: closedDaysBefore(hallDay(now), QUALITY_WINDOW_DAYS).at(-1),
    to: hallDay(daysAgo(1)),
    attempts: 4,
    items: [
      { quizId: 'up', itemId: 'i1', type: 'unknown', attempts: 1, share: 0.5 },
      { quizId: 'uq', itemId: 'i1', type: 'unknown', attempts: 3, share: 1.5 },
    ],
    phraseHits: [],
  })
  expect((await qualitySampleUnder('/US/', now)).attempts).toBe(1) // sam, another region
})

it('quiz figures under a unit: distinct learners who attempted and passed each quiz (practice left out), as numbers', async () => {
  expect(await quizFiguresUnder('/UR/')).toEqual([{ quizId: 'uq', titleZh: 'uq 测验', titleEn: 'uq quiz', kind: 'quiz', attempted: 2, passed: 1 }])
  expect(await quizFiguresUnder('/US/')).toEqual([{ quizId: 'uq', titleZh: 'uq 测验', titleEn: 'uq quiz', kind: 'quiz', attempted: 1, passed: 1 }])
})

it('a manager\'s home unit is the one unit they manage', async () => {
  const manager = (await loadSessionUser(ids.mgr))!
  expect(await homeUnitOf(manager.viewer)).toEqual({ code: 'UR', kind: 'region', nameZh: 'UR单位', nameEn: 'Unit UR', path: '/UR/' })
})
