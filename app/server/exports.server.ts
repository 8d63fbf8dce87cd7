// Tables written as CSV (UTF-8 with a BOM, so Excel reads Chinese right) or XLSX, streamed: rows go out as they are
// written (csv-stringify, exceljs' streaming WorkbookWriter), never assembled into one file in memory.
import { PassThrough, Readable } from 'node:stream'
import { stringify } from 'csv-stringify'
import ExcelJS from 'exceljs'

export type Cell = string | number | null
export interface ExportTable {
  name: string
  headers: string[]
  /** Any iterable, or an async one (the whole people export yields a page of rows as it reads them). */
  rows: Iterable<Cell[]> | AsyncIterable<Cell[]>
}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

export function csvStream(table: ExportTable): Readable {
  // the header row is written even when there are no rows: an empty export still says what it would hold
  return Readable.from(table.rows).pipe(stringify({ bom: true, header: true, columns: table.headers, cast: { number: (n) => String(n) } }))
}

export function xlsxStream(table: ExportTable): Readable {
  const out = new PassThrough()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false })
  const sheet = workbook.addWorksheet(table.name.slice(0, 31))
  void (async () => {
    sheet.addRow(table.headers).commit()
    let n = 0
    for await (const row of table.rows) {
      sheet.addRow(row).commit()
      // let the zip stream drain now and then, so a large export does not pile up in memory
      if (++n % 1000 === 0) await new Promise((resolve) => setImmediate(resolve))
    }
    sheet.commit()
    await workbook.commit()
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))))
  return out
}

export function exportStream(table: ExportTable, format: ExportFormat): Readable {
  return format === 'csv' ? csvStream(table) : xlsxStream(table)
}
