// Check-ins and the flags trainers and hall managers see: the schedule is a pure function of the start day,
// the planned end and the template's cadence (weekly in the first month, then every two weeks by default);
// a check-in is overdue once its day has ended in Shanghai; a pairing stalls after N days without a sign-off.
import { hallDay } from '../dates'
import type { CheckInCadence } from './checklist-schema'
import { addDays, daysBetween } from './days'
import type { MentoringLimits } from './limits'

/** The days of check-ins 1…N. At least one, on the planned end, however short the pairing. */
export function checkInSchedule(startDay: string, plannedEndDay: string, cadence: CheckInCadence): string[] {
  const length = daysBetween(startDay, plannedEndDay)
  const offsets: number[] = []
  let offset = 0
  while (true) {
    offset += offset + 7 <= cadence.weeklyForDays ? 7 : cadence.thenEveryDays
    if (offset > length) break
    offsets.push(offset)
  }
  if (offsets.length === 0) offsets.push(Math.max(length, 0))
  return offsets.map((days) => addDays(startDay, days))
}

export type PairingStatus = 'active' | 'completed' | 'ended'

export interface PairingFacts {
  status: PairingStatus
  startDay: string
  plannedEndDay: string
  cadence: CheckInCadence
  /** Numbers (1-based) of the check-ins already recorded by the mentor. */
  checkInsDone: readonly number[]
  itemsTotal: number
  itemsSigned: number
  /** The hall day of the latest sign-off, or null when nothing has been signed yet. */
  lastSignOffDay: string | null
}

export type PairingFlag =
  | { kind: 'checkInOverdue'; number: number; dueDay: string; daysLate: number }
  | { kind: 'stalled'; sinceDay: string; days: number }

/** The first scheduled check-in not yet recorded, or null when all are done. */
export function nextCheckIn(facts: Pick<PairingFacts, 'startDay' | 'plannedEndDay' | 'cadence' | 'checkInsDone'>): { number: number; dueDay: string } | null {
  const schedule = checkInSchedule(facts.startDay, facts.plannedEndDay, facts.cadence)
  const index = schedule.findIndex((_, i) => !facts.checkInsDone.includes(i + 1))
  return index < 0 ? null : { number: index + 1, dueDay: schedule[index] }
}

export function pairingFlags(facts: PairingFacts, now: Date, limits: Pick<MentoringLimits, 'stalledAfterDays'>): PairingFlag[] {
  if (facts.status !== 'active') return []
  const today = hallDay(now)
  const flags: PairingFlag[] = []
  const next = nextCheckIn(facts)
  if (next && today > next.dueDay) flags.push({ kind: 'checkInOverdue', number: next.number, dueDay: next.dueDay, daysLate: daysBetween(next.dueDay, today) })
  const since = facts.lastSignOffDay ?? facts.startDay
  const quiet = daysBetween(since, today)
  if (facts.itemsSigned < facts.itemsTotal && quiet >= limits.stalledAfterDays) flags.push({ kind: 'stalled', sinceDay: since, days: quiet })
  return flags
}

/** Complete: every item signed and the last scheduled check-in recorded. */
export function isPairingComplete(facts: Pick<PairingFacts, 'startDay' | 'plannedEndDay' | 'cadence' | 'checkInsDone' | 'itemsTotal' | 'itemsSigned'>): boolean {
  const schedule = checkInSchedule(facts.startDay, facts.plannedEndDay, facts.cadence)
  return facts.itemsTotal > 0 && facts.itemsSigned >= facts.itemsTotal && facts.checkInsDone.includes(schedule.length)
}

export const PAIRING_FILTERS = ['on_track', 'checkin_overdue', 'stalled', 'completed', 'ended'] as const
export type PairingFilter = (typeof PAIRING_FILTERS)[number]

/** The filters a pairing shows under: an active pairing with both flags is under both. */
export function filtersOf(status: PairingStatus, flags: readonly PairingFlag[]): PairingFilter[] {
  if (status === 'completed') return ['completed']
  if (status === 'ended') return ['ended']
  if (flags.length === 0) return ['on_track']
  return flags.map((f) => (f.kind === 'stalled' ? 'stalled' : 'checkin_overdue'))
}
