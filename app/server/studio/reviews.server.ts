// Second-trainer review (a studio setting): a draft at one revision is put up for review; another trainer approves
// it — which publishes it through publishDraft, the same check and one-transaction import — or sends it back with
// a comment. An approval first claims the review in a checkThenWrite, so fifty approvals at once publish once.
import { reviewRefusal, type ReviewRefusal } from '~/core/studio/review-rules'
import type { PrismaClient } from '~/generated/prisma/client'
import { Prisma } from '~/generated/prisma/client'
import { recordAudit } from '../audit.server'
import { checkThenWrite } from '../db.server'
import { publishDraft, type PublishResult } from './publish.server'

const SETTINGS_ID = 'studio'

/** The studio's settings; without a row, the defaults (no review: publish at once, as before the setting). */
export async function studioSettings(db: PrismaClient): Promise<{ reviewRequired: boolean }> {
  const row = await db.studioSetting.findUnique({ where: { id: SETTINGS_ID }, select: { reviewRequired: true } })
  return { reviewRequired: row?.reviewRequired ?? false }
}

export async function setReviewRequired(db: PrismaClient, input: { on: boolean; actorId: string; now: Date }): Promise<void> {
  await checkThenWrite(
    async (tx) => {
      await tx.studioSetting.upsert({
        where: { id: SETTINGS_ID },
        create: { id: SETTINGS_ID, reviewRequired: input.on, updatedById: input.actorId, updatedAt: input.now },
        update: { reviewRequired: input.on, updatedById: input.actorId, updatedAt: input.now },
      })
      await recordAudit(tx, { at: input.now, actorId: input.actorId, action: 'studio.settingsChanged', detail: { reviewRequired: input.on } })
    },
    { db },
  )
}

export type RequestResult = { ok: true; id: string } | { ok: false; reason: 'no-draft' | 'conflict' }

/** Puts the draft up for review at the revision the trainer saw; asking twice for one revision asks once. */
export async function requestReview(db: PrismaClient, input: { path: string; revision: number; userId: string; now: Date }): Promise<RequestResult> {
  return checkThenWrite(
    async (tx) => {
      const draft = await tx.studioDraft.findUnique({ where: { path: input.path }, select: { revision: true } })
      if (!draft) return { ok: false, reason: 'no-draft' } as const
      if (draft.revision !== input.revision) return { ok: false, reason: 'conflict' } as const
      // revisions start again at 1 after a publish: only an open request of this very revision is the same request
      const existing = await tx.studioReview.findFirst({ where: { path: input.path, revision: input.revision, status: 'open' }, select: { id: true } })
      if (existing) return { ok: true, id: existing.id } as const
      // an older request of this file reviewed a text that is no longer the draft
      await tx.studioReview.updateMany({ where: { path: input.path, status: 'open' }, data: { status: 'stale' } })
      const review = await tx.studioReview.create({
        data: { path: input.path, revision: input.revision, requestedById: input.userId, requestedAt: input.now, status: 'open' },
      })
      await recordAudit(tx, { at: input.now, actorId: input.userId, action: 'review.requested', detail: { path: input.path, revision: input.revision } })
      return { ok: true, id: review.id } as const
    },
    { db },
  )
}

export type DecisionResult =
  | { ok: true; published: PublishResult | null }
  | { ok: false; reason: ReviewRefusal | 'no-review' | 'stale' }
  | { ok: false; reason: 'publish-failed'; published: PublishResult }

class Refused extends Error {
  constructor(readonly reason: ReviewRefusal | 'no-review' | 'stale') {
    super(reason)
  }
}

/** Reads the review and its draft in the transaction and decides whether this reviewer may act on it now. */
async function claim(tx: Prisma.TransactionClient, id: string, reviewerId: string, now: Date) {
  const review = await tx.studioReview.findUnique({ where: { id } })
  if (!review) throw new Refused('no-review')
  const draft = await tx.studioDraft.findUnique({ where: { path: review.path }, select: { revision: true, updatedById: true } })
  const refusal = reviewRefusal({ ...review, lastEditorId: draft?.updatedById ?? null }, reviewerId, now)
  if (refusal) throw new Refused(refusal)
  if (!draft || draft.revision !== review.revision) {
    await tx.studioReview.update({ where: { id }, data: { status: 'stale' } })
    return { review, stale: true }
  }
  return { review, stale: false }
}

