// When an assignment is overdue: its due day has ended in Asia/Shanghai and the course is not complete.
import { hallDay, isCalendarDay } from './dates'

export interface DueItem {
  /** The due day, "YYYY-MM-DD": due until 23:59:59 that day in Shanghai. */
  due: string
  done: boolean
}

export function isOverdue(item: DueItem, now: Date): boolean {
  return !item.done && hallDay(now) > item.due
}

/** Whole days left until the end of the due day (0 on the day itself, negative once overdue). */
export function daysLeft(due: string, now: Date): number {
  const today = Date.parse(`${hallDay(now)}T00:00:00Z`)
  return Math.round((Date.parse(`${due}T00:00:00Z`) - today) / 86_400_000)
}

/** A due day may not be in the past when it is set (today is fine). */
export function isValidDueDay(due: string, now: Date): boolean {
  return isCalendarDay(due) && due >= hallDay(now)
}
