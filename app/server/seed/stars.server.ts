// Demo star history, relative to `now` and idempotent: six months of inspections, ratings and complaints
// for the demo clerks, a re-certification version of one course, and certificates in every state.
// Learning records (reads, attempts) are seeded elsewhere; snapshots here are built from this evidence.
import { randomBytes } from 'node:crypto'
import { encodeCertificateCode } from '~/core/stars/certificate-code'
import { hallDay } from '~/core/dates'
import type { PrismaClient } from '~/generated/prisma/client'
import { checkStarLadder } from '../content/check-stars.server'
import { readContentTree } from '../content/tree.server'
import { writeLadderImport, planLadderImport } from '../content/import-stars.server'
import { currentLadder } from '../stars/ladder.server'
import { refreshCourseReadRollups } from '../read-rollup.server'
import { DEMO_CERTIFICATES, DEMO_RECERTIFICATION, categoriesFor, demoMonthEvidence } from './stars-data'
import { seedNearMisses, seedPendingApplication } from './stars-near-miss.server'

const DAY = 86_400_000
const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY)

/** The ladder in force, stored from content/stars.yaml when content has not been imported yet. */
async function ensureLadder(db: PrismaClient) {
  const existing = await currentLadder(db)
  if (existing) return existing
  const tree = readContentTree('content')
  const known = { courses: new Set(tree.courses.map((c) => c.id)), quizzes: new Set(tree.quizzes.map((q) => q.file.split('/').pop()!.replace(/\.yaml$/, ''))) }
  const { ladder } = checkStarLadder(tree.stars, known, 'zh-CN')
  if (!ladder) return null
  await writeLadderImport(db, await planLadderImport(db, ladder))
  return currentLadder(db)
}

async function seedEvidence(db: PrismaClient, people: Array<{ id: string; username: string }>, now: Date): Promise<number> {
  if ((await db.inspection.count({ where: { userId: { in: people.map((p) => p.id) } } })) > 0) return 0
  const inspections = []
  const ratings = []
  const complaints = []
  for (const [index, person] of people.entries()) {
    const n = index + 1
    for (let month = 0; month < 6; month++) {
      const e = demoMonthEvidence(n, month, person.username)
      const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - month, 1, 4))
      const day = hallDay(new Date(Math.min(first.getTime() + (e.inspectionDay - 1) * DAY, now.getTime())))
      inspections.push({ userId: person.id, day, total: e.total, ...categoriesFor(e.total) })
      ratings.push({ userId: person.id, month: hallDay(first).slice(0, 7), ratings: e.ratings, average: e.average })
      const complaintDay = hallDay(daysAgo(now, 10 + (n % 20)))
      if (e.liableComplaint) complaints.push({ userId: person.id, day: complaintDay, liable: true, summary: '办理携号转网时业务解释不到位，客户投诉', key: `${person.id}|${complaintDay}|liable` })
      if (e.otherComplaint) complaints.push({ userId: person.id, day: complaintDay, liable: false, summary: '客户对排队时间不满，经核实为系统故障，非营业员责任', key: `${person.id}|${complaintDay}|other` })
    }
  }
  await db.inspection.createMany({ data: inspections })
  await db.satisfactionMonth.createMany({ data: ratings })
  await db.complaint.createMany({ data: complaints })
  return inspections.length + ratings.length + complaints.length
}

/** The demo's changed regulation: a version of the complaints course marked recertify, 20 days ago. */
async function publishRecertification(db: PrismaClient, now: Date): Promise<{ number: number } | null> {
  const { courseId, daysAgo: ago } = DEMO_RECERTIFICATION
  const flagged = await db.courseVersion.findFirst({ where: { courseId, recertify: true }, select: { number: true } })
  if (flagged) return flagged
  const course = await db.course.findUnique({ where: { id: courseId }, select: { currentVersion: { include: { modules: true } } } })
  const current = course?.currentVersion
  if (!current) return null
  const { id: _id, createdAt: _at, modules, ...fields } = current
  // the same modules and hash as the file, so the next content:import sees nothing changed
  const created = await db.courseVersion.create({
    data: { ...fields, number: current.number + 1, recertify: true, createdAt: daysAgo(now, ago), modules: { create: modules.map((m) => ({ position: m.position, moduleVersionId: m.moduleVersionId })) } },
    select: { id: true, number: true },
  })
  await db.course.update({ where: { id: courseId }, data: { currentVersionId: created.id } })
  await refreshCourseReadRollups(db, [courseId]) // the same modules, but a publish always recounts (decision 0028)
  await db.contentImport.create({ data: { summary: JSON.stringify({ recertify: courseId, version: created.number }) } })
  return created
}

