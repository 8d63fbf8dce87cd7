// 服务明星 of the month: each hall's shortlist from the month's evidence (ranked by the pure rule in
// core/stars/star-of-month.ts with the ladder's weights), the manager's pick, and the pick shown in the hall.
import { hallDay } from '~/core/dates'
import { canManageStarsOf, type Viewer } from '~/core/permissions'
import { starOfMonthShortlist, type MonthRecord } from '~/core/stars/star-of-month'
import { isUniqueViolation, prisma } from '../db.server'
import { preparedRead } from '../kysely.server'
import { currentLadder } from './ladder.server'

export const monthOf = (now: Date) => hallDay(now).slice(0, 7)

/** The month's records of every clerk of a hall: complaints, ratings, inspections, quiz scores. */
async function monthRecords(hallId: string, month: string): Promise<MonthRecord[]> {
  const clerks = await prisma.user.findMany({ where: { hallId, active: true, roles: { some: { role: { in: ['clerk', 'mentor'] } } } }, select: { id: true, name: true } })
  const ids = clerks.map((c) => c.id)
  const [start, end] = [new Date(`${month}-01T00:00:00+08:00`), new Date(new Date(`${month}-01T00:00:00+08:00`).getTime() + 32 * 86_400_000)]
  const [complaints, ratings, inspections, attempts] = await Promise.all([
    prisma.complaint.findMany({ where: { userId: { in: ids }, liable: true, day: { startsWith: month } }, select: { userId: true } }),
    prisma.satisfactionMonth.findMany({ where: { userId: { in: ids }, month }, select: { userId: true, ratings: true, average: true } }),
    prisma.inspection.findMany({ where: { userId: { in: ids }, day: { startsWith: month } }, select: { userId: true, total: true } }),
    prisma.attempt.findMany({ where: { userId: { in: ids }, status: 'submitted', submittedAt: { gte: start, lt: end } }, select: { userId: true, percent: true, submittedAt: true } }),
  ])
  return clerks.map((c) => {
    const rating = ratings.find((r) => r.userId === c.id)
    const totals = inspections.filter((i) => i.userId === c.id).map((i) => i.total)
    const scores = attempts.filter((a) => a.userId === c.id && a.submittedAt && monthOf(a.submittedAt) === month).map((a) => a.percent ?? 0)
    return {
      userId: c.id,
      name: c.name,
      liableComplaints: complaints.filter((x) => x.userId === c.id).length,
      ratings: rating?.ratings ?? 0,
      satisfaction: rating?.average ?? null,
      inspection: totals.length ? totals.reduce((a, b) => a + b, 0) / totals.length : null,
      quiz: scores.length ? Math.max(...scores) : null,
    }
  })
}

export async function starOfMonthShortlistFor(hallId: string, month: string) {
  const ladder = await currentLadder()
  if (!ladder) return []
  return starOfMonthShortlist(await monthRecords(hallId, month), ladder.ladder.starOfMonth)
}

// one statement for the clerk's home (it was three Prisma reads: hall, pick, name)
const pickRows = preparedRead((q, hallPath: string, month: string) =>
  q
    .selectFrom('StarOfMonth as s')
    .innerJoin('OrgUnit as h', 'h.id', 's.hallId')
    .innerJoin('User as u', 'u.id', 's.userId')
    .select(['u.name'])
    .where('h.path', '=', hallPath)
    .where('s.month', '=', month),
)

/** The pick of the month for a hall, shown on its clerks' home. */
export async function starOfMonthPick(hallPath: string, now: Date): Promise<{ name: string; month: string } | null> {
  const month = monthOf(now)
  const [pick] = await pickRows(hallPath, month)
  return pick ? { name: pick.name, month } : null
}

export type PickResult = { ok: true } | { ok: false; error: 'forbidden' | 'not-listed' | 'already' }

/** The hall manager picks from the shortlist; one pick per hall and month (the first one stands). */
export async function pickStarOfMonth(viewer: Viewer, hallCode: string, userId: string, now: Date): Promise<PickResult> {
  const hall = await prisma.orgUnit.findUnique({ where: { code: hallCode }, select: { id: true, path: true, kind: true } })
  if (!hall || hall.kind !== 'hall' || !canManageStarsOf(viewer, hall.path)) return { ok: false, error: 'forbidden' }
  const month = monthOf(now)
  const entry = (await starOfMonthShortlistFor(hall.id, month)).find((e) => e.userId === userId)
  if (!entry) return { ok: false, error: 'not-listed' }
  try {
    await prisma.starOfMonth.create({ data: { hallId: hall.id, month, userId, pickedById: viewer.id, pickedAt: now, score: entry.score } })
    return { ok: true }
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: 'already' }
    throw error
  }
}
