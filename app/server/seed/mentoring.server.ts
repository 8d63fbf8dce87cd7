// Demo pairings in every state, relative to the seeding day: just started, on track (items waiting for
// mentor01's sign-off), a check-in overdue, stalled, completed, one reassigned. Idempotent: a pairing whose
// request key exists is left alone. Seeded pairings are data: they do not go through the star rule.
import { SEED_TRANSACTION } from './transaction.server'
import { hallDay } from '~/core/dates'
import { itemsOf } from '~/core/mentoring/checklist-schema'
import { checkInSchedule } from '~/core/mentoring/check-ins'
import { addDays } from '~/core/mentoring/days'
import type { PrismaClient } from '~/generated/prisma/client'
import { checkChecklistFiles } from '../content/check-checklists.server'
import { planChecklistImport, writeChecklistImport } from '../content/import-checklists.server'
import { readContentTree } from '../content/tree.server'
import { templateOf } from '../pairing-state.server'

interface DemoPairing {
  mentee: string
  mentor: string
  template: 'counter-clerk' | 'lobby-guide'
  startedDaysAgo: number
  /** Items signed (in checklist order), the day of each sign-off counted back from today. */
  signed: number
  lastSignOffDaysAgo: number
  /** Items after the signed ones that the mentee marked practised (waiting for the mentor). */
  practised: number
  checkInsDone: number
  branchReason?: string
  /** Ended this many days ago and continued with `then` (a reassignment). */
  reassigned?: { daysAgo: number; reason: string; then: string }
  completedDaysAgo?: number
}

const DEMO: DemoPairing[] = [
  { mentee: 'clerk12', mentor: 'mentor04', template: 'counter-clerk', startedDaysAgo: 1, signed: 0, lastSignOffDaysAgo: 0, practised: 1, checkInsDone: 0 }, // just started
  { mentee: 'clerk18', mentor: 'mentor01', template: 'counter-clerk', startedDaysAgo: 20, signed: 5, lastSignOffDaysAgo: 2, practised: 3, checkInsDone: 2, branchReason: '善国路营业厅暂无三星导师，由同区县龙泉路营业厅导师带教' }, // on track, waiting for mentor01
  { mentee: 'clerk42', mentor: 'mentor02', template: 'lobby-guide', startedDaysAgo: 25, signed: 6, lastSignOffDaysAgo: 3, practised: 1, checkInsDone: 2 }, // check-in 3 overdue
  { mentee: 'clerk36', mentor: 'mentor03', template: 'counter-clerk', startedDaysAgo: 40, signed: 4, lastSignOffDaysAgo: 20, practised: 0, checkInsDone: 4, branchReason: '临山路营业厅导师已带满两名新员工' }, // stalled
  { mentee: 'clerk60', mentor: 'mentor04', template: 'counter-clerk', startedDaysAgo: 63, signed: 22, lastSignOffDaysAgo: 3, practised: 0, checkInsDone: 8, completedDaysAgo: 2 }, // completed
  { mentee: 'clerk06', mentor: 'mentor05', template: 'counter-clerk', startedDaysAgo: 10, signed: 2, lastSignOffDaysAgo: 5, practised: 1, checkInsDone: 1, branchReason: '建设路营业厅导师不足', reassigned: { daysAgo: 3, reason: '原导师调往太白楼营业厅综合岗', then: 'mentor06' } },
  { mentee: 'clerk30', mentor: 'mentor06', template: 'lobby-guide', startedDaysAgo: 30, signed: 8, lastSignOffDaysAgo: 4, practised: 2, checkInsDone: 4 }, // on track
  // completed months ago: the checklist sign-offs the stars demo's ★★ rest on (app/server/seed/stars-data.ts)
  ...(
    [
      ['clerk25', 'mentor01'],
      ['clerk33', 'mentor01'],
      ['clerk19', 'mentor03'],
      ['clerk53', 'mentor05'],
      ['clerk38', 'mentor06'],
    ] as const
  ).map(([mentee, mentor], i): DemoPairing => ({ mentee, mentor, template: 'counter-clerk', startedDaysAgo: 150 - i * 5, signed: 22, lastSignOffDaysAgo: 95 - i * 5, practised: 0, checkInsDone: 8, completedDaysAgo: 90 - i * 5 })),
]

/** The checklist templates must exist before pairings can use them: imported here when the seed runs first. */
async function ensureTemplates(db: PrismaClient, root: string): Promise<void> {
  if ((await db.checklistTemplate.count({ where: { currentVersionId: { not: null } } })) > 0) return
  const { checklists, problems } = checkChecklistFiles(readContentTree(root), 'zh-CN')
  if (problems.length) throw new Error(`checklists have problems; run npm run content:check`)
  const plan = await planChecklistImport(db, checklists)
  await db.$transaction(async (tx) => writeChecklistImport(tx as unknown as PrismaClient, plan), SEED_TRANSACTION)
}