export async function seedStars(db: PrismaClient, now: Date, log: (line: string) => void = () => {}, withNearMisses = true): Promise<void> {
  const ladder = await ensureLadder(db)
  const people = await db.user.findMany({ where: { roles: { some: { role: 'clerk' } } }, select: { id: true, username: true, hallId: true }, orderBy: { username: 'asc' } })
  const evidence = await seedEvidence(db, people, now)
  if (!ladder) return log('seed: no content/stars.yaml, no star certificates')
  const flagged = await publishRecertification(db, now)
  // after the flagged version: the near misses' reads and passes count for the course as it stands now
  await seedNearMisses(db, now, withNearMisses)
  await seedPendingApplication(db, now)
  const versions = await db.courseVersion.findMany({ where: { recertify: false }, select: { courseId: true, number: true } })
  const lastPlain = (courseId: string) => Math.max(0, ...versions.filter((v) => v.courseId === courseId).map((v) => v.number))
  const byName = new Map(people.map((p) => [p.username, p]))
  const holders = DEMO_CERTIFICATES.map((c) => byName.get(c.username)).filter((p) => p !== undefined)
  if ((await db.starCertificate.count({ where: { userId: { in: holders.map((h) => h.id) } } })) > 0) return log(`seed: ${evidence} evidence rows; star certificates already there`)
  const ids = new Map<string, string>()
  for (const demo of DEMO_CERTIFICATES) {
    const holder = byName.get(demo.username)
    if (!holder?.hallId) continue
    const issuedAt = daysAgo(now, demo.issuedDaysAgo)
    const courseVersions = { etiquette: lastPlain('etiquette'), phrasing: lastPlain('phrasing'), ...(demo.level >= 2 ? { complaints: demo.beforeRecertification || !flagged ? lastPlain('complaints') : flagged.number } : {}) }
    const expiresAt = new Date(issuedAt.getTime() + (demo.validDays ?? 365) * DAY)
    const snapshot = { ladderVersion: ladder.number, level: demo.level, evaluatedAt: issuedAt.toISOString(), courses: courseVersions, source: 'demo seed: imported inspections, ratings and complaints' }
    const cert = await db.starCertificate.create({
      data: {
        code: encodeCertificateCode(randomBytes(13)),
        userId: holder.id,
        hallId: holder.hallId,
        level: demo.level,
        issuedAt,
        expiresAt,
        ladderVersionId: ladder.id,
        snapshot: JSON.stringify(snapshot),
        courseVersions: JSON.stringify(courseVersions),
        revokedAt: demo.revoked ? daysAgo(now, demo.revoked.daysAgo) : null,
        revocationReason: demo.revoked?.reason ?? null,
        supersededAt: demo.supersededDaysAgo ? daysAgo(now, demo.supersededDaysAgo) : null,
        events: {
          create: [
            { kind: 'issued', at: issuedAt },
            ...(demo.revoked ? [{ kind: 'revoked', at: daysAgo(now, demo.revoked.daysAgo), note: demo.revoked.reason }] : []),
            ...(demo.supersededDaysAgo ? [{ kind: 'superseded', at: daysAgo(now, demo.supersededDaysAgo) }] : []),
          ],
        },
      },
      select: { id: true },
    })
    ids.set(`${demo.username}:${demo.level}`, cert.id)
  }
  const replaced = ids.get('clerk08:1')
  if (replaced) await db.starCertificate.update({ where: { id: replaced }, data: { supersededById: ids.get('clerk08:2') } })
  log(`seed: ${evidence} evidence rows, ${ids.size} star certificates`)
}

/** One verify address per state, for the demo's printout. */
export async function demoVerifyCodes(db: PrismaClient): Promise<Record<string, string>> {
  const pick = async (username: string, level: number) =>
    (await db.starCertificate.findFirst({ where: { user: { username }, level }, select: { code: true } }))?.code ?? null
  const codes = { active: await pick('clerk01', 2), expiring: await pick('clerk03', 1), expired: await pick('clerk04', 2), revoked: await pick('clerk05', 2), 'renewal due': await pick('clerk07', 3) }
  return Object.fromEntries(Object.entries(codes).filter((e): e is [string, string] => e[1] !== null))
}
