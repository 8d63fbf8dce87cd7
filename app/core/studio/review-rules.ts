// Second-trainer review: who may approve a request to publish, and when an approval may claim it. Pure rules;
// the server reads the facts and writes the outcome in one transaction (app/server/studio/reviews.server.ts).

export type ReviewStatus = 'open' | 'approving' | 'approved' | 'changes' | 'stale'

/** An approval that crashed mid-publish leaves "approving": after this long another approval may claim it. */
export const STALE_CLAIM_MS = 5 * 60_000

export interface ReviewFacts {
  status: string
  requestedById: string
  /** The trainer who last saved the draft (they wrote the text under review too). */
  lastEditorId: string | null
  /** When the current claim was taken (status "approving"). */
  decidedAt: Date | null
}

export type ReviewRefusal = 'own-request' | 'own-text' | 'decided'

/** Why this reviewer may not approve or send back this request, or null when they may. */
export function reviewRefusal(review: ReviewFacts, reviewerId: string, now: Date): ReviewRefusal | null {
  if (review.requestedById === reviewerId) return 'own-request'
  if (review.lastEditorId === reviewerId) return 'own-text'
  if (!isClaimable(review, now)) return 'decided'
  return null
}

export function isClaimable(review: Pick<ReviewFacts, 'status' | 'decidedAt'>, now: Date): boolean {
  if (review.status === 'open') return true
  return review.status === 'approving' && review.decidedAt !== null && now.getTime() - review.decidedAt.getTime() > STALE_CLAIM_MS
}

/** What the publish button does: publish at once, or ask another trainer first. */
export function publishMode(reviewRequired: boolean): 'publish' | 'request-review' {
  return reviewRequired ? 'request-review' : 'publish'
}

export const MAX_REVIEW_COMMENT = 2_000
