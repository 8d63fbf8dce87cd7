// Applying for a star level, nominating, and approving: approval re-checks eligibility on the evidence of
// that moment and issues the certificate in the same transaction, so two approvers produce one certificate.
import { sql } from 'kysely' // a literal LIMIT: SQLite re-plans a statement with a bound one on every run (decision 0034)
import { randomBytes } from 'node:crypto'
import { meetsLevel, starEligibility, type Eligibility } from '~/core/stars'
import { encodeCertificateCode } from '~/core/stars/certificate-code'
import { withoutContained } from '~/core/stars/contained'
import { isInForce } from '~/core/stars/certificate-status'
import { validityMonthsOf } from '~/core/stars/ladder'
import { addMonths } from '~/core/stars/window'
import { canApproveStar, canManageStarsOf, type Viewer } from '~/core/permissions'
import type { RequirementResult } from '~/core/stars/requirement-kind'
import type { PrismaClient } from '~/generated/prisma/client'
import { certificatesOf, certificateStates } from '../certificates.server'
import { checkThenWrite, isUniqueViolation, prisma } from '../db.server'
import { preparedRead } from '../kysely.server'
import { catalogueTitles, starEvidenceOf } from './evidence.server'
import { currentLadder, type LadderInForce } from './ladder.server'
import { certificateSnapshot } from './snapshot.server'

export const titleLookup = (titles: Awaited<ReturnType<typeof catalogueTitles>>) => (kind: 'course' | 'quiz', id: string) =>
  (kind === 'course' ? titles.courses.get(id) : titles.quizzes.get(id)?.title) ?? { zh: id, en: id }

export interface ClerkStars {
  ladder: LadderInForce
  eligibility: Eligibility
  /** The level the clerk may apply for now, or null. */
  applyLevel: number | null
  pending: { id: string; level: number } | null
}

const pendingApplicationRows = preparedRead((q, userId: string) =>
  q.selectFrom('StarApplication').select(['id', 'level']).where('userId', '=', userId).where('status', '=', 'pending').limit(sql.lit(1)),
)

/** The clerk's eligibility and what they may apply for (a higher level, or renewing the one they hold). */
export async function clerkStars(userId: string, now: Date): Promise<ClerkStars | null> {
  const ladder = await currentLadder()
  if (!ladder) return null
  const [evidence, titles, stateOf, certificates, pending] = await Promise.all([
    starEvidenceOf([userId], now),
    catalogueTitles(),
    certificateStates(now),
    certificatesOf(userId),
    pendingApplicationRows(userId).then((rows) => rows[0] ?? null),
  ])
  const eligibility = starEligibility(ladder.ladder, evidence.get(userId)!, now, titleLookup(titles))
  const reachable = eligibility.canApplyFor ?? eligibility.highestLevel
  const held = certificates.filter((c) => !c.revokedAt && !c.supersededAt).filter((c) => stateOf(c).state === 'active').reduce((max, c) => Math.max(max, c.level), 0)
  return { ladder, eligibility, applyLevel: reachable > held ? reachable : null, pending }
}

export type ApplyResult = { ok: true; id: string } | { ok: false; error: 'not-eligible' | 'duplicate' | 'no-ladder' }

async function openApplication(db: PrismaClient, data: { userId: string; level: number; origin: 'applied' | 'nominated'; createdById: string; now: Date }): Promise<ApplyResult> {
  try {
    const row = await db.starApplication.create({
      data: { userId: data.userId, level: data.level, origin: data.origin, createdById: data.createdById, createdAt: data.now, status: 'pending', openKey: `${data.userId}:${data.level}` },
      select: { id: true },
    })
    return { ok: true, id: row.id }
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: 'duplicate' }
    throw error
  }
}

/** A clerk applies for the level they may apply for now; a double submit opens one application. */
export async function applyForStar(userId: string, now: Date): Promise<ApplyResult> {
  const stars = await clerkStars(userId, now)
  if (!stars) return { ok: false, error: 'no-ladder' }
  if (!stars.applyLevel) return { ok: false, error: 'not-eligible' }
  return openApplication(prisma, { userId, level: stars.applyLevel, origin: 'applied', createdById: userId, now })
}

export type NominateResult = ApplyResult | { ok: false; error: 'unknown-clerk' }

/** A manager nominates a clerk of their halls for a level; approval checks the evidence. */
export async function nominateForStar(viewer: Viewer, username: string, level: number, now: Date): Promise<NominateResult> {
  const clerk = await prisma.user.findUnique({ where: { username }, select: { id: true, active: true, hall: { select: { path: true } }, roles: { select: { role: true } } } })
  const isClerk = clerk?.roles.some((r) => r.role === 'clerk' || r.role === 'mentor')
  if (!clerk || !clerk.active || !isClerk || !clerk.hall || !canManageStarsOf(viewer, clerk.hall.path)) return { ok: false, error: 'unknown-clerk' }
  return openApplication(prisma, { userId: clerk.id, level, origin: 'nominated', createdById: viewer.id, now })
}

export type ApproveResult =
  | { ok: true; certificateId: string; code: string }
  | { ok: false; error: 'not-found' | 'decided' | 'forbidden' | 'no-ladder' }
  | { ok: false; error: 'above-level'; level: number }
  | { ok: false; error: 'panel'; needed: number }
  | { ok: false; error: 'not-eligible'; missing: RequirementResult[] }

/** The panel size the ladder asks at this level (0 when no panel review is required). */
function panelSize(ladder: LadderInForce, level: number): number {
  const reviews = ladder.ladder.levels.slice(0, level).flatMap((l) => l.requirements.flatMap((r) => (r.kind === 'panel-review' ? [r.members] : [])))
  return reviews.length ? Math.max(...reviews) : 0
}

