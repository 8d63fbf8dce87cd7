// How the exports write CSV (csv-stringify, synchronous, a page of rows per call): shared by the request's thread
// (exports.server.ts) and the export workers (export-worker.entry.ts), which write the people table's pages.
import { stringify, type Options } from 'csv-stringify/sync'

export type Cell = string | number | null

// A cell that starts with = + - @ (or a tab, a carriage return, or their full-width forms) would be read by a
// spreadsheet as a formula (CSV injection): csv-stringify writes it after a quote mark. Numbers are left alone.
const CSV: Options = { escape_formulas: true }

/** The BOM (so Excel reads Chinese right) and the header row. */
export const csvHead = (headers: string[]): string => stringify([], { ...CSV, bom: true, header: true, columns: headers })

/** A page of rows, one line each. */
export const csvBody = (rows: Cell[][]): string => stringify(rows, CSV)
