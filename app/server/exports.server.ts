// Tables written as CSV (UTF-8 with a BOM, so Excel reads Chinese right) or XLSX, streamed: rows go out as they are
// written (csv-write.server.ts: csv-stringify's header and rows written as it writes them; exceljs' streaming WorkbookWriter), never assembled into one file in memory.
import { PassThrough, Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { csvBody, csvHead, type Cell } from './csv-write.server'

export type { Cell }

/** Rows, or pages of rows read one after another (the whole people export reads a page of learners at a time). */
export type ExportRows = Iterable<Cell[]> | { pages: AsyncIterable<Cell[][]> }

export interface ExportTable {
  name: string
  headers: string[]
  rows: ExportRows
  /** The rows' CSV lines already written elsewhere (the people table's export workers), a page a string, in order:
   * the CSV is then those pages (and `rows` is left unread); the XLSX is written from `rows`. */
  csvPages?: () => AsyncIterable<string>
}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** Rows at a time in a chunk of a table given as plain rows. */
const PAGE = 1000

/** The rows a page at a time, whichever form the table gives them in. */
export async function* pagesOf(rows: ExportRows): AsyncGenerator<Cell[][]> {
  if ('pages' in rows) {
    yield* rows.pages
    return
  }
  let page: Cell[][] = []
  for (const row of rows) {
    page.push(row)
    if (page.length === PAGE) {
      yield page
      page = []
    }
  }
  if (page.length) yield page
}

export function csvStream(table: ExportTable): Readable {
  // the header row is written even when there are no rows: an empty export still says what it would hold
  const head = csvHead(table.headers)
  async function* chunks() {
    yield Buffer.from(head)
    if (table.csvPages) {
      for await (const page of table.csvPages()) if (page.length) yield Buffer.from(page)
      return
    }
    // a page is one call of the rows' writer (csvBody) and one chunk of the stream: per row, the stream
    // machinery cost as much as the writing
    for await (const page of pagesOf(table.rows)) if (page.length) yield Buffer.from(csvBody(page))
  }
  return Readable.from(chunks(), { objectMode: false })
}

export function xlsxStream(table: ExportTable): Readable {
  const out = new PassThrough()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false })
  const sheet = workbook.addWorksheet(table.name.slice(0, 31))
  void (async () => {
    sheet.addRow(table.headers).commit()
    for await (const page of pagesOf(table.rows)) {
      for (const row of page) sheet.addRow(row).commit()
      // let the zip stream drain between pages, so a large export does not pile up in memory
      await new Promise((resolve) => setImmediate(resolve))
    }
    sheet.commit()
    await workbook.commit()
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))))
  return out
}

export function exportStream(table: ExportTable, format: ExportFormat): Readable {
  return format === 'csv' ? csvStream(table) : xlsxStream(table)
}
