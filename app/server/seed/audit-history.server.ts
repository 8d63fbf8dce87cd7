// The demo's audit log: what the organisation's admins, managers and trainers did over the demo's six months,
// written as the app's own writers word it (app/core/audit.ts's actions, their detail keys), so that an admin's
// audit page shows a believable history the moment `npm run demo` starts: the roll-out's bulk import, new hires
// added one by one by their hall's manager, a few password resets and an unlock, and the trainers' publishes.
import type { PrismaClient } from '~/generated/prisma/client'
import { recordAudits, type AuditInput } from '../audit.server'
import { demoPeople } from './demo-data'
import { SEED_TRANSACTION } from './transaction.server'

const DAY = 86_400_000
/** The day the organisation's accounts were imported, before the history's six months begin. */
const ROLL_OUT_DAYS_AGO = 200

export async function seedAuditHistory(db: PrismaClient, now: Date): Promise<number> {
  if ((await db.auditEntry.count()) > 0) return 0 // a demo database that already has a log keeps it
  const people = demoPeople()
  const users = await db.user.findMany({ select: { id: true, username: true, hall: { select: { path: true } } } })
  const byName = new Map(users.map((u) => [u.username, u]))
  const admin = byName.get('admin')
  if (!admin) return 0
  const at = (daysAgo: number, hour = 10) => new Date(now.getTime() - daysAgo * DAY - (now.getTime() % DAY) + (hour - 8) * 3_600_000)
  const managerOf = (hall: string | null) => people.find((p) => p.roles.some((r) => r.role === 'manager' && r.unit === hall))?.username
  const entries: AuditInput[] = []
  for (const person of people) {
    const user = byName.get(person.username)
    if (!user || person.username === 'admin') continue
    const hiredLater = person.hiredDaysAgo !== null && person.hiredDaysAgo < ROLL_OUT_DAYS_AGO
    const addedBy = hiredLater ? byName.get(managerOf(person.hall) ?? '') : undefined
    entries.push({
      at: hiredLater ? at(person.hiredDaysAgo!, 9) : at(ROLL_OUT_DAYS_AGO, 15),
      actorId: (addedBy ?? admin).id,
      action: 'account.created',
      subjectId: user.id,
      unitPath: user.hall?.path ?? null,
      detail: { roles: person.roles.map((r) => r.role).join(','), via: hiredLater ? 'form' : 'import' },
    })
  }
  const acted = (actor: string, action: AuditInput['action'], subject: string, daysAgo: number, detail?: AuditInput['detail']) => {
    const [by, on] = [byName.get(actor), byName.get(subject)]
    if (by && on) entries.push({ at: at(daysAgo, 11), actorId: by.id, action, subjectId: on.id, unitPath: on.hall?.path ?? null, detail })
  }
  const hallOf = (username: string) => people.find((p) => p.username === username)?.hall ?? null
  const byTheirManager = (subject: string, action: AuditInput['action'], daysAgo: number, detail?: AuditInput['detail']) =>
    acted(managerOf(hallOf(subject)) ?? 'admin', action, subject, daysAgo, detail)
  byTheirManager('clerk09', 'password.reset', 41)
  acted('admin', 'password.reset', 'mentor02', 12)
  byTheirManager('clerk17', 'signin.unlocked', 9, { cleared: 5 })
  const trainer = byName.get('trainer01')
  if (trainer) {
    for (const [daysAgo, course] of [[63, 'etiquette'], [28, 'phrasing'], [6, 'complaints']] as const) {
      entries.push({ at: at(daysAgo, 16), actorId: trainer.id, action: 'content.published', detail: { path: `courses/${course}`, courses: course, quizzes: null, modules: 0 } })
    }
  }
  await db.$transaction((tx) => recordAudits(tx, entries), SEED_TRANSACTION)
  return entries.length
}