async function validPanel(db: PrismaClient, ids: string[]): Promise<string[]> {
  const rows = await db.user.findMany({ where: { id: { in: ids }, active: true, roles: { some: { role: { in: ['trainer', 'manager'] } } } }, select: { id: true } })
  return rows.map((r) => r.id)
}

/**
 * Approves in ONE transaction: the application is still pending, the approver may approve this level for
 * this hall, the clerk meets the level on the evidence read inside the transaction; then the certificate is
 * issued and the holder's earlier certificates in force are superseded (renewed, or by a higher level).
 */
export async function approveApplication(viewer: Viewer, applicationId: string, panelMemberIds: string[], now: Date): Promise<ApproveResult> {
  const ladder = await currentLadder()
  if (!ladder) return { ok: false, error: 'no-ladder' }
  const titles = await catalogueTitles()
  return checkThenWrite(async (txClient) => {
    const tx = txClient as unknown as PrismaClient
    const application = await tx.starApplication.findUnique({
      where: { id: applicationId },
      select: { id: true, status: true, level: true, userId: true, user: { select: { hallId: true, hall: { select: { path: true } } } } },
    })
    if (!application || !application.user.hall || !application.user.hallId) return { ok: false, error: 'not-found' } as const
    const level = ladder.ladder.levels[application.level - 1]
    if (!level) return { ok: false, error: 'not-found' } as const
    if (!canManageStarsOf(viewer, application.user.hall.path)) return { ok: false, error: 'forbidden' } as const
    if (!canApproveStar(viewer, application.user.hall.path, level.approver)) return { ok: false, error: 'above-level', level: level.level } as const
    if (application.status !== 'pending') return { ok: false, error: 'decided' } as const
    const needed = panelSize(ladder, level.level)
    const panel = needed ? await validPanel(tx, [...new Set(panelMemberIds)]) : []
    if (panel.length < needed) return { ok: false, error: 'panel', needed } as const

    const evidence = { ...(await starEvidenceOf([application.userId], now, tx)).get(application.userId)!, panelReviewed: needed > 0 }
    const verdict = meetsLevel(ladder.ladder, evidence, level.level, now, titleLookup(titles))
    const decided = { decidedById: viewer.id, decidedAt: now, openKey: null }
    if (!verdict.ok) {
      await tx.starApplication.update({ where: { id: application.id }, data: { ...decided, status: 'refused', refusal: JSON.stringify(verdict.missing) } })
      return { ok: false, error: 'not-eligible', missing: verdict.missing } as const
    }
    const claimed = await tx.starApplication.updateMany({ where: { id: application.id, status: 'pending' }, data: { ...decided, status: 'approved', panelMembers: needed ? JSON.stringify(panel) : null } })
    if (claimed.count !== 1) return { ok: false, error: 'decided' } as const
    const { levels } = starEligibility(ladder.ladder, evidence, now, titleLookup(titles))
    const frozen = certificateSnapshot(ladder, level.level, evidence, levels, now)
    const code = encodeCertificateCode(randomBytes(13))
    const certificate = await tx.starCertificate.create({
      data: {
        code,
        userId: application.userId,
        hallId: application.user.hallId,
        level: level.level,
        issuedAt: now,
        expiresAt: addMonths(now, validityMonthsOf(ladder.ladder, level.level)),
        ladderVersionId: ladder.id,
        applicationId: application.id,
        ...frozen,
        events: { create: { kind: 'issued', at: now, byId: viewer.id, note: needed ? `panel: ${panel.join(',')}` : null } },
      },
      select: { id: true },
    })
    await supersedeEarlier(tx, application.userId, certificate.id, level.level, viewer.id, now)
    return { ok: true, certificateId: certificate.id, code } as const
  })
}

async function supersedeEarlier(tx: PrismaClient, userId: string, newId: string, level: number, byId: string, now: Date): Promise<void> {
  const stateOf = await certificateStates(now, tx)
  const earlier = await tx.starCertificate.findMany({
    where: { userId, id: { not: newId }, revokedAt: null, supersededAt: null },
    select: { id: true, level: true, issuedAt: true, expiresAt: true, revokedAt: true, supersededAt: true, courseVersions: true },
  })
  for (const cert of earlier.filter((c) => isInForce(stateOf(c).state))) {
    await tx.starCertificate.update({ where: { id: cert.id }, data: { supersededAt: now, supersededById: newId } })
    await tx.starCertificateEvent.create({ data: { certificateId: cert.id, kind: cert.level < level ? 'superseded' : 'renewed', at: now, byId } })
  }
}

/** Pending applications of clerks in the given halls, oldest first. */
/** Per pending application, the requirements up to the level applied for, judged on the evidence at `now`. */
export async function pendingEvidence(applications: Array<{ id: string; level: number; userId: string }>, ladder: LadderInForce, now: Date): Promise<Map<string, RequirementResult[]>> {
  const [evidence, titles] = await Promise.all([starEvidenceOf([...new Set(applications.map((a) => a.userId))], now), catalogueTitles()])
  return new Map(
    applications.map((a) => {
      const { levels } = starEligibility(ladder.ladder, evidence.get(a.userId)!, now, titleLookup(titles))
      return [a.id, withoutContained(levels.slice(0, a.level).flatMap((l) => l.results))]
    }),
  )
}

export async function pendingApplications(hallIds: string[]) {
  return prisma.starApplication.findMany({
    where: { status: 'pending', user: { hallId: { in: hallIds } } },
    select: { id: true, level: true, origin: true, createdAt: true, userId: true, user: { select: { username: true, name: true, hall: { select: { code: true, nameZh: true, nameEn: true, path: true } } } } },
    orderBy: { createdAt: 'asc' },
  })
}
