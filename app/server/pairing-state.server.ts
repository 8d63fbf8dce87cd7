// One read of where a mentoring chain stands: its pairing, the checklist version it runs on, every item's
// state with the sign-off and its amendments, the check-ins against the schedule, the flags. Every mentoring
// page (mentor, mentee, managers) and the evidence read it through here.
import { hallDay } from '~/core/dates'
import { ChecklistTemplateSchema, itemsOf, type ChecklistItem, type ChecklistTemplate } from '~/core/mentoring/checklist-schema'
import { checkInSchedule, filtersOf, nextCheckIn, pairingFlags, type PairingFilter, type PairingFlag, type PairingStatus } from '~/core/mentoring/check-ins'
import { isItemEventKind, itemStates, type ItemState } from '~/core/mentoring/sign-off'
import { prisma } from './db.server'
import { preparedRead } from './kysely.server'
import { mentoringLimits } from './mentoring-limits.server'
import { instant, instantOrNull } from './stored.server'

const personSelect = { id: true, username: true, name: true, hall: { select: { code: true, nameZh: true, nameEn: true, path: true } } } as const

export const pairingSelect = {
  id: true,
  chainId: true,
  previousId: true,
  status: true,
  startDay: true,
  plannedEndDay: true,
  sameBranchReason: true,
  createdAt: true,
  endedAt: true,
  endReason: true,
  completedAt: true,
  mentorId: true,
  menteeId: true,
  mentor: { select: personSelect },
  mentee: { select: personSelect },
  checklistVersion: { select: { id: true, templateId: true, number: true, titleZh: true, titleEn: true, definition: true } },
} as const

export interface ItemEventRow {
  id: number
  pairingId: string
  itemId: string | null
  kind: string
  actorId: string
  note: string
  fromDay: string | null
  toDay: string | null
  createdAt: Date
}

const templates = new Map<string, ChecklistTemplate>()
/** A checklist version's definition, parsed once per process (versions never change). */
export function templateOf(version: { id: string; definition: string }): ChecklistTemplate {
  let template = templates.get(version.id)
  if (!template) {
    template = ChecklistTemplateSchema.parse(JSON.parse(version.definition))
    templates.set(version.id, template)
  }
  return template
}

const statusOf = (status: string): PairingStatus => (status === 'completed' || status === 'ended' ? status : 'active')


export interface ItemView extends ChecklistItem {
  week: number
  state: ItemState
  /** The latest word on the item: a practice note, a send-back reason, or the sign-off's observation. */
  events: ItemEventRow[]
}

export interface CheckInView {
  number: number
  dueDay: string
  done: boolean
  mentorNote: string | null
  doneAt: Date | null
  reflection: string | null
  overdue: boolean
}

export type PairingRow = NonNullable<Awaited<ReturnType<typeof findPairing>>>

export function findPairing(id: string) {
  return prisma.pairing.findUnique({ where: { id }, select: pairingSelect })
}

const chainEventRows = preparedRead((q, chainIds: readonly string[]) =>
  q.selectFrom('PairingEvent').select(['id', 'pairingId', 'chainId', 'itemId', 'kind', 'actorId', 'note', 'fromDay', 'toDay', 'createdAt']).where('chainId', 'in', chainIds).orderBy('id', 'asc'),
)

/** Every event of these chains (practised, sent back, signed, amended, moved…), oldest first. Prepared: /learn reads it for every mentee. */
async function chainEvents(chainIds: readonly string[]): Promise<Array<ItemEventRow & { chainId: string }>> {
  return (await chainEventRows(chainIds)).map((e) => ({ ...e, id: Number(e.id), createdAt: instant(e.createdAt) }))
}

const chainCheckInRows = preparedRead((q, chainIds: readonly string[]) =>
  q.selectFrom('CheckIn').select(['chainId', 'number', 'doneAt', 'mentorNote', 'reflection']).where('chainId', 'in', chainIds).orderBy('number', 'asc'),
)

/** The check-ins held in these chains, by number. */
async function chainCheckIns(chainIds: readonly string[]) {
  return (await chainCheckInRows(chainIds)).map((c) => ({ ...c, doneAt: instantOrNull(c.doneAt) }))
}

/** Items, check-ins, flags and progress of many pairings: two prepared reads besides the pairings' own, whatever their number. */
export async function pairingStates(pairings: readonly PairingRow[], now: Date) {
  const chainIds = [...new Set(pairings.map((p) => p.chainId))]
  const [events, checkIns] = chainIds.length ? await Promise.all([chainEvents(chainIds), chainCheckIns(chainIds)]) : [[], []]
  const limits = mentoringLimits()
  const today = hallDay(now)
  return pairings.map((pairing) => {
    const template = templateOf(pairing.checklistVersion)
    const mine = events.filter((e) => e.chainId === pairing.chainId)
    const itemEvents = mine.flatMap((e) => (e.itemId !== null && isItemEventKind(e.kind) ? [{ ...e, itemId: e.itemId, kind: e.kind }] : []))
    const states = itemStates(itemsOf(template).map((i) => i.id), itemEvents)
    const items: ItemView[] = itemsOf(template).map((item) => ({ ...item, state: states.get(item.id) ?? 'open', events: itemEvents.filter((e) => e.itemId === item.id) }))
    const signOffs = itemEvents.filter((e) => e.kind === 'signed')
    const myCheckIns = checkIns.filter((c) => c.chainId === pairing.chainId)
    const done = myCheckIns.filter((c) => c.doneAt !== null).map((c) => c.number)
    const facts = {
      status: statusOf(pairing.status),
      startDay: pairing.startDay,
      plannedEndDay: pairing.plannedEndDay,
      cadence: template.checkIns,
      checkInsDone: done,
      itemsTotal: items.length,
      itemsSigned: signOffs.length,
      lastSignOffDay: signOffs.length ? hallDay(signOffs[signOffs.length - 1].createdAt) : null,
    }
    const flags: PairingFlag[] = pairingFlags(facts, now, limits)
    const schedule: CheckInView[] = checkInSchedule(pairing.startDay, pairing.plannedEndDay, template.checkIns).map((dueDay, i) => {
      const row = myCheckIns.find((c) => c.number === i + 1)
      return { number: i + 1, dueDay, done: Boolean(row?.doneAt), mentorNote: row?.mentorNote ?? null, doneAt: row?.doneAt ?? null, reflection: row?.reflection ?? null, overdue: !row?.doneAt && today > dueDay }
    })
    const filters: PairingFilter[] = filtersOf(facts.status, flags)
    return {
      pairing,
      template: { id: pairing.checklistVersion.templateId, number: pairing.checklistVersion.number, titleZh: template.title.zh, titleEn: template.title.en, weeks: template.weeks.map((w) => ({ week: w.week, title: w.title })) },
      items,
      signed: signOffs.length,
      total: items.length,
      checkIns: schedule,
      next: nextCheckIn(facts),
      flags,
      filters,
      history: mine.filter((e) => e.kind === 'extended'),
    }
  })
}

export type PairingState = Awaited<ReturnType<typeof pairingStates>>[number]

export async function pairingState(id: string, now: Date): Promise<PairingState | null> {
  const pairing = await findPairing(id)
  return pairing ? (await pairingStates([pairing], now))[0] : null
}
