// 明查暗访 rows: date, 工号, the six category scores of the form and the total (which must add up).
import { INSPECTION_CATEGORIES, type InspectionCategory } from '../inspection-form'
import { dayCell, numberCell, usernameCell, type CellProblem, type EvidenceFileKind } from './evidence-file'

export type InspectionRecord = { username: string; day: string; total: number } & Record<InspectionCategory, number>

export const inspectionFile: EvidenceFileKind<'inspection', InspectionRecord> = {
  kind: 'inspection',
  columns: ['日期', '工号', ...INSPECTION_CATEGORIES.map(([, title]) => title), '总分'],
  example: ['2026-03-05', 'clerk01', '28', '14', '18', '9', '14', '10', '93'],
  parseRow(cells, today) {
    const problems: CellProblem[] = []
    const day = dayCell(cells, '日期', problems, today)
    const username = usernameCell(cells, '工号', problems)
    const scores = Object.fromEntries(INSPECTION_CATEGORIES.map(([key, title, max]) => [key, numberCell(cells, title, problems, { min: 0, max })])) as Record<InspectionCategory, number>
    const total = numberCell(cells, '总分', problems, { min: 0, max: 100 })
    if (!problems.length) {
      const sum = Object.values(scores).reduce((a, b) => a + b, 0)
      if (Math.abs(sum - total) > 0.05) problems.push({ column: '总分', reason: 'total', values: { sum: Math.round(sum * 10) / 10, value: total } })
    }
    return problems.length ? { ok: false, problems } : { ok: true, record: { username, day, total, ...scores } }
  },
  key: (r) => r.day,
  same: (r, s) => s.total === r.total && INSPECTION_CATEGORIES.every(([key]) => s[key] === r[key]),
}
