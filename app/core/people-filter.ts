// The people table's filter and sort, read from the address so a link shows the same rows to anyone in scope.
// An unknown value is refused by name (never silently dropped: an empty table would read as "all done").
import { z } from 'zod'
import type { LearnerRow } from './unit-progress'

export const SORT_KEYS = ['overdue', 'name', 'progress', 'activity'] as const
export type SortKey = (typeof SORT_KEYS)[number]

export const PeopleFilterSchema = z
  .object({
    role: z.enum(['clerk', 'mentor']).optional(),
    newHires: z.literal('1').optional(),
    overdue: z.literal('1').optional(),
    course: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/).optional(),
    sort: z.enum(SORT_KEYS).default('overdue'),
  })
  .strict()
export type PeopleFilter = z.infer<typeof PeopleFilterSchema>

export type FilterParse = { ok: true; filter: PeopleFilter } | { ok: false; problems: { param: string; value: string }[] }

/**
 * The address parameters that name a unit: `unit=CODE`, or its kind spelt out (`hall=H01`, as a manager writes a link
 * by hand; decision 0039). Every one is checked for scope where the address is read (app/server/manage-people).
 */
export const UNIT_PARAMS = ['unit', 'hall', 'branch', 'region'] as const

export const isUnitParam = (key: string) => (UNIT_PARAMS as readonly string[]).includes(key)

/** Address parameters that choose what is shown rather than filter it: the unit and the export format. */
const NOT_FILTERS: readonly string[] = [...UNIT_PARAMS, 'format', 'table']

/** Reads the filter from search parameters; `known` lists the course ids that exist. Empty values mean "any". */
export function parsePeopleFilter(params: URLSearchParams, knownCourses: readonly string[]): FilterParse {
  const raw: Record<string, string> = {}
  for (const [key, value] of params) if (value !== '' && !NOT_FILTERS.includes(key)) raw[key] = value
  const parsed = PeopleFilterSchema.safeParse(raw)
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue) => {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? '')]
      return keys.map((param) => ({ param, value: raw[param] ?? '' }))
    })
    return { ok: false, problems }
  }
  if (parsed.data.course && !knownCourses.includes(parsed.data.course)) return { ok: false, problems: [{ param: 'course', value: parsed.data.course }] }
  return { ok: true, filter: parsed.data }
}

/** The filters an address gives (a unit, a format, empty values aside): a table without filters refuses them by name. */
export function filtersGiven(params: URLSearchParams): { param: string; value: string }[] {
  return [...params].filter(([key, value]) => value !== '' && !NOT_FILTERS.includes(key)).map(([param, value]) => ({ param, value }))
}

/** The filter as search parameters again (defaults left out), for links and exports. */
export function filterQuery(filter: Partial<PeopleFilter>): string {
  const entries = Object.entries(filter).filter(([key, value]) => value !== undefined && !(key === 'sort' && value === 'overdue'))
  return new URLSearchParams(entries as [string, string][]).toString()
}

/** Whether a row passes the filter (its role, new hires, course and overdue choices; the sort aside). */
export function matchesPeopleFilter(row: LearnerRow, filter: PeopleFilter): boolean {
  return (
    (!filter.role || row.roles.includes(filter.role)) &&
    (!filter.newHires || row.newHire) &&
    (!filter.course || row.courses.some((c) => c.courseId === filter.course)) &&
    (!filter.overdue || (filter.course ? row.courses.some((c) => c.courseId === filter.course && c.overdue) : row.overdue > 0))
  )
}

export function applyPeopleFilter(rows: readonly LearnerRow[], filter: PeopleFilter): LearnerRow[] {
  return sortPeople(
    rows.filter((row) => matchesPeopleFilter(row, filter)),
    filter.sort,
  )
}

const progressOf = (row: LearnerRow) => (row.modulesTotal === 0 ? 1 : row.modulesRead / row.modulesTotal)

/** Overdue first (most overdue courses, then least progress); ties always by username so the order is stable. */
export function sortPeople(rows: readonly LearnerRow[], sort: SortKey): LearnerRow[] {
  const byName = (a: LearnerRow, b: LearnerRow) => a.username.localeCompare(b.username)
  const compare: Record<SortKey, (a: LearnerRow, b: LearnerRow) => number> = {
    overdue: (a, b) => b.overdue - a.overdue || progressOf(a) - progressOf(b) || byName(a, b),
    name: byName,
    progress: (a, b) => progressOf(a) - progressOf(b) || byName(a, b),
    activity: (a, b) => (a.lastActivity?.getTime() ?? 0) - (b.lastActivity?.getTime() ?? 0) || byName(a, b),
  }
  return [...rows].sort(compare[sort])
}
