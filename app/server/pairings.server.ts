// Running pairings: pair a new hire with a mentor, extend the planned end, reassign to another mentor — each
// checked by the rules in app/core/pairing.ts inside ONE transaction — and the two facts star certification
// reads as evidence (checklist signed off; mentored a new hire to completion).
import { randomUUID } from 'node:crypto'
import { addDays, isCalendarDay } from '~/core/mentoring/days'
import { pairingRefusals, type PairingField, type PairingRefusalCode } from '~/core/pairing'
import { canManagePairingsIn, type Viewer } from '~/core/permissions'
import { distinctRoles, isRole } from '~/core/roles'
import { checkThenWrite, isUniqueViolation, prisma } from './db.server'
import { preparedReadFor, type TransactionReader } from './kysely.server'
import { mentoringLimits } from './mentoring-limits.server'
import { defaultStarLevels, type StarLevelProvider } from './mentor-star-levels.server'
import { templateOf } from './pairing-state.server'
import { forbidden, notFound } from './responses.server'
import { storedInstant } from './stored.server'

export type FormErrors = Partial<Record<string, string>>
export type PairingWriteResult = { ok: true; id: string; duplicate: boolean } | { ok: false; errors: FormErrors }

const FIELD_OF: Record<PairingField, string> = { menteeId: 'mentee', mentorId: 'mentor', sameBranchReason: 'sameBranchReason' }
const refusalErrors = (refusals: ReadonlyArray<{ field: PairingField; code: PairingRefusalCode }>): FormErrors =>
  Object.fromEntries(refusals.map((r) => [FIELD_OF[r.field], `mentoring.refusals.${r.code}`]))

class Refused extends Error {
  constructor(readonly errors: FormErrors) {
    super('refused')
  }
}

async function person(username: string) {
  const row = await prisma.user.findUnique({
    where: { username },
    select: { id: true, active: true, hall: { select: { path: true } }, roles: { select: { role: true } } },
  })
  return row?.active ? { id: row.id, hallPath: row.hall?.path ?? null, roles: distinctRoles(row.roles.map((r) => r.role).filter(isRole)) } : null
}

type Person = NonNullable<Awaited<ReturnType<typeof person>>>
type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0]
/** The app's client, or the transaction a caller reads its evidence in (star approval). */

/** The rule, with the counts read inside the caller's transaction. */
async function refusalsInside(tx: Tx, mentee: Person, mentor: Person, starLevel: number | undefined, sameBranchReason: string, replacing?: { mentorId: string }) {
  const [menteeActive, mentorActive] = await Promise.all([
    tx.pairing.count({ where: { menteeId: mentee.id, status: 'active' } }),
    tx.pairing.count({ where: { mentorId: mentor.id, status: 'active' } }),
  ])
  return pairingRefusals(
    {
      mentee: { id: mentee.id, hallPath: mentee.hallPath, activePairings: replacing ? 0 : menteeActive },
      mentor: { id: mentor.id, roles: mentor.roles, hallPath: mentor.hallPath, starLevel, activeMentees: mentorActive },
      sameBranchReason,
      replacingMentorId: replacing?.mentorId,
    },
    mentoringLimits(),
  )
}

export interface NewPairing {
  mentee: string
  mentor: string
  templateId: string
  startDay: string
  sameBranchReason: string
  requestKey: string
}

export async function createPairing(viewer: Viewer, input: NewPairing, now: Date, starLevels: StarLevelProvider = defaultStarLevels): Promise<PairingWriteResult> {
  const earlier = await prisma.pairing.findUnique({ where: { requestKey: input.requestKey }, select: { id: true } })
  if (earlier) return { ok: true, id: earlier.id, duplicate: true }
  const [mentee, mentor, template] = await Promise.all([
    person(input.mentee),
    person(input.mentor),
    prisma.checklistTemplate.findUnique({ where: { id: input.templateId }, select: { currentVersion: { select: { id: true, definition: true } } } }),
  ])
  if (!mentee) return { ok: false, errors: { mentee: 'mentoring.errors.unknownPerson' } }
  if (!mentee.hallPath || !canManagePairingsIn(viewer, mentee.hallPath)) forbidden('mentee out of scope')
  if (!mentor) return { ok: false, errors: { mentor: 'mentoring.errors.unknownPerson' } }
  if (!template?.currentVersion) return { ok: false, errors: { templateId: 'mentoring.errors.unknownTemplate' } }
  if (!isCalendarDay(input.startDay)) return { ok: false, errors: { startDay: 'mentoring.errors.notADate' } }
  const version = template.currentVersion
  const starLevel = (await starLevels([mentor.id], now)).get(mentor.id)
  const row = { checklistVersionId: version.id, startDay: input.startDay, plannedEndDay: addDays(input.startDay, templateOf(version).durationDays) }
  return writePairing(viewer, { mentee, mentor, starLevel }, input, row, now, {
    replacing: null,
    earlier: () => prisma.pairing.findUnique({ where: { requestKey: input.requestKey }, select: { id: true } }),
    // the same request key lost no race: another form paired this mentee first
    raceErrors: { mentee: 'mentoring.refusals.menteeTaken' },
  })
}

