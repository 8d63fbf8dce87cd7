// When a pairing completes: every item signed and the last scheduled check-in recorded. Called inside the
// transaction of the sign-off or check-in that may have been the last one, so completion is recorded once.
import { isPairingComplete } from '~/core/mentoring/check-ins'
import { itemsOf } from '~/core/mentoring/checklist-schema'
import type { PrismaClient } from '~/generated/prisma/client'
import { templateOf } from './pairing-state.server'

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]

export async function completeIfDone(tx: Tx, pairingId: string, now: Date): Promise<boolean> {
  const pairing = await tx.pairing.findUniqueOrThrow({
    where: { id: pairingId },
    select: { chainId: true, status: true, startDay: true, plannedEndDay: true, checklistVersion: { select: { id: true, definition: true } } },
  })
  if (pairing.status !== 'active') return false
  const template = templateOf(pairing.checklistVersion)
  const [signed, done] = await Promise.all([
    tx.pairingEvent.count({ where: { chainId: pairing.chainId, kind: 'signed' } }),
    tx.checkIn.findMany({ where: { chainId: pairing.chainId, doneAt: { not: null } }, select: { number: true } }),
  ])
  const complete = isPairingComplete({
    startDay: pairing.startDay,
    plannedEndDay: pairing.plannedEndDay,
    cadence: template.checkIns,
    checkInsDone: done.map((c) => c.number),
    itemsTotal: itemsOf(template).length,
    itemsSigned: signed,
  })
  if (!complete) return false
  await tx.pairing.update({ where: { id: pairingId }, data: { status: 'completed', completedAt: now, activeKey: null } })
  return true
}
