// Where the manager pages link to: one place, so every figure's link leads to the rows behind it.
export interface UnitRef {
  code: string
  kind: string
}

/** A unit's own page: the hall page for a hall, the overview for a branch or region, /manage for everything. */
export function unitHref(unit: UnitRef): string {
  if (!unit.code) return '/manage'
  return unit.kind === 'hall' ? `/manage/halls/${unit.code}` : `/manage/units/${unit.code}`
}

/** The people behind a figure: the unit's people table with a filter. */
export function peopleHref(unit: UnitRef, filter: Record<string, string> = {}): string {
  const query = new URLSearchParams({ ...(unit.code ? { unit: unit.code } : {}), ...filter }).toString()
  return `/manage/people${query ? `?${query}` : ''}`
}

export function exportHref(table: 'people' | 'units' | 'courses', format: 'csv' | 'xlsx', unit: UnitRef, filter: Record<string, string> = {}): string {
  return `/manage/export?${new URLSearchParams({ table, format, ...(unit.code ? { unit: unit.code } : {}), ...filter })}`
}

/** A quiz's statistics counting the unit's attempts only: the page behind a unit's quiz figures. */
export function quizHref(quizId: string, unit: UnitRef): string {
  return `/manage/quizzes/${quizId}${unit.code ? `?${new URLSearchParams({ unit: unit.code })}` : ''}`
}

/** The pairings behind a unit's figure: the manager's pairing list under that filter, the unit's mentees only. */
export function pairingsHref(status: string, unit: UnitRef): string {
  return `/manage/pairings?${new URLSearchParams({ status, ...(unit.code ? { unit: unit.code } : {}) })}`
}
