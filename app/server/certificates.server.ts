// Star certificates: their state now, the levels in force (for the clerk's home and mentoring's pairing
// rule), the public look-up by code, revocation. Issuing is part of approval (stars/applications.server.ts).
import { certificateStatus, isInForce, type CertificateStatus, type FlaggedVersion } from '~/core/stars/certificate-status'
import { canManageStarsOf, type Viewer } from '~/core/permissions'
import type { PrismaClient } from '~/generated/prisma/client'
import { z } from 'zod'
import { checkThenWrite, prisma } from './db.server'
import { preparedRead, preparedReadFor } from './kysely.server'
import { hallsUnder } from './people.server'
import { instant, instantOrNull, TRUE } from './stored.server'
import { currentLadder } from './stars/ladder.server'

const DEFAULT_POLICY = { renewalGraceDays: 60, reminderDays: [60, 30, 7] }

const CourseVersions = z.record(z.string(), z.number().int())

const flaggedRows = preparedReadFor((q) => q.selectFrom('CourseVersion').select(['courseId', 'number', 'createdAt']).where('recertify', '=', TRUE))

/** Course versions marked `recertify`: what makes a certificate resting on them renewal due (given a transaction's
 * client, read inside it). */
export async function flaggedCourseVersions(db: PrismaClient = prisma): Promise<FlaggedVersion[]> {
  return (await flaggedRows(db)).map((r) => ({ courseId: r.courseId, number: r.number, publishedAt: instant(r.createdAt) }))
}

async function statusPolicy(db: PrismaClient) {
  const ladder = await currentLadder(db)
  return ladder ? { renewalGraceDays: ladder.ladder.renewalGraceDays, reminderDays: ladder.ladder.reminderDays } : DEFAULT_POLICY
}

export interface CertificateDates {
  issuedAt: Date
  expiresAt: Date
  revokedAt: Date | null
  supersededAt: Date | null
  courseVersions: string
}

/** A function that tells the state of any certificate at `now` (reads the flags and the policy once). */
export async function certificateStates(now: Date, db: PrismaClient = prisma): Promise<(c: CertificateDates) => CertificateStatus> {
  const [flagged, policy] = await Promise.all([flaggedCourseVersions(db), statusPolicy(db)])
  return (c) => certificateStatus({ ...c, courseVersions: CourseVersions.parse(JSON.parse(c.courseVersions)) }, flagged, now, policy)
}

const datesSelect = { issuedAt: true, expiresAt: true, revokedAt: true, supersededAt: true, courseVersions: true } as const

/** The level of each clerk's certificate in force (active, expiring or renewal due); absent otherwise. */
export async function currentStarLevels(userIds: string[], now: Date): Promise<Map<string, number>> {
  const stateOf = await certificateStates(now)
  const rows = await prisma.starCertificate.findMany({
    where: { userId: { in: userIds }, revokedAt: null, supersededAt: null },
    select: { userId: true, level: true, ...datesSelect },
  })
  const levels = new Map<string, number>()
  for (const row of rows) {
    if (isInForce(stateOf(row).state) && (levels.get(row.userId) ?? 0) < row.level) levels.set(row.userId, row.level)
  }
  return levels
}

const certificateSelect = {
  id: true,
  code: true,
  level: true,
  ...datesSelect,
  revocationReason: true,
  user: { select: { id: true, name: true, username: true } },
  ladderVersion: { select: { number: true } },
} as const

// one statement for a clerk's certificates (Prisma read them in three: certificates, holder, ladder version)
const certificateRowsOf = preparedRead((q, userId: string) =>
  q
    .selectFrom('StarCertificate as c')
    .innerJoin('User as u', 'u.id', 'c.userId')
    .innerJoin('StarLadderVersion as l', 'l.id', 'c.ladderVersionId')
    .select(['c.id', 'c.code', 'c.level', 'c.issuedAt', 'c.expiresAt', 'c.revokedAt', 'c.supersededAt', 'c.courseVersions', 'c.revocationReason', 'u.name', 'u.username', 'l.number'])
    .where('c.userId', '=', userId)
    .orderBy('c.issuedAt', 'desc'),
)

/** Every certificate a clerk was issued, newest first, in any state (the clerk's home and their star status). */
export async function certificatesOf(userId: string) {
  return (await certificateRowsOf(userId)).map((r) => ({
    id: r.id,
    code: r.code,
    level: r.level,
    issuedAt: instant(r.issuedAt),
    expiresAt: instant(r.expiresAt),
    revokedAt: instantOrNull(r.revokedAt),
    supersededAt: instantOrNull(r.supersededAt),
    courseVersions: r.courseVersions,
    revocationReason: r.revocationReason,
    user: { id: userId, name: r.name, username: r.username },
    ladderVersion: { number: r.number },
  }))
}

/** The certificate a clerk holds now (the highest in force), else their latest one, with its state. */
export async function heldCertificate(userId: string, now: Date) {
  const [stateOf, rows] = await Promise.all([certificateStates(now), certificatesOf(userId)])
  const withState = rows.map((row) => ({ ...row, status: stateOf(row) }))
  const inForce = withState.filter((r) => isInForce(r.status.state)).sort((a, b) => b.level - a.level)
  return inForce[0] ?? withState.find((r) => r.status.state !== 'superseded') ?? null
}