interface PairingWrite {
  /** The active pairing this one continues (a reassignment), ended in the same transaction. */
  replacing: { id: string; chainId: string; mentorId: string; reason: string } | null
  /** The pairing an earlier submit of the same form wrote, found after a unique-key race. */
  earlier: () => Promise<{ id: string } | null>
  /** Errors for a unique-key race with no earlier write; null: the race is not expected, rethrow. */
  raceErrors: FormErrors | null
}

/**
 * The write pairing and reassigning end with: the rule read inside ONE transaction with the write (so 50
 * parallel forms count each other), the old pairing ended when there is one, the new one created.
 */
async function writePairing(
  viewer: Viewer,
  who: { mentee: Person; mentor: Person; starLevel: number | undefined },
  input: { sameBranchReason: string; requestKey: string },
  row: { checklistVersionId: string; startDay: string; plannedEndDay: string },
  now: Date,
  write: PairingWrite,
): Promise<PairingWriteResult> {
  const { mentee, mentor, starLevel } = who
  const { replacing } = write
  const id = randomUUID()
  try {
    await checkThenWrite(async (tx) => {
      const refusals = await refusalsInside(tx, mentee, mentor, starLevel, input.sameBranchReason, replacing ?? undefined)
      if (refusals.length) throw new Refused(refusalErrors(refusals))
      if (replacing) {
        const ended = { status: 'ended', activeKey: null, endedAt: now, endReason: replacing.reason, lastActivityAt: now }
        const { count } = await tx.pairing.updateMany({ where: { id: replacing.id, status: 'active' }, data: ended })
        if (count === 0) throw new Refused({ mentor: 'mentoring.errors.notActive' })
      }
      await tx.pairing.create({
        data: {
          ...row,
          id,
          chainId: replacing?.chainId ?? id,
          previousId: replacing?.id ?? null,
          menteeId: mentee.id,
          mentorId: mentor.id,
          status: 'active',
          activeKey: mentee.id,
          sameBranchReason: input.sameBranchReason.trim() || null,
          createdById: viewer.id,
          requestKey: input.requestKey,
          createdAt: now,
          lastActivityAt: now,
        },
      })
    })
    return { ok: true, id, duplicate: false }
  } catch (error) {
    if (error instanceof Refused) return { ok: false, errors: error.errors }
    if (!isUniqueViolation(error)) throw error
    const again = await write.earlier()
    if (again) return { ok: true, id: again.id, duplicate: true }
    if (write.raceErrors) return { ok: false, errors: write.raceErrors }
    throw error
  }
}

/** The pairing, if the viewer runs pairings in its mentee's hall (403 for its mentor and mentee, 404 for anyone else or none). */
async function managedPairing(viewer: Viewer, pairingId: string) {
  const pairing = await prisma.pairing.findUnique({
    where: { id: pairingId },
    select: { id: true, chainId: true, status: true, plannedEndDay: true, startDay: true, mentorId: true, checklistVersionId: true, mentee: { select: { id: true, username: true, hall: { select: { path: true } } } } },
  })
  if (!pairing) notFound('no such pairing')
  if (!pairing.mentee.hall || !canManagePairingsIn(viewer, pairing.mentee.hall.path)) {
    // its mentor and mentee see it but do not manage it (403); anyone else is answered as for an unknown id
    if (viewer.id === pairing.mentorId || viewer.id === pairing.mentee.id) forbidden('pairing out of scope')
    notFound('no such pairing')
  }
  return pairing
}

