// Changing a checklist item: the mentee marks it practised, the paired mentor signs it off, sends it back or
// amends a sign-off. Each is check-then-write in ONE transaction that first touches the pairing row (writers
// on one pairing queue there); a sign-off also carries a unique key, so a double tap or 50 parallel requests
// record one sign-off. Who may do what is decided in app/core/mentoring/sign-off.ts.
import { itemsOf } from '~/core/mentoring/checklist-schema'
import { amendRefusal, isItemEventKind, itemStates, markRefusal, sendBackRefusal, signRefusal, type ItemAction, type ItemRefusal } from '~/core/mentoring/sign-off'
import type { PrismaClient } from '~/generated/prisma/client'
import { passedQuizIds } from './courses.server'
import { isUniqueViolation, prisma } from './db.server'
import { completeIfDone } from './pairing-completion.server'
import { templateOf } from './pairing-state.server'

export type ItemChange = 'practised' | 'signed' | 'sent_back' | 'amended'
export type ItemChangeResult = { ok: true; duplicate: boolean } | { ok: false; refusal: ItemRefusal | 'unknownPairing' }

const RULES: Record<ItemChange, (a: ItemAction) => ItemRefusal | null> = {
  practised: markRefusal,
  signed: signRefusal,
  sent_back: sendBackRefusal,
  amended: amendRefusal,
}

class Refused extends Error {
  constructor(readonly refusal: ItemRefusal) {
    super(refusal)
  }
}

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]

async function stateInside(tx: Tx, chainId: string, itemIds: string[], itemId: string) {
  const events = await tx.pairingEvent.findMany({ where: { chainId, itemId }, select: { itemId: true, kind: true }, orderBy: { id: 'asc' } })
  const known = events.flatMap((e) => (e.itemId && isItemEventKind(e.kind) ? [{ itemId: e.itemId, kind: e.kind }] : []))
  return itemStates(itemIds, known).get(itemId)
}

/**
 * Records one change to one item of a pairing, as `actorId`, if the rules allow it now. A repeat of a change
 * that already happened (a second tap on "sign", on "practised") is reported as a duplicate, not an error.
 */
export async function changeItem(actorId: string, pairingId: string, itemId: string, change: ItemChange, note: string, now: Date): Promise<ItemChangeResult> {
  const pairing = await prisma.pairing.findUnique({ where: { id: pairingId }, select: { id: true, chainId: true, menteeId: true, checklistVersion: { select: { id: true, definition: true } } } })
  if (!pairing) return { ok: false, refusal: 'unknownPairing' }
  const template = templateOf(pairing.checklistVersion)
  const item = itemsOf(template).find((i) => i.id === itemId)
  const itemIds = itemsOf(template).map((i) => i.id)
  // Read on the learner pages' own query; a pass is never taken back, so reading it before the transaction is safe.
  const passed = item?.quiz && change === 'signed' ? await passedQuizIds(pairing.menteeId) : []
  try {
    await prisma.$transaction(async (tx) => {
      const current = await tx.pairing.update({ where: { id: pairingId }, data: { lastActivityAt: now }, select: { mentorId: true, menteeId: true, status: true } })
      const state = item ? await stateInside(tx, pairing.chainId, itemIds, itemId) : undefined
      const action: ItemAction = {
        actorId,
        pairing: { mentorId: current.mentorId, menteeId: current.menteeId, active: current.status === 'active' },
        state,
        quizId: item?.quiz,
        passedQuizIds: passed,
      }
      const refusal = RULES[change](action)
      if (refusal) throw new Refused(refusal)
      await tx.pairingEvent.create({
        data: { pairingId, chainId: pairing.chainId, itemId, kind: change, actorId, note, signOffKey: change === 'signed' ? `${pairing.chainId}:${itemId}` : null, createdAt: now },
      })
      if (change === 'signed') await completeIfDone(tx, pairingId, now)
    })
    return { ok: true, duplicate: false }
  } catch (error) {
    const refusal = error instanceof Refused ? error.refusal : isUniqueViolation(error) ? 'alreadySigned' : null
    if (!refusal) throw error
    const repeated = (change === 'signed' && refusal === 'alreadySigned') || (change === 'practised' && refusal === 'alreadyPractised')
    return repeated ? { ok: true, duplicate: true } : { ok: false, refusal }
  }
}
