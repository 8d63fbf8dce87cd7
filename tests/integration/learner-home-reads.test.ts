// The clerk's home reads (issue 13's load bench): the star panel's and reminders' facts read through prepared
// statements, and the star evidence read the same way on the app's connection and inside an approval's
// transaction. Each read is compared with what Prisma's typed client reads of the same rows on the seeded demo.
import { certificatesOf, heldCertificate } from '~/server/certificates.server'
import { checklistSignedOff, mentoredToCompletionCount } from '~/server/pairings.server'
import { recentRemindersOf } from '~/server/reminders.server'
import { DEMO_PENDING_APPLICATION } from '~/server/seed/stars-data'
import { clerkStars } from '~/server/stars/applications.server'
import { starEvidenceOf } from '~/server/stars/evidence.server'
import { monthOf, starOfMonthPick } from '~/server/stars/star-of-month.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useDemoDatabase } from '../database'

let db: PrismaClient
const now = new Date()
const DAY = 86_400_000

beforeAll(async () => {
  ;({ db } = await useDemoDatabase(now))
}, 600_000)
afterAll(() => db.$disconnect())

const idsOf = async (usernames: string[]) => (await db.user.findMany({ where: { username: { in: usernames } }, select: { id: true } })).map((u) => u.id)
const everyone = async () => (await db.user.findMany({ select: { id: true }, orderBy: { username: 'asc' } })).map((u) => u.id)

describe('star evidence', () => {
  it('reads the same on the app connection, on another client and inside a transaction', async () => {
    const ids = await everyone()
    const onApp = await starEvidenceOf(ids, now)
    expect(await starEvidenceOf(ids, now, db)).toEqual(onApp)
    expect(await db.$transaction((tx) => starEvidenceOf(ids, now, tx as unknown as PrismaClient))).toEqual(onApp)
    // the demo has every kind of record, so the comparison covers each read
    const all = [...onApp.values()]
    expect(all.some((e) => e.inspections.length && e.satisfaction.length && e.complaints.some((c) => c.liable))).toBe(true)
    expect(all.some((e) => e.checklistSignedOff)).toBe(true)
    expect(all.some((e) => (e.menteesCompleted ?? 0) > 0)).toBe(true)
  })

  it('counts what Prisma counts: submitted scored attempts, inspections, complaints, completed pairings', async () => {
    const ids = await everyone()
    const evidence = await starEvidenceOf(ids, now)
    const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 23, 1)).toISOString().slice(0, 7)
    const attempts = [...evidence.values()].flatMap((e) => Object.values(e.quizzes).flatMap((q) => q.attempts))
    expect(attempts.length).toBe(await db.attempt.count({ where: { status: 'submitted', percent: { not: null }, quiz: { currentVersion: { kind: 'quiz' } } } }))
    expect(attempts.every((a) => a.submittedAt instanceof Date && typeof a.percent === 'number' && a.versionNumber >= 1)).toBe(true)
    expect([...evidence.values()].reduce((n, e) => n + e.inspections.length, 0)).toBe(await db.inspection.count({ where: { day: { gte: `${since}-01` } } }))
    expect([...evidence.values()].reduce((n, e) => n + e.complaints.filter((c) => c.liable).length, 0)).toBe(await db.complaint.count({ where: { liable: true, day: { gte: `${since}-01` } } }))
    const completed = await db.pairing.findMany({ where: { status: 'completed', completedAt: { lte: now } }, select: { menteeId: true, mentorId: true } })
    expect(new Set([...evidence].filter(([, e]) => e.checklistSignedOff).map(([id]) => id))).toEqual(new Set(completed.map((p) => p.menteeId)))
    expect([...evidence.values()].reduce((n, e) => n + (e.menteesCompleted ?? 0), 0)).toBe(completed.length)
    // before the first completion, none counts
    const first = await db.pairing.findFirstOrThrow({ where: { status: 'completed' }, orderBy: { completedAt: 'asc' }, select: { completedAt: true, menteeId: true, mentorId: true } })
    const before = new Date(first.completedAt!.getTime() - 1)
    expect(await checklistSignedOff([first.menteeId], before)).toEqual(new Map([[first.menteeId, false]]))
    expect(await mentoredToCompletionCount([first.mentorId], before)).toEqual(new Map([[first.mentorId, 0]]))
    expect(await mentoredToCompletionCount([], now)).toEqual(new Map())
  })
})

