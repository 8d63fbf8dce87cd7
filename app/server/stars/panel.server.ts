// What the clerk's home shows about stars: the certificate held and its state, what the next level needs,
// whether they may apply, and the hall's 服务明星 of the month. A person's record shows the same of them.
import { hallDay } from '~/core/dates'
import { workingTowards } from '~/core/stars'
import { heldCertificate } from '../certificates.server'
import type { PersonRow } from '../people.server'
import { clerkStars } from './applications.server'
import { starOfMonthPick } from './star-of-month.server'

export async function starPanelFor(user: Pick<PersonRow, 'id' | 'hall'>, now: Date) {
  const [stars, held, pick] = await Promise.all([clerkStars(user.id, now), heldCertificate(user.id, now), user.hall ? starOfMonthPick(user.hall.path, now) : null])
  if (!stars) return null
  const titleOf = (level: number) => stars.ladder.ladder.levels[level - 1]?.title ?? { zh: `${level} 星`, en: `${level}-star` }
  return {
    held: held
      ? {
          code: held.code,
          level: held.level,
          title: titleOf(held.level),
          state: held.status.state,
          validUntil: hallDay(held.expiresAt),
          renewBy: held.status.renewBy ? hallDay(held.status.renewBy) : null,
          reminderDays: held.status.reminderDays,
        }
      : null,
    next: workingTowards(stars.eligibility, held ? { level: held.level, renewalDue: held.status.state === 'renewal-due' } : null),
    applyLevel: stars.applyLevel,
    applyTitle: stars.applyLevel ? titleOf(stars.applyLevel) : null,
    pending: stars.pending ? { level: stars.pending.level, title: titleOf(stars.pending.level) } : null,
    starOfMonth: pick,
  }
}
