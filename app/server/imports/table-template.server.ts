// A template to download for an import: its header row (and optional example rows) as CSV or XLSX.
// CSV gets a UTF-8 BOM so that Excel opens the Chinese headers correctly; XLSX columns are formatted as text so
// that an identifier like 00123 keeps its leading zeros when typed in.
import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'

export type TableFormat = 'csv' | 'xlsx'

export const TABLE_CONTENT_TYPES: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

export async function writeTableTemplate(input: {
  header: string[]
  rows?: string[][]
  format: TableFormat
  sheetName?: string
}): Promise<Uint8Array<ArrayBuffer>> {
  const rows = [input.header, ...(input.rows ?? [])]
  if (input.format === 'csv') return new TextEncoder().encode('\uFEFF' + stringify(rows, { record_delimiter: '\r\n' }))
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(input.sheetName ?? 'Sheet1')
  sheet.columns = input.header.map((title) => ({ width: Math.max(12, title.length * 2 + 4), style: { numFmt: '@' } }))
  for (const row of rows) sheet.addRow(row)
  sheet.getRow(1).font = { bold: true }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
