// One reader for every uploaded table (account import, evidence import …): CSV or XLSX in, header + text rows out.
// The kind of file is decided by its bytes, never by its name: a ZIP whose workbook part exists is XLSX, text that
// decodes as UTF-8 (with or without BOM) or, failing that, as GB18030 (what Excel in China saves a CSV as) is CSV.
// Everything else is "not a table". Size is checked before any parsing, and a ZIP is inspected (declared sizes,
// ratios, capped inflation) before exceljs sees it — see zip-inspect.server.ts.
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { DEFAULT_ZIP_LIMITS, inspectZip, isZip } from './zip-inspect.server'

export const DEFAULT_MAX_TABLE_BYTES = 10 * 1024 * 1024
export const DEFAULT_MAX_TABLE_ROWS = 10_000

export type TableRow = { line: number; cells: string[] }
export type TableRefusal = 'too_large' | 'not_a_table' | 'empty' | 'too_many_rows' | 'malformed'
export type TableFile =
  | { ok: true; header: string[]; rows: TableRow[] }
  | { ok: false; reason: TableRefusal; detail?: string }

export type TableFileInput = { bytes: Uint8Array; fileName: string; maxBytes?: number; maxRows?: number }

export async function readTableFile(input: TableFileInput): Promise<TableFile> {
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_TABLE_BYTES
  const maxRows = input.maxRows ?? DEFAULT_MAX_TABLE_ROWS
  if (input.bytes.length === 0) return { ok: false, reason: 'empty' }
  if (input.bytes.length > maxBytes) return { ok: false, reason: 'too_large', detail: `${input.bytes.length} bytes` }
  const lines = isZip(input.bytes) ? await readWorkbook(input.bytes, maxRows) : readCsv(input.bytes)
  if (!Array.isArray(lines)) return lines
  return toTable(lines, maxRows)
}

type Line = { line: number; cells: string[] }

function toTable(lines: Line[], maxRows: number): TableFile {
  const filled = lines.filter((l) => l.cells.some((c) => c !== ''))
  const [head, ...rows] = filled
  if (!head || rows.length === 0) return { ok: false, reason: 'empty' }
  if (rows.length > maxRows) return { ok: false, reason: 'too_many_rows', detail: `${rows.length} rows` }
  const header = head.cells
  return { ok: true, header, rows: rows.map((r) => ({ line: r.line, cells: padTo(r.cells, header.length) })) }
}

function padTo(cells: string[], width: number): string[] {
  return cells.length >= width ? cells : [...cells, ...Array<string>(width - cells.length).fill('')]
}

// Trims ordinary and full-width spaces: both end up around cells typed in Chinese spreadsheets.
function clean(text: string): string {
  return text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')
}

// ---- CSV -------------------------------------------------------------------------------------------------------

function readCsv(bytes: Uint8Array): Line[] | TableFile {
  const text = decodeText(bytes)
  if (text === null) return { ok: false, reason: 'not_a_table', detail: 'not UTF-8 or GB18030 text' }
  // Control characters other than tab and line breaks do not occur in a typed table; they do in binaries.
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)) return { ok: false, reason: 'not_a_table' }
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  const delimiter = !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : ','
  try {
    const records: string[][] = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false })
    return records.map((cells, index) => ({ line: index + 1, cells: cells.map(clean) }))
  } catch (error) {
    return { ok: false, reason: 'malformed', detail: error instanceof Error ? error.message : String(error) }
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf]

function decodeText(bytes: Uint8Array): string | null {
  const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b)
  const body = hasBom ? bytes.subarray(3) : bytes
  for (const encoding of hasBom ? ['utf-8'] : ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body)
    } catch {
      // try the next encoding
    }
  }
  return null
}

// ---- XLSX ------------------------------------------------------------------------------------------------------

async function readWorkbook(bytes: Uint8Array, maxRows: number): Promise<Line[] | TableFile> {
  const inspection = inspectZip(bytes, DEFAULT_ZIP_LIMITS)
  if (!inspection.ok) return { ok: false, reason: inspection.reason, detail: inspection.detail }
  if (!inspection.entries.some((e) => e.name === 'xl/workbook.xml'))
    return { ok: false, reason: 'not_a_table', detail: 'a ZIP without a workbook' }
  const workbook = new ExcelJS.Workbook()
  try {
    // exceljs types its input as an ArrayBuffer (and jszip reads one): hand it a copy of exactly these bytes.
    await workbook.xlsx.load(bytes.slice().buffer)
  } catch (error) {
    return { ok: false, reason: 'malformed', detail: error instanceof Error ? error.message : String(error) }
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) return { ok: false, reason: 'empty' }
  // rowCount counts up to the last row with content: one header plus maxRows rows at most.
  if (sheet.actualRowCount > maxRows + 1) return { ok: false, reason: 'too_many_rows', detail: `${sheet.actualRowCount - 1} rows` }
  const lines: Line[] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = []
    for (let column = 1; column <= row.cellCount; column++) cells.push(clean(cellText(row.getCell(column).value)))
    lines.push({ line: rowNumber, cells })
  })
  return lines
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return calendarDay(value)
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('error' in value) return ''
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null)
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text)
  return ''
}

// exceljs turns date-formatted serial numbers into Dates at UTC midnight of that calendar day.
function calendarDay(date: Date): string {
  if (Number.isNaN(date.getTime())) return ''
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
}