export async function seedMentoring(db: PrismaClient, now: Date, root = process.env.CONTENT_DIR ?? 'content'): Promise<number> {
  await ensureTemplates(db, root)
  const users = new Map((await db.user.findMany({ where: { OR: [{ username: { startsWith: 'clerk' } }, { username: { startsWith: 'mentor' } }] }, select: { id: true, username: true } })).map((u) => [u.username, u.id]))
  const creator = await db.user.findUniqueOrThrow({ where: { username: 'trainer01' }, select: { id: true } })
  const ago = (days: number, hour = 2) => new Date(Date.parse(`${hallDay(new Date(now.getTime() - days * 86_400_000))}T0${hour}:00:00Z`))
  let created = 0
  for (const demo of DEMO) {
    const id = `demo-${demo.mentee}`
    if (await db.pairing.findUnique({ where: { id } })) continue
    const template = await db.checklistTemplate.findUniqueOrThrow({ where: { id: demo.template }, select: { currentVersion: { select: { id: true, definition: true } } } })
    const version = template.currentVersion!
    const definition = templateOf(version)
    const items = itemsOf(definition)
    const startDay = hallDay(ago(demo.startedDaysAgo))
    const plannedEndDay = addDays(startDay, definition.durationDays)
    const schedule = checkInSchedule(startDay, plannedEndDay, definition.checkIns)
    const menteeId = users.get(demo.mentee)!
    const mentorId = users.get(demo.mentor)!
    const successorId = `demo-${demo.mentee}-2`
    const finalMentorId = demo.reassigned ? users.get(demo.reassigned.then)! : mentorId
    await db.$transaction(async (tx) => {
      const base = { chainId: id, menteeId, checklistVersionId: version.id, startDay, plannedEndDay, createdById: creator.id }
      await tx.pairing.create({
        data: {
          ...base,
          id,
          mentorId,
          status: demo.reassigned ? 'ended' : demo.completedDaysAgo !== undefined ? 'completed' : 'active',
          activeKey: demo.reassigned || demo.completedDaysAgo !== undefined ? null : menteeId,
          sameBranchReason: demo.branchReason ?? null,
          requestKey: `${id}-seed`,
          createdAt: ago(demo.startedDaysAgo, 1),
          endedAt: demo.reassigned ? ago(demo.reassigned.daysAgo) : null,
          endReason: demo.reassigned?.reason ?? null,
          completedAt: demo.completedDaysAgo !== undefined ? ago(demo.completedDaysAgo) : null,
        },
      })
      if (demo.reassigned) {
        await tx.pairing.create({ data: { ...base, id: successorId, previousId: id, mentorId: finalMentorId, status: 'active', activeKey: menteeId, requestKey: `${successorId}-seed`, createdAt: ago(demo.reassigned.daysAgo, 3) } })
      }
      // sign-offs spread evenly from the start to the last sign-off day; the practised ones after them
      for (const [i, item] of items.slice(0, demo.signed).entries()) {
        const daysAgo = Math.round(demo.startedDaysAgo - ((demo.startedDaysAgo - demo.lastSignOffDaysAgo) * (i + 1)) / demo.signed)
        await tx.pairingEvent.create({ data: { pairingId: id, chainId: id, itemId: item.id, kind: 'practised', actorId: menteeId, note: '', createdAt: ago(daysAgo + 1) } })
        await tx.pairingEvent.create({ data: { pairingId: id, chainId: id, itemId: item.id, kind: 'signed', actorId: mentorId, note: '现场观察，做法规范。', signOffKey: `${id}:${item.id}`, createdAt: ago(daysAgo, 6) } })
      }
      const practisedIn = demo.reassigned ? successorId : id
      for (const [i, item] of items.slice(demo.signed, demo.signed + demo.practised).entries()) {
        await tx.pairingEvent.create({ data: { pairingId: practisedIn, chainId: id, itemId: item.id, kind: 'practised', actorId: menteeId, note: i === 0 ? '今天在柜台上练了几次，请师傅看一下。' : '', createdAt: ago(Math.min(1, demo.startedDaysAgo), 5) } })
      }
      for (const [i, dueDay] of schedule.slice(0, demo.checkInsDone).entries()) {
        const doneAt = demo.completedDaysAgo !== undefined ? ago(demo.completedDaysAgo + demo.checkInsDone - i - 1, 7) : new Date(Date.parse(`${dueDay}T08:00:00Z`))
        await tx.checkIn.create({ data: { chainId: id, number: i + 1, dueDay, pairingId: id, mentorId, mentorNote: `第 ${i + 1} 次跟进：本周进展正常，下周重点练习清单中的下一组。`, doneAt, reflection: i === 0 ? '站立迎送已经习惯，递接证件还要注意方向。' : null, reflectedAt: i === 0 ? doneAt : null } })
      }
    })
    created++
  }
  return created
}
