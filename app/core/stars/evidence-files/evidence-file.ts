// The shape every evidence file kind has (inspections, satisfaction, complaints): its columns as the
// template names them, and how one row becomes a record or a list of cell problems. One file per kind,
// listed in registry.ts.

/** A problem in one cell: the reason is a catalogue key under stars.evidence.reasons with its values. */
export interface CellProblem {
  column: string
  reason: string
  values?: Record<string, string | number>
}

export type RowResult<R> = { ok: true; record: R } | { ok: false; problems: CellProblem[] }

export interface EvidenceFileKind<Kind extends string, R extends { username: string }> {
  kind: Kind
  /** Column titles in the template, in order (Chinese, as managers' spreadsheets have them). */
  columns: readonly string[]
  /** One example row for the template. */
  example: readonly string[]
  parseRow: (cells: Readonly<Record<string, string>>, today: string) => RowResult<R>
  /** The natural key within one clerk's records: importing the same row twice finds it. */
  key: (record: R) => string
  /** The stored fields that a re-import compares to decide "unchanged". */
  same: (record: R, stored: Readonly<Record<string, unknown>>) => boolean
}

export function isRealDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 2000
}

/** Accepts 2026-03-01 and 2026/3/1 (what spreadsheets type), as YYYY-MM-DD. */
export function normaliseDay(text: string): string {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text)
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : text
}

export function numberCell(
  cells: Readonly<Record<string, string>>,
  column: string,
  problems: CellProblem[],
  range: { min: number; max: number; integer?: boolean },
): number {
  const text = cells[column] ?? ''
  if (text === '') {
    problems.push({ column, reason: 'required' })
    return NaN
  }
  const value = Number(text)
  if (!/^-?\d+(\.\d+)?$/.test(text) || !Number.isFinite(value)) problems.push({ column, reason: 'number', values: { value: text } })
  else if (range.integer && !Number.isInteger(value)) problems.push({ column, reason: 'integer', values: { value: text } })
  else if (value < range.min || value > range.max) problems.push({ column, reason: 'range', values: { min: range.min, max: range.max, value: text } })
  return value
}

export function dayCell(cells: Readonly<Record<string, string>>, column: string, problems: CellProblem[], today: string): string {
  const text = normaliseDay(cells[column] ?? '')
  if (text === '') problems.push({ column, reason: 'required' })
  else if (!isRealDay(text)) problems.push({ column, reason: 'day', values: { value: cells[column] ?? '' } })
  else if (text > today) problems.push({ column, reason: 'future', values: { value: text } })
  return text
}

export function usernameCell(cells: Readonly<Record<string, string>>, column: string, problems: CellProblem[]): string {
  const text = cells[column] ?? ''
  if (text === '') problems.push({ column, reason: 'required' })
  else if (!/^[A-Za-z0-9_.-]{1,64}$/.test(text)) problems.push({ column, reason: 'username', values: { value: text } })
  return text
}
