// Recording check-ins: the mentor's note makes the next scheduled check-in done (once, whatever the number of
// submits); the mentee's reflection is written beside it until then. The last one may complete the pairing.
import { nextCheckIn } from '~/core/mentoring/check-ins'
import { prisma } from './db.server'
import { completeIfDone } from './pairing-completion.server'
import { templateOf } from './pairing-state.server'

export type CheckInRefusal = 'unknownPairing' | 'notYourMentee' | 'notYourChecklist' | 'pairingClosed' | 'notNext'
export type CheckInResult = { ok: true; duplicate: boolean; completed: boolean } | { ok: false; refusal: CheckInRefusal }

class Refused extends Error {
  constructor(readonly refusal: CheckInRefusal) {
    super(refusal)
  }
}

/** As the mentor (`mentorNote`) or the mentee (`reflection`), on check-in `number`, which must be the next one due. */
export async function writeCheckIn(actorId: string, pairingId: string, number: number, field: 'mentorNote' | 'reflection', text: string, now: Date): Promise<CheckInResult> {
  try {
    return await prisma.$transaction(async (tx) => {
      const pairing = await tx.pairing.update({
        where: { id: pairingId },
        data: { lastActivityAt: now },
        select: { chainId: true, mentorId: true, menteeId: true, status: true, startDay: true, plannedEndDay: true, checklistVersion: { select: { id: true, definition: true } } },
      })
      if (field === 'mentorNote' && actorId !== pairing.mentorId) throw new Refused('notYourMentee')
      if (field === 'reflection' && actorId !== pairing.menteeId) throw new Refused('notYourChecklist')
      const existing = await tx.checkIn.findUnique({ where: { chainId_number: { chainId: pairing.chainId, number } } })
      if (field === 'mentorNote' && existing?.doneAt) return { ok: true as const, duplicate: true, completed: false }
      if (pairing.status !== 'active') throw new Refused('pairingClosed')
      const done = await tx.checkIn.findMany({ where: { chainId: pairing.chainId, doneAt: { not: null } }, select: { number: true } })
      const next = nextCheckIn({ startDay: pairing.startDay, plannedEndDay: pairing.plannedEndDay, cadence: templateOf(pairing.checklistVersion).checkIns, checkInsDone: done.map((c) => c.number) })
      if (!next || next.number !== number) throw new Refused('notNext')
      const data =
        field === 'mentorNote' ? { mentorNote: text, mentorId: actorId, pairingId, doneAt: now } : { reflection: text, reflectedAt: now }
      await tx.checkIn.upsert({
        where: { chainId_number: { chainId: pairing.chainId, number } },
        create: { chainId: pairing.chainId, number, dueDay: next.dueDay, ...data },
        update: data,
      })
      const completed = field === 'mentorNote' ? await completeIfDone(tx, pairingId, now) : false
      return { ok: true as const, duplicate: false, completed }
    })
  } catch (error) {
    if (error instanceof Refused) return { ok: false, refusal: error.refusal }
    if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2025') return { ok: false, refusal: 'unknownPairing' }
    throw error
  }
}