/** Every certificate a clerk was issued, newest first, each with its state now: the person's record lists the ones
 * its star panel does not show (superseded, revoked, expired), so a manager sees the whole history. */
export async function certificateHistory(userId: string, now: Date) {
  const [stateOf, rows] = await Promise.all([certificateStates(now), certificatesOf(userId)])
  return rows.map((row) => ({ code: row.code, level: row.level, issuedAt: row.issuedAt, expiresAt: row.expiresAt, state: stateOf(row).state, revocationReason: row.revocationReason }))
}

/** What the public verify page may show, nothing more: masked later by the page's loader. */
export async function certificateForVerification(code: string, now: Date) {
  const row = await prisma.starCertificate.findUnique({
    where: { code },
    select: { code: true, level: true, hallId: true, ...datesSelect, user: { select: { name: true } } },
  })
  if (!row) return null
  const [hall, stateOf, ladder] = await Promise.all([
    prisma.orgUnit.findUnique({ where: { id: row.hallId }, select: { nameZh: true, nameEn: true } }),
    certificateStates(now),
    currentLadder(),
  ])
  const title = ladder?.ladder.levels[row.level - 1]?.title ?? { zh: `${row.level} 星`, en: `${row.level}-star` }
  return { code: row.code, level: row.level, title, holderName: row.user.name, hall, issuedAt: row.issuedAt, expiresAt: row.expiresAt, status: stateOf(row) }
}

/** Certificates of the people in the viewer's halls, newest first, with their state. */
export async function certificatesInScope(viewer: Viewer, hallIds: string[], now: Date) {
  const stateOf = await certificateStates(now)
  const rows = await prisma.starCertificate.findMany({
    where: { hallId: { in: hallIds } },
    select: { ...certificateSelect, hallId: true },
    orderBy: [{ issuedAt: 'desc' }],
    take: 300,
  })
  return rows.map((row) => ({ ...row, status: stateOf(row) }))
}

// the certificates not revoked nor superseded of the learners under a unit: by the hall path's range (an index
// seek), not Prisma's nested relation filter, which SQLite ran as a scan of every user (20–30 ms on the scale
// organisation even when no certificate matched)
const standingCertificatesUnder = preparedRead((q, from: string, to: string) =>
  q
    .selectFrom('StarCertificate as c')
    .innerJoin('User as u', 'u.id', 'c.userId')
    .innerJoin('OrgUnit as h', 'h.id', 'u.hallId')
    .where('h.path', '>=', from)
    .where('h.path', '<', to)
    .where('c.revokedAt', 'is', null)
    .where('c.supersededAt', 'is', null)
    .select(['c.userId', 'c.code', 'c.level', 'c.issuedAt', 'c.expiresAt', 'c.courseVersions', 'u.name', 'u.username']),
)

/** Certificates in force of the people now working in the halls under a unit (the managers' overview: star mix
 * and what expires soon), with their state and holder. */
export async function certificatesInForceUnder(unitPath: string, now: Date) {
  const { from, to } = hallsUnder(unitPath)
  const [stateOf, rows] = await Promise.all([certificateStates(now), standingCertificatesUnder(from, to)])
  return rows
    .map((r) => {
      const row = { userId: r.userId, code: r.code, level: r.level, issuedAt: instant(r.issuedAt), expiresAt: instant(r.expiresAt), revokedAt: null, supersededAt: null, courseVersions: r.courseVersions, user: { name: r.name, username: r.username } }
      return { ...row, state: stateOf(row).state }
    })
    .filter((row) => isInForce(row.state))
}

export type RevokeResult = { ok: true } | { ok: false; error: 'not-found' | 'forbidden' | 'already' }

/** Revokes with a reason, never deletes; a second revocation of the same certificate changes nothing. */
export async function revokeCertificate(viewer: Viewer, certificateId: string, reason: string, now: Date): Promise<RevokeResult> {
  return checkThenWrite(async (tx) => {
    const cert = await tx.starCertificate.findUnique({ where: { id: certificateId }, select: { id: true, hallId: true, revokedAt: true } })
    if (!cert) return { ok: false, error: 'not-found' } as const
    const hall = await tx.orgUnit.findUniqueOrThrow({ where: { id: cert.hallId }, select: { path: true } })
    if (!canManageStarsOf(viewer, hall.path)) return { ok: false, error: 'forbidden' } as const
    const changed = await tx.starCertificate.updateMany({ where: { id: cert.id, revokedAt: null }, data: { revokedAt: now, revokedById: viewer.id, revocationReason: reason } })
    if (changed.count === 0) return { ok: false, error: 'already' } as const
    await tx.starCertificateEvent.create({ data: { certificateId: cert.id, kind: 'revoked', at: now, byId: viewer.id, note: reason } })
    return { ok: true } as const
  })
}
