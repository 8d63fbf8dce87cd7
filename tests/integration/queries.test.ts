// Each read of the typed query layer against a migrated database: rows written through Prisma (as the app
// writes them) come back typed truthfully — dates as Date, flags as boolean — whatever the engine stores.
import { assignmentsAround } from '~/server/assignments.server'
import { rebuildQuizRollups } from '~/server/quiz-rollup.server'
import { contentGeneration } from '~/server/course-cache.server'
import { moduleReadsOf, passedQuizIds, passedQuizzesOf } from '~/server/learner-records.server'
import { loadSessionUser } from '~/server/people.server'
import { currentQuizzes, quizTitles } from '~/server/quiz-titles.server'
import { moveResumePoint, resumePointsOf } from '~/server/resume-point.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'

let db: PrismaClient
const now = new Date('2026-11-25T02:00:00.123Z')
const ids: Record<string, string> = {}

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  const region = await db.orgUnit.create({ data: { kind: 'region', code: 'QR', nameZh: '测试市', nameEn: 'Test City', path: '/QR/' } })
  const hall = await db.orgUnit.create({ data: { kind: 'hall', code: 'QH', nameZh: '测试厅', nameEn: 'Test Hall', path: '/QR/QH/', parentId: region.id } })
  const other = await db.orgUnit.create({ data: { kind: 'hall', code: 'QO', nameZh: '别的厅', nameEn: 'Other Hall', path: '/QR/QO/', parentId: region.id } })
  ids.region = region.id
  ids.hall = hall.id
  const person = (username: string, data: object = {}) =>
    db.user.create({ data: { username, name: username, passwordHash: 'x', hallId: hall.id, ...data }, select: { id: true } })
  ids.ann = (await person('q-ann', { hireDate: new Date('2026-10-01T00:00:00Z'), roles: { create: [{ role: 'clerk' }, { role: 'manager', unitId: region.id }] } })).id
  ids.bob = (await person('q-bob', { roles: { create: [{ role: 'clerk' }] } })).id
  ids.gone = (await person('q-gone', { active: false, roles: { create: [{ role: 'clerk' }] } })).id
  const trainer = await person('q-trainer', { hallId: null, roles: { create: [{ role: 'trainer' }] } })
  for (const id of ['c1', 'c2', 'c3']) await db.course.create({ data: { id } })
  await db.assignment.createMany({
    data: [
      { courseId: 'c1', unitId: region.id, dueDay: '2026-12-01', createdById: trainer.id, requestKey: 'k1', newHiresOnly: true, role: 'clerk' },
      { courseId: 'c2', unitId: hall.id, dueDay: '2026-12-02', createdById: trainer.id, requestKey: 'k2' },
      { courseId: 'c3', unitId: other.id, dueDay: '2026-12-03', createdById: trainer.id, requestKey: 'k3' },
    ],
  })
  const version = (id: string, number: number, kind = 'quiz') =>
    db.quizVersion.create({
      data: { quizId: id, number, hash: `${id}${number}`, courseId: 'c1', kind, titleZh: `${id} 第${number}版`, titleEn: `${id} v${number}`, passMark: 0.6, attemptsAllowed: 3, minDelayMinutes: 0, definition: '{}' },
    })
  for (const id of ['qa', 'qb', 'practice-qc']) await db.quiz.create({ data: { id } })
  await version('qa', 1)
  const qa2 = await version('qa', 2)
  const qb1 = await version('qb', 1)
  const qc1 = await version('practice-qc', 1, 'practice')
  await db.quiz.update({ where: { id: 'qa' }, data: { currentVersionId: qa2.id } })
  await db.quiz.update({ where: { id: 'qb' }, data: { currentVersionId: qb1.id } })
  await db.quiz.update({ where: { id: 'practice-qc' }, data: { currentVersionId: qc1.id } })
  const attempt = (userId: string, quizId: string, quizVersionId: string, passed: boolean | null) =>
    db.attempt.create({ data: { userId, quizId, quizVersionId, seed: 's', status: passed === null ? 'in_progress' : 'submitted', startedAt: now, submittedAt: passed === null ? null : now, passed } })
  await attempt(ids.ann, 'qa', qa2.id, true)
  await attempt(ids.ann, 'qa', qa2.id, true) // passed twice: counted once
  await attempt(ids.ann, 'qb', qb1.id, false)
  await attempt(ids.bob, 'qb', qb1.id, true)
  await attempt(ids.bob, 'qa', qa2.id, null)
  await rebuildQuizRollups(db) // written directly: keep the roll-up passes are read from, as the stores do
})
afterAll(() => db.$disconnect())

describe('the session user', () => {
  it('comes with hall, hire date as a Date, roles and managed units', async () => {
    const user = (await loadSessionUser(ids.ann))!
    expect(user).toMatchObject({ username: 'q-ann', hall: { code: 'QH', nameEn: 'Test Hall', path: '/QR/QH/', kind: 'hall' } })
    expect(user.hireDate).toEqual(new Date('2026-10-01T00:00:00Z'))
    expect(user.roles.sort()).toEqual(['clerk', 'manager'])
    expect(user.managedUnits.map((u) => u.code)).toEqual(['QR'])
    expect((await loadSessionUser(ids.bob))!.hireDate).toBeNull()
  })

  it('is null when inactive or unknown', async () => {
    expect(await loadSessionUser(ids.gone)).toBeNull()
    expect(await loadSessionUser('nobody')).toBeNull()
  })
})

