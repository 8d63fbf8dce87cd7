// The lists of pairings each role sees: a trainer's or manager's pairings in scope (with every flag's reason),
// a mentor's mentees with what waits for their sign-off, a mentee's own checklist, and the pairing form's choices.
import { sql } from 'kysely' // a literal LIMIT: SQLite re-plans a statement with a bound one on every run (decision 0034)
import { PAIRING_FILTERS, type PairingFilter } from '~/core/mentoring/check-ins'
import { isNewHire } from '~/core/people'
import { branchPathOf } from '~/core/pairing'
import { unitScopeOf, type Viewer } from '~/core/permissions'
import { prisma } from './db.server'
import { preparedRead } from './kysely.server'
import { hallsUnder } from './people.server'
import { pairingSelect, pairingStates, type PairingRow, type PairingState } from './pairing-state.server'
import { instant, instantOrNull } from './stored.server'

const inScope = (viewer: Viewer) => ({ OR: unitScopeOf(viewer).map((prefix) => ({ path: { startsWith: prefix } })) })

/**
 * Every pairing whose mentee works in the viewer's scope, newest first, with the count under each filter; or only
 * under one unit of theirs (`unitPath`, checked for scope by the caller: the list behind that unit's overview figures).
 */
export async function pairingsInScope(viewer: Viewer, filter: PairingFilter | null, now: Date, unitPath?: string) {
  if (unitScopeOf(viewer).length === 0) return { pairings: [], counts: Object.fromEntries(PAIRING_FILTERS.map((f) => [f, 0])) as Record<PairingFilter, number> }
  const hall = unitPath === undefined ? inScope(viewer) : { path: { startsWith: unitPath } }
  const rows = await prisma.pairing.findMany({ where: { mentee: { hall } }, select: pairingSelect, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] })
  const states = await pairingStates(rows, now)
  const counts = Object.fromEntries(PAIRING_FILTERS.map((f) => [f, states.filter((s) => s.filters.includes(f)).length])) as Record<PairingFilter, number>
  return { pairings: filter ? states.filter((s) => s.filters.includes(filter)) : states, counts }
}

/** The active pairings whose mentee works under a unit, with their flags (the managers' overview counts them). */
export async function activePairingsUnder(unitPath: string, now: Date) {
  // the ids by the hall path's range first (an index seek): Prisma's nested filter on the mentee's hall scanned
  // every user (20–30 ms on the scale organisation with no pairing in it)
  const { from, to } = hallsUnder(unitPath)
  const ids = (await activePairingIdsUnder(from, to)).map((r) => r.id)
  if (ids.length === 0) return []
  const rows = await prisma.pairing.findMany({ where: { id: { in: ids } }, select: pairingSelect })
  return pairingStates(rows, now)
}

const activePairingIdsUnder = preparedRead((q, from: string, to: string) =>
  q
    .selectFrom('Pairing as p')
    .innerJoin('User as u', 'u.id', 'p.menteeId')
    .innerJoin('OrgUnit as h', 'h.id', 'u.hallId')
    .where('p.status', '=', 'active')
    .where('h.path', '>=', from)
    .where('h.path', '<', to)
    .select('p.id'),
)

export interface WaitingItem {
  pairingId: string
  mentee: string
  itemId: string
  title: PairingState['items'][number]['title']
  observe: PairingState['items'][number]['observe']
  week: number
  note: string
  practisedAt: Date
  quizBlocked: boolean
}

/** A mentor's pairings (active, then completed) and the items their mentees marked practised, oldest first. */
export async function mentorDashboard(mentorId: string, passedByMentee: (menteeId: string) => Promise<string[]>, now: Date) {
  const rows = await prisma.pairing.findMany({ where: { mentorId, status: { in: ['active', 'completed'] } }, select: pairingSelect, orderBy: [{ status: 'asc' }, { createdAt: 'desc' }] })
  const states = await pairingStates(rows, now)
  const active = states.filter((s) => s.pairing.status === 'active')
  const passedOf = await Promise.all(active.map((s) => passedByMentee(s.pairing.menteeId)))
  const waiting: WaitingItem[] = active
    .flatMap((s, i) => {
      const passed = passedOf[i]
      return s.items
        .filter((item) => item.state === 'practised')
        .map((item) => {
          const last = item.events[item.events.length - 1]
          return { pairingId: s.pairing.id, mentee: s.pairing.mentee.name, itemId: item.id, title: item.title, observe: item.observe, week: item.week, note: last?.note ?? '', practisedAt: last?.createdAt ?? now, quizBlocked: Boolean(item.quiz && !passed.includes(item.quiz)) }
        })
    })
    .sort((a, b) => a.practisedAt.getTime() - b.practisedAt.getTime())
  return { pairings: states, waiting }
}

