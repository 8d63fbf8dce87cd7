// The CSV writer: a BOM and the header row always; rows given plainly or a page at a time read the same; a cell a
// spreadsheet would run as a formula (CSV injection) is written as text.
import { parse } from 'csv-parse/sync'
import { csvStream, type ExportTable } from './exports.server'

async function csvOf(table: ExportTable): Promise<string> {
  let text = ''
  for await (const chunk of csvStream(table)) text += String(chunk)
  return text
}

const headers = ['username', 'name', 'count']

describe('csvStream', () => {
  it('writes the BOM and the header row even with no rows', async () => {
    const text = await csvOf({ name: 't', headers, rows: [] })
    expect(text).toBe('\uFEFFusername,name,count\n')
    expect(await csvOf({ name: 't', headers, rows: { pages: (async function* () {})() } })).toBe(text)
  })

  it('reads the same given rows or pages of rows, empty pages included', async () => {
    const rows = [['s1', '张三', 3], ['s2', 'Li, "Si"', 0], ['s3', null, -2]]
    async function* pages() {
      yield rows.slice(0, 2)
      yield []
      yield rows.slice(2)
    }
    const plain = await csvOf({ name: 't', headers, rows })
    expect(await csvOf({ name: 't', headers, rows: { pages: pages() } })).toBe(plain)
    expect(parse(plain, { bom: true })).toEqual([headers, ['s1', '张三', '3'], ['s2', 'Li, "Si"', '0'], ['s3', '', '-2']])
  })

  it.each([
    ['=HYPERLINK("http://x","点我")', `'=HYPERLINK("http://x","点我")`],
    ['+86 1380', `'+86 1380`],
    ['-1+2', `'-1+2`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['＝1+1', `'＝1+1`],
    ['王=五', '王=五'],
  ])('a name %j starts no formula', async (name, written) => {
    const [, row] = parse(await csvOf({ name: 't', headers, rows: [['s1', name, -3]] }), { bom: true }) as string[][]
    expect(row).toEqual(['s1', written, '-3'])
  })
})