it('assignments around a hall: on the hall and the units above it, the flag as a boolean', async () => {
  const rows = await assignmentsAround('/QR/QH/')
  expect(rows.sort((a, b) => a.courseId.localeCompare(b.courseId))).toEqual([
    { id: expect.any(String), courseId: 'c1', dueDay: '2026-12-01', role: 'clerk', newHiresOnly: true, personId: null, unit: { path: '/QR/' } },
    { id: expect.any(String), courseId: 'c2', dueDay: '2026-12-02', role: null, newHiresOnly: false, personId: null, unit: { path: '/QR/QH/' } },
  ])
})

describe('a learner\'s records', () => {
  it('module reads of one or many learners, read time as a Date', async () => {
    const module = await db.moduleVersion.create({
      data: { courseId: 'c1', slug: 'm1', hash: 'h', number: 1, titleZh: '模块', titleEn: 'Module', minutes: 5, objectives: '[]', quizIds: '[]', sources: '[]', code: '', htmlZh: '', htmlEn: '' },
    })
    await db.moduleRead.create({ data: { userId: ids.ann, moduleVersionId: module.id, courseId: 'c1', slug: 'm1', readAt: now } })
    await db.moduleRead.create({ data: { userId: ids.bob, moduleVersionId: module.id, courseId: 'c1', slug: 'm1', readAt: now } })
    expect(await moduleReadsOf([ids.ann])).toEqual([{ userId: ids.ann, courseId: 'c1', slug: 'm1', moduleVersionId: module.id, readAt: now }])
    expect((await moduleReadsOf([ids.ann, ids.bob, ids.gone])).map((r) => r.userId).sort()).toEqual([ids.ann, ids.bob].sort())
    expect(await moduleReadsOf([])).toEqual([])
  })

  it('passed quizzes: passed only, once each, per learner', async () => {
    expect(await passedQuizIds(ids.ann)).toEqual(['qa'])
    expect(await passedQuizIds(ids.bob)).toEqual(['qb'])
    const both = await passedQuizzesOf([ids.bob, ids.ann])
    expect(both.map((r) => `${r.userId === ids.ann ? 'ann' : 'bob'}:${r.quizId}`).sort()).toEqual(['ann:qa', 'bob:qb'])
    expect(await passedQuizzesOf([])).toEqual([])
  })

  it('the resume point: none, then moved, then moved again (one row per course)', async () => {
    expect(await resumePointsOf(ids.ann)).toEqual([])
    await moveResumePoint(ids.ann, 'c1', 'm1', now)
    await moveResumePoint(ids.ann, 'c1', 'm2', new Date(now.getTime() + 1000))
    await moveResumePoint(ids.ann, 'c2', 'x1', now)
    const points = await resumePointsOf(ids.ann)
    expect(points.sort((a, b) => a.courseId.localeCompare(b.courseId))).toEqual([
      { courseId: 'c1', lastModule: 'm2' },
      { courseId: 'c2', lastModule: 'x1' },
    ])
    const row = await db.courseProgress.findUniqueOrThrow({ where: { userId_courseId: { userId: ids.ann, courseId: 'c1' } } })
    expect(row.updatedAt).toEqual(new Date(now.getTime() + 1000))
  })

  it('50 tabs opening modules at once leave one resume point per course', async () => {
    await Promise.all(Array.from({ length: 50 }, (_, i) => moveResumePoint(ids.bob, 'c3', `m${i % 5}`, now)))
    expect((await resumePointsOf(ids.bob)).filter((p) => p.courseId === 'c3')).toHaveLength(1)
  })
})

describe('current quizzes', () => {
  it('every current version, by course then quiz, with titles and kind', async () => {
    const quizzes = await currentQuizzes()
    expect(quizzes.map((q) => [q.quizId, q.kind, q.titleEn])).toEqual([
      ['practice-qc', 'practice', 'practice-qc v1'],
      ['qa', 'quiz', 'qa v2'],
      ['qb', 'quiz', 'qb v1'],
    ])
  })

  it('titles in the order asked, a quiz without a current version named by its id', async () => {
    expect(await quizTitles(['qb', 'nope', 'qa'])).toEqual([
      { id: 'qb', titleZh: 'qb 第1版', titleEn: 'qb v1' },
      { id: 'nope', titleZh: 'nope', titleEn: 'nope' },
      { id: 'qa', titleZh: 'qa 第2版', titleEn: 'qa v2' },
    ])
    // a list of another length compiles its own statement; the first one still answers right
    expect((await currentQuizzes(['qa'])).map((q) => q.quizId)).toEqual(['qa'])
    expect((await currentQuizzes(['qa', 'qb'])).map((q) => q.quizId)).toEqual(['qa', 'qb'])
    expect(await currentQuizzes([])).toEqual([])
  })
})

it('the content generation counts imports', async () => {
  const before = await contentGeneration()
  await db.contentImport.create({ data: { summary: '{}' } })
  expect(await contentGeneration()).toBe(before + 1)
})
