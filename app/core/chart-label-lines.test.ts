import { describe, expect, it } from 'vitest'
import { labelLines } from './chart-label-lines'

describe('a chart name wrapped to a width: the lines it takes', () => {
  it.each([
    { name: '城关营业厅', width: 130, lines: 1 }, // 5 × 12 px
    { name: '广州市天河区体育西路', width: 130, lines: 1 }, // 10 × 12 = 120 px: fits
    { name: '广州市天河区体育西路旗舰营业厅', width: 130, lines: 2 },
    { name: '广州市天河区体育西路旗舰营业厅第二服务中', width: 130, lines: 2 }, // 20 × 12 px: ten a line
    { name: '广州市天河区体育西路旗舰营业厅第二服务中心东区', width: 130, lines: 3 },
    { name: 'East Gate hall', width: 130, lines: 1 },
    { name: 'Tianhe District Tiyu West Road flagship hall', width: 130, lines: 3 },
    { name: 'Supercalifragilisticexpialidocious', width: 130, lines: 2 }, // one long word (≈ 245 px) is cut, as ECharts does
    { name: '', width: 130, lines: 1 },
  ])('$name at $width px → $lines', (c) => expect(labelLines(c.name, c.width, 12)).toBe(c.lines))
})