describe('certificates and applications on the clerk home', () => {
  it("a clerk's certificates carry what Prisma reads of them, newest first", async () => {
    const holders = await db.starCertificate.findMany({ select: { userId: true }, distinct: ['userId'] })
    expect(holders.length).toBeGreaterThan(3)
    for (const { userId } of holders) {
      const expected = await db.starCertificate.findMany({
        where: { userId },
        select: { id: true, code: true, level: true, issuedAt: true, expiresAt: true, revokedAt: true, supersededAt: true, courseVersions: true, revocationReason: true, user: { select: { id: true, name: true, username: true } }, ladderVersion: { select: { number: true } } },
        orderBy: { issuedAt: 'desc' },
      })
      expect(await certificatesOf(userId)).toEqual(expected)
    }
    const [nobody] = await idsOf(['trainer01'])
    expect(await certificatesOf(nobody)).toEqual([])
    expect(await heldCertificate(nobody, now)).toBeNull()
  })

  it("shows the pending application, and none once decided", async () => {
    const [clerk] = await idsOf([DEMO_PENDING_APPLICATION.username])
    expect((await clerkStars(clerk, now))!.pending).toMatchObject({ level: DEMO_PENDING_APPLICATION.level })
    const pending = await db.starApplication.findFirstOrThrow({ where: { userId: clerk, status: 'pending' } })
    await db.starApplication.update({ where: { id: pending.id }, data: { status: 'withdrawn', openKey: null } })
    expect((await clerkStars(clerk, now))!.pending).toBeNull()
    await db.starApplication.update({ where: { id: pending.id }, data: { status: 'pending', openKey: pending.openKey } })
  })
})

describe('star of the month', () => {
  it("names the hall's pick of this month only", async () => {
    const clerk = await db.user.findUniqueOrThrow({ where: { username: 'clerk01' }, select: { id: true, name: true, hall: { select: { id: true, path: true } } } })
    const other = await db.orgUnit.findFirstOrThrow({ where: { kind: 'hall', id: { not: clerk.hall!.id } }, select: { path: true } })
    const month = monthOf(now)
    await db.starOfMonth.deleteMany({ where: { hallId: clerk.hall!.id } })
    expect(await starOfMonthPick(clerk.hall!.path, now)).toBeNull()
    await db.starOfMonth.create({ data: { hallId: clerk.hall!.id, month, userId: clerk.id, pickedById: clerk.id, pickedAt: now, score: 1 } })
    expect(await starOfMonthPick(clerk.hall!.path, now)).toEqual({ name: clerk.name, month })
    expect(await starOfMonthPick(clerk.hall!.path, new Date(now.getTime() + 40 * DAY))).toBeNull()
    expect(await starOfMonthPick(other.path, now)).toBeNull()
  })
})

describe('reminders on the clerk home', () => {
  it('lists the last 14 days on assignments still in force, newest first, with the sender and course', async () => {
    const seeded = await db.reminder.findFirstOrThrow({ select: { learnerId: true, assignmentId: true, remindedById: true, dueDay: true, assignment: { select: { courseId: true } }, remindedBy: { select: { name: true } } } })
    const { learnerId, assignmentId, remindedById, dueDay } = seeded
    await db.reminder.deleteMany({ where: { learnerId } })
    const remind = (daysAgo: number, key: string) =>
      db.reminder.create({ data: { assignmentId, learnerId, remindedById, dueDay, createdAt: new Date(now.getTime() - daysAgo * DAY), requestKey: `home-reads-${key}` }, select: { id: true } })
    const older = await remind(10, 'older')
    const newer = await remind(1, 'newer')
    await remind(15, 'too-old')
    const shown = await recentRemindersOf(learnerId, now)
    expect(shown).toEqual([
      { id: newer.id, at: new Date(now.getTime() - DAY), dueDay, by: seeded.remindedBy.name, courseId: seeded.assignment.courseId },
      { id: older.id, at: new Date(now.getTime() - 10 * DAY), dueDay, by: seeded.remindedBy.name, courseId: seeded.assignment.courseId },
    ])
    await db.assignment.update({ where: { id: assignmentId }, data: { cancelledAt: now } })
    expect(await recentRemindersOf(learnerId, now)).toEqual([])
    await db.assignment.update({ where: { id: assignmentId }, data: { cancelledAt: null } })
  })
})