export async function extendPairing(viewer: Viewer, pairingId: string, input: { endDay: string; reason: string }, now: Date): Promise<PairingWriteResult> {
  const pairing = await managedPairing(viewer, pairingId)
  if (!isCalendarDay(input.endDay)) return { ok: false, errors: { endDay: 'mentoring.errors.notADate' } }
  if (pairing.status !== 'active') return { ok: false, errors: { endDay: 'mentoring.errors.notActive' } }
  if (input.endDay === pairing.plannedEndDay) return { ok: true, id: pairingId, duplicate: true } // the same form sent twice
  if (input.endDay < pairing.plannedEndDay) return { ok: false, errors: { endDay: 'mentoring.errors.endNotLater' } }
  const changed = await prisma.$transaction(async (tx) => {
    const { count } = await tx.pairing.updateMany({ where: { id: pairingId, status: 'active', plannedEndDay: pairing.plannedEndDay }, data: { plannedEndDay: input.endDay, lastActivityAt: now } })
    if (count === 0) return false
    await tx.pairingEvent.create({ data: { pairingId, chainId: pairing.chainId, kind: 'extended', actorId: viewer.id, note: input.reason, fromDay: pairing.plannedEndDay, toDay: input.endDay, createdAt: now } })
    return true
  })
  return changed ? { ok: true, id: pairingId, duplicate: false } : { ok: false, errors: { endDay: 'mentoring.errors.changedMeanwhile' } }
}

export interface Reassignment {
  mentor: string
  reason: string
  sameBranchReason: string
  requestKey: string
}

/** Ends the pairing with a reason and continues the same checklist with another mentor: sign-offs stay valid. */
export async function reassignPairing(viewer: Viewer, pairingId: string, input: Reassignment, now: Date, starLevels: StarLevelProvider = defaultStarLevels): Promise<PairingWriteResult> {
  const old = await managedPairing(viewer, pairingId)
  const successor = await prisma.pairing.findUnique({ where: { previousId: pairingId }, select: { id: true } })
  if (successor) return { ok: true, id: successor.id, duplicate: true }
  if (old.status !== 'active') return { ok: false, errors: { mentor: 'mentoring.errors.notActive' } }
  const [mentee, mentor] = await Promise.all([person(old.mentee.username), person(input.mentor)])
  if (!mentor || !mentee) return { ok: false, errors: { mentor: 'mentoring.errors.unknownPerson' } }
  const starLevel = (await starLevels([mentor.id], now)).get(mentor.id)
  const row = { checklistVersionId: old.checklistVersionId, startDay: old.startDay, plannedEndDay: old.plannedEndDay }
  return writePairing(viewer, { mentee, mentor, starLevel }, input, row, now, {
    replacing: { id: old.id, chainId: old.chainId, mentorId: old.mentorId, reason: input.reason },
    earlier: () => prisma.pairing.findUnique({ where: { previousId: pairingId }, select: { id: true } }),
    raceErrors: null,
  })
}

// ---- Evidence for star certification (the coordinator wires these into the star rules) ----

const completedAsMenteeRows = preparedReadFor((q, userIds: readonly string[], at: string) =>
  q.selectFrom('Pairing').select('menteeId').where('menteeId', 'in', userIds).where('status', '=', 'completed').where('completedAt', '<=', at),
)

/** Per user: has a pairing of theirs as mentee completed (every item signed, last check-in done) by `now`? */
export async function checklistSignedOff(userIds: string[], now: Date, db: TransactionReader = prisma): Promise<Map<string, boolean>> {
  const done = userIds.length ? await completedAsMenteeRows(db, userIds, storedInstant(now)) : []
  const signed = new Set(done.map((p) => p.menteeId))
  return new Map(userIds.map((id) => [id, signed.has(id)]))
}

const completedAsMentorRows = preparedReadFor((q, userIds: readonly string[], at: string) =>
  q
    .selectFrom('Pairing')
    .select((eb) => ['mentorId', eb.fn.countAll<number | string | bigint>().as('n')]) // PostgreSQL's count is a bigint
    .where('mentorId', 'in', userIds)
    .where('status', '=', 'completed')
    .where('completedAt', '<=', at)
    .groupBy('mentorId'),
)

/** Per user: how many mentees they have mentored to completion by `now` (the mentor of the completing pairing counts). */
export async function mentoredToCompletionCount(userIds: string[], now: Date, db: TransactionReader = prisma): Promise<Map<string, number>> {
  const rows = userIds.length ? await completedAsMentorRows(db, userIds, storedInstant(now)) : []
  const counts = new Map(rows.map((r) => [r.mentorId, Number(r.n)]))
  return new Map(userIds.map((id) => [id, counts.get(id) ?? 0]))
}