async function decided<T>(work: () => Promise<T>): Promise<T | { ok: false; reason: ReviewRefusal | 'no-review' | 'stale' }> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason }
    throw error
  }
}

/** Approves and publishes. The claim ("approving") is taken in its own transaction so that only one approval publishes. */
export async function approveReview(db: PrismaClient, input: { id: string; reviewerId: string; comment: string; now: Date }): Promise<DecisionResult> {
  const claimed = await decided(() =>
    checkThenWrite(
      async (tx) => {
        const { review, stale } = await claim(tx, input.id, input.reviewerId, input.now)
        if (stale) return { ok: false, reason: 'stale' } as const
        await tx.studioReview.update({ where: { id: input.id }, data: { status: 'approving', decidedById: input.reviewerId, decidedAt: input.now, comment: input.comment || null } })
        return { ok: true, review } as const
      },
      { db },
    ),
  )
  if (!claimed.ok) return claimed
  const { review } = claimed
  const published = await publishDraft(db, {
    path: review.path,
    revision: review.revision,
    actorId: input.reviewerId,
    now: input.now,
    alsoWithin: async (tx) => {
      await tx.studioReview.update({ where: { id: review.id }, data: { status: 'approved' } })
      await recordAudit(tx, {
        at: input.now,
        actorId: input.reviewerId,
        action: 'review.approved',
        detail: { path: review.path, revision: review.revision, requestedBy: review.requestedById, comment: input.comment || null },
      })
    },
  })
  if (published.ok) return { ok: true, published }
  // nothing was published: the request is open again (a conflict means the draft moved on: stale)
  await db.studioReview.updateMany({ where: { id: review.id, status: 'approving' }, data: { status: published.reason === 'conflict' ? 'stale' : 'open', decidedById: null, decidedAt: null } })
  return { ok: false, reason: 'publish-failed', published }
}

/** Sends the draft back to its author with a comment; nothing is published. */
export async function requestChanges(db: PrismaClient, input: { id: string; reviewerId: string; comment: string; now: Date }): Promise<DecisionResult> {
  return decided(() =>
    checkThenWrite(
      async (tx) => {
        const { review, stale } = await claim(tx, input.id, input.reviewerId, input.now)
        if (stale) return { ok: false, reason: 'stale' } as const
        await tx.studioReview.update({ where: { id: input.id }, data: { status: 'changes', decidedById: input.reviewerId, decidedAt: input.now, comment: input.comment } })
        await recordAudit(tx, { at: input.now, actorId: input.reviewerId, action: 'review.changes', detail: { path: review.path, revision: review.revision, comment: input.comment } })
        return { ok: true, published: null } as const
      },
      { db },
    ),
  )
}

export interface ReviewSummary {
  id: string
  path: string
  revision: number
  status: string
  requestedBy: string
  requestedAt: Date
  decidedBy: string | null
  comment: string | null
}

async function withNames(db: PrismaClient, rows: Array<{ id: string; path: string; revision: number; status: string; requestedById: string; requestedAt: Date; decidedById: string | null; comment: string | null }>): Promise<ReviewSummary[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.requestedById, ...(r.decidedById ? [r.decidedById] : [])]))]
  const names = new Map((await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]))
  return rows.map((r) => ({ id: r.id, path: r.path, revision: r.revision, status: r.status, requestedBy: names.get(r.requestedById) ?? '', requestedAt: r.requestedAt, decidedBy: r.decidedById ? (names.get(r.decidedById) ?? '') : null, comment: r.comment }))
}

/** Open requests, oldest first. */
export async function openReviews(db: PrismaClient): Promise<ReviewSummary[]> {
  return withNames(db, await db.studioReview.findMany({ where: { status: 'open' }, orderBy: { requestedAt: 'asc' } }))
}

/** The newest review of a file (what its editor shows: waiting, approved, sent back with a comment). */
export async function latestReviewOf(db: PrismaClient, path: string): Promise<ReviewSummary | null> {
  const row = await db.studioReview.findFirst({ where: { path }, orderBy: { requestedAt: 'desc' } })
  return row ? (await withNames(db, [row]))[0] : null
}

export async function reviewById(db: PrismaClient, id: string): Promise<(ReviewSummary & { requestedById: string }) | null> {
  const row = await db.studioReview.findUnique({ where: { id } })
  return row ? { ...(await withNames(db, [row]))[0], requestedById: row.requestedById } : null
}
