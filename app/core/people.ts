// Facts about people that several views need: who counts as a new hire.
import { hallDayNumber } from './dates'

/** How long someone counts as a new hire (the mentoring period), in calendar days from the hire day. */
export const NEW_HIRE_DAYS = 90

/**
 * A new hire was hired within the last NEW_HIRE_DAYS calendar days (in the halls' time zone), hire day included.
 * The hire date, typed by whoever created the account, decides: nobody sets a "new hire" flag by hand.
 */
export function isNewHire(hireDate: Date | null, now: Date, days = NEW_HIRE_DAYS): boolean {
  if (!hireDate) return false
  const age = hallDayNumber(now) - hallDayNumber(hireDate) // daysBetween(hallDay(hireDate), hallDay(now)), by arithmetic
  return age >= 0 && age < days
}

/** Whole days from one YYYY-MM-DD to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}
