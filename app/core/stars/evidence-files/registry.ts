// Owns the list of evidence file kinds a manager can import; the import and its templates ask this list.
import { complaintFile } from './complaint'
import type { CellProblem } from './evidence-file'
import { inspectionFile } from './inspection'
import { satisfactionFile } from './satisfaction'

export const EVIDENCE_FILES = { inspection: inspectionFile, satisfaction: satisfactionFile, complaint: complaintFile } as const
export type EvidenceFileKindName = keyof typeof EVIDENCE_FILES
export const EVIDENCE_KINDS = Object.keys(EVIDENCE_FILES) as EvidenceFileKindName[]

export interface RowProblem extends CellProblem {
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: number
}

export type ParsedFile<R> = { ok: true; records: Array<{ row: number; record: R }> } | { ok: false; problems: RowProblem[] }

/** Every row parsed; any problem (missing columns, bad cells, the same record twice) refuses the file. */
export function parseEvidenceRows<R extends { username: string }>(
  kind: { columns: readonly string[]; parseRow: (cells: Record<string, string>, today: string) => { ok: true; record: R } | { ok: false; problems: CellProblem[] }; key: (r: R) => string },
  header: readonly string[],
  rows: ReadonlyArray<{ line: number; cells: readonly string[] }>,
  today: string,
): ParsedFile<R> {
  const missing = kind.columns.filter((c) => !header.includes(c))
  if (missing.length) return { ok: false, problems: missing.map((column) => ({ row: 1, column, reason: 'column' })) }
  const index = kind.columns.map((c) => [c, header.indexOf(c)] as const)
  const problems: RowProblem[] = []
  const records: Array<{ row: number; record: R }> = []
  const seen = new Map<string, number>()
  for (const row of rows) {
    const cells = Object.fromEntries(index.map(([c, i]) => [c, row.cells[i] ?? '']))
    const result = kind.parseRow(cells, today)
    if (!result.ok) {
      problems.push(...result.problems.map((p) => ({ ...p, row: row.line })))
      continue
    }
    const key = `${result.record.username}|${kind.key(result.record)}`
    const first = seen.get(key)
    if (first !== undefined) problems.push({ row: row.line, column: kind.columns[0], reason: 'repeated', values: { first } })
    else seen.set(key, row.line)
    records.push({ row: row.line, record: result.record })
  }
  return problems.length ? { ok: false, problems } : { ok: true, records }
}

type AnyRecord = { username: string }
type AnyFileKind = Parameters<typeof parseEvidenceRows<AnyRecord>>[0]

/** Parses a file of any registered kind. (The cast stands for what EVIDENCE_FILES guarantees by construction.) */
export function parseEvidenceFile(kind: EvidenceFileKindName, header: readonly string[], rows: ReadonlyArray<{ line: number; cells: readonly string[] }>, today: string): ParsedFile<AnyRecord> {
  return parseEvidenceRows(EVIDENCE_FILES[kind] as unknown as AnyFileKind, header, rows, today)
}
