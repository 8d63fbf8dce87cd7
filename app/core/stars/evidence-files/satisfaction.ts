// 满意度评价器 rows: 工号, month, number of ratings and their average on the 5-point scale.
import { numberCell, usernameCell, type CellProblem, type EvidenceFileKind } from './evidence-file'

export interface SatisfactionRecord {
  username: string
  month: string
  ratings: number
  average: number
}

function monthCell(text: string, problems: CellProblem[], today: string): string {
  const m = /^(\d{4})[-/.](\d{1,2})$/.exec(text)
  const month = m ? `${m[1]}-${m[2].padStart(2, '0')}` : text
  if (text === '') problems.push({ column: '月份', reason: 'required' })
  else if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[1]) < 2000) problems.push({ column: '月份', reason: 'month', values: { value: text } })
  else if (month > today.slice(0, 7)) problems.push({ column: '月份', reason: 'future', values: { value: month } })
  return month
}

export const satisfactionFile: EvidenceFileKind<'satisfaction', SatisfactionRecord> = {
  kind: 'satisfaction',
  columns: ['工号', '月份', '评价数', '平均分'],
  example: ['clerk01', '2026-03', '56', '4.86'],
  parseRow(cells, today) {
    const problems: CellProblem[] = []
    const username = usernameCell(cells, '工号', problems)
    const month = monthCell(cells['月份'] ?? '', problems, today)
    const ratings = numberCell(cells, '评价数', problems, { min: 0, max: 100_000, integer: true })
    const average = numberCell(cells, '平均分', problems, { min: 1, max: 5 })
    return problems.length ? { ok: false, problems } : { ok: true, record: { username, month, ratings, average } }
  },
  key: (r) => r.month,
  same: (r, s) => s.ratings === r.ratings && s.average === r.average,
}
