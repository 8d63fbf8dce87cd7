// How the exports write CSV: shared by the request's thread (exports.server.ts) and the export workers
// (export-worker.entry.ts), which write the people table's pages. The header row is csv-stringify's; the rows are
// written by csvBody below, which writes what csv-stringify writes with the same options, byte for byte — a property
// test (csv-write.test.ts) holds it to csv-stringify over arbitrary cells. It exists because csv-stringify's per-field
// machinery cost 6–11 µs a row of the people table (13 cells), more than half of the export's budget of 10 µs a row;
// csvBody costs under 2 (decision 0046).
import { stringify, type Options } from 'csv-stringify/sync'

export type Cell = string | number | null

// A cell that starts with = + - @ (or a tab, a carriage return, or their full-width forms) would be read by a
// spreadsheet as a formula (CSV injection): it is written after a quote mark. Numbers are left alone (-3 is a number).
const CSV: Options = { escape_formulas: true }

/** The BOM (so Excel reads Chinese right) and the header row. */
export const csvHead = (headers: string[]): string => stringify([], { ...CSV, bom: true, header: true, columns: headers })

/** Whether a text cell's first character makes a spreadsheet read it as a formula (csv-stringify's list). */
function formulaStart(code: number): boolean {
  switch (code) {
    case 0x3d: // =
    case 0x2b: // +
    case 0x2d: // -
    case 0x40: // @
    case 0x09: // tab
    case 0x0d: // carriage return
    case 0xff1d: // ＝
    case 0xff0b: // ＋
    case 0xff0d: // －
    case 0xff20: // ＠
      return true
    default:
      return false
  }
}

/** A cell's text is quoted when it holds the delimiter, the quote or a line break; its quotes are doubled. */
const QUOTED = /[",\n\r]/

function textCell(text: string): string {
  const safe = text.length > 0 && formulaStart(text.charCodeAt(0)) ? `'${text}` : text
  if (!QUOTED.test(safe)) return safe
  return `"${safe.includes('"') ? safe.replaceAll('"', '""') : safe}"`
}

const cellText = (cell: Cell): string => (cell === null ? '' : typeof cell === 'number' ? `${cell}` : textCell(cell))

/** A page of rows, one line each (each line ends in a line feed, the last too). */
export function csvBody(rows: Cell[][]): string {
  let out = ''
  for (const row of rows) {
    let line = row.length > 0 ? cellText(row[0]) : ''
    for (let i = 1; i < row.length; i++) line += `,${cellText(row[i])}`
    out += `${line}\n`
  }
  return out
}
