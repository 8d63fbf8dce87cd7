// csvBody writes the rows csv-stringify would write with the exports' options, byte for byte (csv-write.server.ts
// says why it is not csv-stringify itself); csv-stringify is the oracle here.
import { stringify } from 'csv-stringify/sync'
import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { csvBody, type Cell } from './csv-write.server'

const oracle = (rows: Cell[][]) => stringify(rows, { escape_formulas: true })

// text weighted towards what changes how a cell is written: the delimiter, quotes, line breaks, the formula starts
const special = fc.constantFrom(',', '"', '\n', '\r', '\r\n', '=', '+', '-', '@', '\t', '＝', '＋', '－', '＠', "'", ' ', '；', '（', '张')
const text = fc.oneof(fc.string(), fc.array(fc.oneof(special, fc.string({ maxLength: 3 })), { maxLength: 6 }).map((parts) => parts.join('')))
const cell: fc.Arbitrary<Cell> = fc.oneof(text, fc.integer({ min: -1000, max: 1000 }), fc.double(), fc.constant(null), fc.constant(''))

it('writes every page of rows as csv-stringify does', () => {
  fc.assert(
    fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 14 }), { maxLength: 8 }), (rows) => {
      expect(csvBody(rows)).toBe(oracle(rows))
    }),
    { numRuns: 2000 },
  )
})

it.each<[string, Cell[], string]>([
  ['a formula start gets a quote mark', ['=SUM(A1)', '+1', '-x', '@a', '＝1'], "'=SUM(A1),'+1,'-x,'@a,'＝1\n"],
  ['a negative number is a number, not a formula', [-3, 0, 2.5], '-3,0,2.5\n'],
  ['the delimiter, quotes and line breaks are quoted, quotes doubled', ['a,b', 'say "hi"', 'two\nlines', '\rx'], '"a,b","say ""hi""","two\nlines","\'\rx"\n'],
  ['an empty or missing cell is empty', ['', null, '张三'], ',,张三\n'],
])('%s', (_, row, line) => {
  expect(csvBody([row])).toBe(line)
  expect(oracle([row])).toBe(line)
})

it('reads back as the cells it was given (a formula start keeps its mark)', () => {
  const rows: Cell[][] = [['王芳', '服务礼仪（2026-11-20）；投诉处理（2026-11-25）', 'say "hi", then\nleave', 3, null]]
  expect(parse(csvBody(rows))).toEqual([['王芳', '服务礼仪（2026-11-20）；投诉处理（2026-11-25）', 'say "hi", then\nleave', '3', '']])
})