const menteePairingRows = preparedRead((q, menteeId: string) =>
  q
    .selectFrom('Pairing as p')
    .innerJoin('User as mentor', 'mentor.id', 'p.mentorId')
    .leftJoin('OrgUnit as mentorHall', 'mentorHall.id', 'mentor.hallId')
    .innerJoin('User as mentee', 'mentee.id', 'p.menteeId')
    .leftJoin('OrgUnit as menteeHall', 'menteeHall.id', 'mentee.hallId')
    .innerJoin('ChecklistVersion as v', 'v.id', 'p.checklistVersionId')
    .select(['p.id', 'p.chainId', 'p.previousId', 'p.status', 'p.startDay', 'p.plannedEndDay', 'p.sameBranchReason', 'p.createdAt', 'p.endedAt', 'p.endReason', 'p.completedAt'])
    .select(['p.mentorId', 'p.menteeId', 'p.checklistVersionId', 'v.templateId', 'v.number as versionNumber', 'v.titleZh', 'v.titleEn', 'v.definition'])
    .select(['mentor.username as mentorUsername', 'mentor.name as mentorName', 'mentorHall.code as mentorHallCode', 'mentorHall.nameZh as mentorHallZh', 'mentorHall.nameEn as mentorHallEn', 'mentorHall.path as mentorHallPath'])
    .select(['mentee.username as menteeUsername', 'mentee.name as menteeName', 'menteeHall.code as menteeHallCode', 'menteeHall.nameZh as menteeHallZh', 'menteeHall.nameEn as menteeHallEn', 'menteeHall.path as menteeHallPath'])
    .where('p.menteeId', '=', menteeId)
    .where('p.status', 'in', ['active', 'completed'])
    .orderBy('p.status', 'asc') // 'active' before 'completed'
    .orderBy('p.createdAt', 'desc')
    .orderBy('p.id', 'asc')
    .limit(sql.lit(1)),
)

type HallColumns = { code: string | null; nameZh: string | null; nameEn: string | null; path: string | null }
const hallOf = (h: HallColumns) => (h.code === null || h.nameZh === null || h.nameEn === null || h.path === null ? null : { code: h.code, nameZh: h.nameZh, nameEn: h.nameEn, path: h.path })

/**
 * The mentee's current pairing (active), or the latest one when none is active; null when never paired. One
 * prepared read of the pairing with both people and the checklist version: every clerk's /learn asks it.
 */
export async function menteePairing(menteeId: string, now: Date): Promise<PairingState | null> {
  const [r] = await menteePairingRows(menteeId)
  if (!r) return null
  const row: PairingRow = {
    ...{ id: r.id, chainId: r.chainId, previousId: r.previousId, status: r.status, startDay: r.startDay, plannedEndDay: r.plannedEndDay, sameBranchReason: r.sameBranchReason },
    ...{ createdAt: instant(r.createdAt), endedAt: instantOrNull(r.endedAt), endReason: r.endReason, completedAt: instantOrNull(r.completedAt), mentorId: r.mentorId, menteeId: r.menteeId },
    mentor: { id: r.mentorId, username: r.mentorUsername, name: r.mentorName, hall: hallOf({ code: r.mentorHallCode, nameZh: r.mentorHallZh, nameEn: r.mentorHallEn, path: r.mentorHallPath }) },
    mentee: { id: r.menteeId, username: r.menteeUsername, name: r.menteeName, hall: hallOf({ code: r.menteeHallCode, nameZh: r.menteeHallZh, nameEn: r.menteeHallEn, path: r.menteeHallPath }) },
    checklistVersion: { id: r.checklistVersionId, templateId: r.templateId, number: r.versionNumber, titleZh: r.titleZh, titleEn: r.titleEn, definition: r.definition },
  }
  return (await pairingStates([row], now))[0]
}

/** The earlier pairings of a chain (reassignments), oldest first, for a pairing's history. */
export async function chainHistory(chainId: string) {
  return prisma.pairing.findMany({
    where: { chainId },
    select: { id: true, status: true, createdAt: true, endedAt: true, endReason: true, sameBranchReason: true, mentor: { select: { id: true, name: true, username: true } } },
    orderBy: { createdAt: 'asc' },
  })
}

/** The form's choices: new hires in scope (those already paired marked), mentors in the same branches, templates. */
export async function pairingChoices(viewer: Viewer, now: Date) {
  if (unitScopeOf(viewer).length === 0) return { mentees: [], mentors: [], templates: [] }
  const people = await prisma.user.findMany({
    where: { active: true, hall: inScope(viewer), roles: { some: { role: 'clerk' } } },
    select: { id: true, username: true, name: true, hireDate: true, hall: { select: { path: true, nameZh: true, nameEn: true } }, roles: { select: { role: true } }, menteePairings: { where: { status: 'active' }, select: { id: true } } },
    orderBy: { username: 'asc' },
  })
  const mentees = people.filter((p) => isNewHire(p.hireDate, now)).map((p) => ({ username: p.username, name: p.name, hall: p.hall, paired: p.menteePairings.length > 0 }))
  const branches = [...new Set(people.flatMap((p) => (p.hall ? [branchPathOf(p.hall.path)] : [])))]
  const mentorRows = await prisma.user.findMany({
    where: { active: true, roles: { some: { role: 'mentor' } }, OR: branches.map((b) => ({ hall: { path: { startsWith: b } } })) },
    select: { username: true, name: true, hall: { select: { path: true, nameZh: true, nameEn: true } }, _count: { select: { mentorPairings: { where: { status: 'active' } } } } },
    orderBy: { username: 'asc' },
  })
  const templates = await prisma.checklistTemplate.findMany({ where: { currentVersionId: { not: null } }, select: { id: true, currentVersion: { select: { titleZh: true, titleEn: true } } }, orderBy: { id: 'asc' } })
  return {
    mentees,
    mentors: mentorRows.map((m) => ({ username: m.username, name: m.name, hall: m.hall, active: m._count.mentorPairings })),
    templates: templates.flatMap((t) => (t.currentVersion ? [{ id: t.id, titleZh: t.currentVersion.titleZh, titleEn: t.currentVersion.titleEn }] : [])),
  }
}
