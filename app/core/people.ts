// Facts about people that several views need: who counts as a new hire.
export const NEW_HIRE_DAYS = 90

/** A new hire is someone hired within the last 90 days (the mentoring period), hire day included. */
export function isNewHire(hireDate: Date | null, now: Date, days = NEW_HIRE_DAYS): boolean {
  if (!hireDate) return false
  const age = now.getTime() - hireDate.getTime()
  return age >= 0 && age < days * 86_400_000
}
