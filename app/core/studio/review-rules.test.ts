import { isClaimable, publishMode, reviewRefusal, STALE_CLAIM_MS } from './review-rules'

const now = new Date('2026-11-30T06:00:00Z')
const ago = (ms: number) => new Date(now.getTime() - ms)

describe('who may decide a review', () => {
  it.each([
    { case: 'another trainer, open request', status: 'open', requested: 'a', editor: 'a', reviewer: 'b', at: null, refusal: null },
    { case: 'the requester themself', status: 'open', requested: 'a', editor: 'a', reviewer: 'a', at: null, refusal: 'own-request' },
    { case: 'the last editor (someone else asked)', status: 'open', requested: 'a', editor: 'b', reviewer: 'b', at: null, refusal: 'own-text' },
    { case: 'a draft nobody edited since (published base)', status: 'open', requested: 'a', editor: null, reviewer: 'b', at: null, refusal: null },
    { case: 'already approved', status: 'approved', requested: 'a', editor: 'a', reviewer: 'b', at: ago(1), refusal: 'decided' },
    { case: 'sent back for changes', status: 'changes', requested: 'a', editor: 'a', reviewer: 'b', at: ago(1), refusal: 'decided' },
    { case: 'stale (draft changed after the request)', status: 'stale', requested: 'a', editor: 'a', reviewer: 'b', at: ago(1), refusal: 'decided' },
    { case: 'being published by another approval', status: 'approving', requested: 'a', editor: 'a', reviewer: 'c', at: ago(1000), refusal: 'decided' },
    { case: 'an approval that crashed long ago', status: 'approving', requested: 'a', editor: 'a', reviewer: 'c', at: ago(STALE_CLAIM_MS + 1), refusal: null },
  ])('$case → $refusal', (c) =>
    expect(reviewRefusal({ status: c.status, requestedById: c.requested, lastEditorId: c.editor, decidedAt: c.at }, c.reviewer, now)).toBe(c.refusal))
})

it.each([
  { status: 'open', at: null, claimable: true },
  { status: 'approving', at: ago(STALE_CLAIM_MS), claimable: false }, // exactly at the limit: still held
  { status: 'approving', at: null, claimable: false },
  { status: 'approved', at: ago(STALE_CLAIM_MS * 10), claimable: false },
])('status $status claimed at $at → claimable $claimable', (c) => expect(isClaimable({ status: c.status, decidedAt: c.at }, now)).toBe(c.claimable))

it.each([
  { on: false, mode: 'publish' },
  { on: true, mode: 'request-review' },
])('review required $on → the button does $mode', (c) => expect(publishMode(c.on)).toBe(c.mode))
