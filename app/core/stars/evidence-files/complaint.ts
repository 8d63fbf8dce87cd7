// Complaint rows: date, 工号, liable (是/否), summary. The natural key is the clerk, the day and the summary.
import { dayCell, usernameCell, type CellProblem, type EvidenceFileKind } from './evidence-file'

export interface ComplaintRecord {
  username: string
  day: string
  liable: boolean
  summary: string
}

const YES = ['是', '有责', 'Y', 'YES', '1']
const NO = ['否', '无责', 'N', 'NO', '0']

export const complaintFile: EvidenceFileKind<'complaint', ComplaintRecord> = {
  kind: 'complaint',
  columns: ['日期', '工号', '是否有责', '摘要'],
  example: ['2026-03-12', 'clerk01', '否', '客户对排队时间不满，经核实为叫号系统故障'],
  parseRow(cells, today) {
    const problems: CellProblem[] = []
    const day = dayCell(cells, '日期', problems, today)
    const username = usernameCell(cells, '工号', problems)
    const liableText = (cells['是否有责'] ?? '').toUpperCase()
    if (!YES.includes(liableText) && !NO.includes(liableText)) problems.push({ column: '是否有责', reason: 'liable', values: { value: cells['是否有责'] ?? '' } })
    const summary = cells['摘要'] ?? ''
    if (summary === '') problems.push({ column: '摘要', reason: 'required' })
    else if (summary.length > 500) problems.push({ column: '摘要', reason: 'long', values: { max: 500 } })
    return problems.length ? { ok: false, problems } : { ok: true, record: { username, day, liable: YES.includes(liableText), summary } }
  },
  key: (r) => `${r.day}|${r.summary}`,
  same: (r, s) => s.liable === r.liable,
}
