import { readFileSync } from 'node:fs'
import path from 'node:path'
import { deflateRawSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import { readTableFile } from './table-file.server'
import { writeTableTemplate } from './table-template.server'
import { inspectZip } from './zip-inspect.server'

const fixtures = path.resolve(__dirname, '../../../tests/fixtures/tables')
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(fixtures, name)))

async function xlsx(rows: ExcelJS.CellValue[][], dress?: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('人员')
  for (const row of rows) sheet.addRow(row)
  dress?.(sheet)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

// A hand-built ZIP whose central directory can declare any size we like.
function zip(entries: Array<{ name: string; data: Buffer; declaredSize?: number }>): Uint8Array {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name)
    const packed = deflateRawSync(entry.data)
    const size = entry.declaredSize ?? entry.data.length
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, packed)
    centrals.push(central, name)
    offset += 30 + name.length + packed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, directory, end]))
}

describe('readTableFile: CSV', () => {
  it('reads UTF-8 with BOM, quoted commas, and keeps the file row numbers across a blank line', async () => {
    const table = await readTableFile({ bytes: fixture('people-utf8-bom.csv'), fileName: 'people.csv' })
    expect(table).toEqual({
      ok: true,
      header: ['工号', '姓名', '营业厅', '角色', '入职日期', '手机'],
      rows: [
        { line: 2, cells: ['E1001', '张三', 'GZ-TH-01', 'clerk', '2026-03-02', '13800138000'] },
        { line: 3, cells: ['E1002', '李四, 小李', 'GZ-TH-01', 'clerk;mentor', '2026-01-15', ''] },
        { line: 5, cells: ['E1003', '王五', 'GZ-TH-02', 'clerk', '2025-11-30', ''] },
      ],
    })
  })

  it('reads a CSV saved by Excel in GBK', async () => {
    const table = await readTableFile({ bytes: fixture('people-gbk.csv'), fileName: 'people.csv' })
    expect(table).toEqual({
      ok: true,
      header: ['工号', '姓名', '营业厅'],
      rows: [
        { line: 2, cells: ['E2001', '赵敏', 'SZ-FT-01'] },
        { line: 3, cells: ['E2002', '钱锋', 'SZ-FT-01'] },
      ],
    })
  })

  it('reads UTF-8 without BOM, tab-separated, and trims full-width spaces; short rows are padded', async () => {
    const bytes = new TextEncoder().encode('工号\t姓名\t手机\nE1\t\u3000张三 \n')
    expect(await readTableFile({ bytes, fileName: 'x.txt' })).toEqual({
      ok: true,
      header: ['工号', '姓名', '手机'],
      rows: [{ line: 2, cells: ['E1', '张三', ''] }],
    })
  })

  it.each([
    ['an empty file', new Uint8Array(), 'empty'],
    ['only a header', new TextEncoder().encode('工号,姓名\n'), 'empty'],
    ['an unclosed quote', new TextEncoder().encode('工号,姓名\nE1,"张三\n'), 'malformed'],
    ['a PNG renamed .csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]), 'not_a_table'],
    ['bytes that are neither UTF-8 nor GB18030', new Uint8Array([0x41, 0x2c, 0xff, 0xff, 0x0a]), 'not_a_table'],
  ])('refuses %s', async (_name, bytes, reason) => {
    const table = await readTableFile({ bytes, fileName: 'people.csv' })
    expect(table.ok).toBe(false)
    if (!table.ok) expect(table.reason).toBe(reason)
  })

  it('refuses a 20 MB upload by its size alone (default limit 10 MB)', async () => {
    const bytes = new Uint8Array(20 * 1024 * 1024).fill(0x41)
    expect(await readTableFile({ bytes, fileName: 'big.csv' })).toMatchObject({ ok: false, reason: 'too_large' })
  })

  it('refuses more rows than allowed', async () => {
    const bytes = new TextEncoder().encode('a\n1\n2\n3\n')
    expect(await readTableFile({ bytes, fileName: 'x.csv', maxRows: 2 })).toMatchObject({ ok: false, reason: 'too_many_rows' })
    expect(await readTableFile({ bytes, fileName: 'x.csv', maxRows: 3 })).toMatchObject({ ok: true })
  })
})

describe('readTableFile: XLSX', () => {
  it('reads cells as text: dates as YYYY-MM-DD, numbers as their digits, rich text and formulas by their text', async () => {
    const bytes = await xlsx([
      ['工号', '姓名', '入职日期', '手机', '备注'],
      ['E1001', '张三', new Date(Date.UTC(2026, 2, 2)), 13800138000, { richText: [{ text: '老' }, { text: '员工' }] }],
      [],
      ['E1002', '李四', '2026-01-15', null, { formula: '1+1', result: 2 }],
    ], (sheet) => (sheet.getColumn(3).numFmt = 'yyyy-mm-dd'))
    expect(await readTableFile({ bytes, fileName: 'anything.bin' })).toEqual({
      ok: true,
      header: ['工号', '姓名', '入职日期', '手机', '备注'],
      rows: [
        { line: 2, cells: ['E1001', '张三', '2026-03-02', '13800138000', '老员工'] },
        { line: 4, cells: ['E1002', '李四', '2026-01-15', '', '2'] },
      ],
    })
  })

  it('reads the downloaded template back', async () => {
    const header = ['工号', '姓名', '营业厅编码']
    for (const format of ['csv', 'xlsx'] as const) {
      const bytes = await writeTableTemplate({ header, rows: [['00123', '张三', 'GZ-TH-01']], format })
      expect(await readTableFile({ bytes, fileName: `t.${format}` })).toEqual({
        ok: true,
        header,
        rows: [{ line: 2, cells: ['00123', '张三', 'GZ-TH-01'] }],
      })
    }
  })

  it('refuses too many rows before reading them', async () => {
    const bytes = await xlsx([['a'], ['1'], ['2'], ['3']])
    expect(await readTableFile({ bytes, fileName: 'x.xlsx', maxRows: 2 })).toMatchObject({ ok: false, reason: 'too_many_rows' })
  })

  it('refuses a small ZIP that declares a 3 GB entry, without inflating it', async () => {
    const bytes = zip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1000), declaredSize: 3_000_000_000 },
    ])
    expect(bytes.length).toBeLessThan(2000)
    expect(await readTableFile({ bytes, fileName: 'bomb.xlsx' })).toMatchObject({ ok: false, reason: 'too_large' })
  })

  it('refuses a ZIP that lies: declares a little, inflates to much more', async () => {
    const bytes = zip([{ name: 'xl/workbook.xml', data: Buffer.alloc(2_000_000), declaredSize: 1000 }])
    expect(inspectZip(bytes)).toMatchObject({ ok: false, reason: 'too_large' })
  })

  it.each([
    ['a ZIP that is not a workbook', zip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]), 'not_a_table'],
    ['a truncated ZIP', zip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }]).subarray(0, 40), 'malformed'],
    ['a ZIP whose workbook is not XML', zip([{ name: 'xl/workbook.xml', data: Buffer.from('nonsense') }]), 'malformed'],
  ])('refuses %s', async (_name, bytes, reason) => {
    const table = await readTableFile({ bytes, fileName: 'people.xlsx' })
    expect(table).toMatchObject({ ok: false, reason })
  })
})
