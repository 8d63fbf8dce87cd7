// The overview's charts as the server renders them (ECharts' SVG renderer): well-formed SVG with no script, the
// halls' names and each figure as text a reader (and a screen reader or a printer) can read, one bar per hall and
// one point per week.
import { XMLValidator } from 'fast-xml-parser'
import type { GroupFigure } from '~/core/unit-progress'
import { overviewCharts, starMixChart } from './manage-charts.server'

const figure = (percent: number | null): GroupFigure => ({ key: 'k', learners: 4, assigned: 4, complete: 1, percent, overdue: 0, overdueLearners: 0 })
const halls = [
  { nameZh: '城关营业厅', nameEn: 'Chengguan hall', figure: figure(40) },
  { nameZh: '西街营业厅', nameEn: 'West Street hall', figure: figure(75) },
  { nameZh: '东门营业厅', nameEn: 'East Gate hall', figure: figure(0) },
  { nameZh: '新区营业厅', nameEn: 'New Town hall', figure: figure(null) }, // nobody assigned: no bar
]
const trend = Array.from({ length: 12 }, (_, i) => ({ day: `2026-09-${String(1 + i * 7).padStart(2, '0')}`.replace('-09-3', '-10-0'), assigned: 20, complete: i, percent: i * 5 }))

const texts = (svg: string) => [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])
const fontSizes = (svg: string) => [...svg.matchAll(/font-size:(\d+(?:\.\d+)?)px/g)].map((m) => Number(m[1]))
const dataMarks = (svg: string) => [...svg.matchAll(/<path\b[^>]*ecmeta_data_index="(\d+)"[^>]*>/g)].map((m) => Number(m[1]))

function expectSafeReadableSvg(svg: string) {
  expect(XMLValidator.validate(svg)).toBe(true) // e.g. a font list quoted inside a quoted style attribute breaks it
  expect(svg).toMatch(/^<svg\b[^>]*viewBox="0 0 340 \d+"/) // scales down to a 360 px screen
  expect(svg).not.toMatch(/<script|\son[a-z]+=|javascript:|<foreignObject/i)
  expect(Math.min(...fontSizes(svg))).toBeGreaterThanOrEqual(10)
}

describe('overviewCharts', () => {
  const zh = overviewCharts(halls, trend, 'zh-CN')
  const en = overviewCharts(halls, trend, 'en')

  it('completion by hall: one bar per hall with figures, each hall named, each percent written beside its bar', () => {
    const svg = zh.byUnit!
    expectSafeReadableSvg(svg)
    expect(texts(svg)).toEqual(expect.arrayContaining(['城关营业厅', '西街营业厅', '东门营业厅', '40', '75', '0']))
    expect(texts(svg)).not.toContain('新区营业厅')
    expect(dataMarks(svg)).toEqual([0, 1, 2])
    expect(texts(en.byUnit!)).toEqual(expect.arrayContaining(['Chengguan hall', 'West Street hall', 'East Gate hall']))
  })

  it('a long hall name is written whole, wrapped over lines (never cut to 广州市天河区体育…), in both languages', () => {
    const long = { nameZh: '广州市天河区体育西路旗舰营业厅第二服务中心', nameEn: 'Tianhe District Tiyu West Road flagship hall', figure: figure(60) }
    for (const [language, name] of [['zh-CN', long.nameZh], ['en', long.nameEn]] as const) {
      const svg = overviewCharts([long, halls[0]], trend, language).byUnit!
      expectSafeReadableSvg(svg)
      expect(svg).not.toMatch(/…|\.\.\.</)
      const lines = texts(svg).filter((line) => !/^\d+$/.test(line) && name.includes(line.trim()))
      expect(lines.length).toBeGreaterThan(1)
      expect(lines.join('').replace(/\s+/g, ' ').trim()).toBe(name)
      const height = Number(/viewBox="0 0 340 (\d+)"/.exec(svg)![1])
      expect(height).toBeGreaterThanOrEqual(36 + 2 * 3 * 14) // two rows, the taller one three lines of 14 px
    }
  })

  it('the 12-week trend: one point per week, each value written, week days on the axis', () => {
    const svg = zh.trend!
    expectSafeReadableSvg(svg)
    expect(dataMarks(svg)).toEqual(Array.from({ length: 12 }, (_, i) => i))
    expect(texts(svg)).toEqual(expect.arrayContaining(trend.map((p) => String(p.percent))))
    expect(texts(svg)).toContain(trend[0].day.slice(5))
  })

  it('no chart when there is nothing to draw', () => {
    const empty = overviewCharts([{ ...halls[3] }], trend.map((p) => ({ ...p, percent: null })), 'en')
    expect(empty).toEqual({ byUnit: null, trend: null })
  })
})

describe('starMixChart', () => {
  // learners by level: none, 1★ … 5★
  const units = [
    { nameZh: '城关营业厅', nameEn: 'Chengguan hall', counts: [3, 2, 0, 1, 0, 0] },
    { nameZh: '西街营业厅', nameEn: 'West Street hall', counts: [4, 0, 1, 0, 0, 1] },
  ]

  it('one stacked bar per unit, a legend of the levels, each non-zero count written in its part', () => {
    const svg = starMixChart(units, 'zh-CN')!
    expectSafeReadableSvg(svg)
    const written = texts(svg)
    expect(written).toEqual(expect.arrayContaining(['城关营业厅', '西街营业厅', '未定级', '1星', '5星', '3', '2', '4']))
    // the parts drawn (the legend's marks carry a transform): one per level and unit, a zero part with no width
    const parts = [...svg.matchAll(/<path d="M[\d.]+ [\d.]+l([\d.]+) 0[^"]*" fill="[^"]*" ecmeta_series_index="(\d+)" ecmeta_data_index="(\d+)" ecmeta_ssr_type="chart"/g)]
    const widths = parts.map((m) => ({ level: Number(m[2]), unit: Number(m[3]), drawn: Number(m[1]) > 0 }))
    expect(widths).toHaveLength(12)
    for (const [unit, { counts }] of units.entries()) {
      expect(widths.filter((w) => w.unit === unit).sort((a, b) => a.level - b.level).map((w) => w.drawn)).toEqual(counts.map((n) => n > 0))
    }
    expect(texts(starMixChart(units, 'en')!)).toEqual(expect.arrayContaining(['Chengguan hall', 'None', '1★', '5★']))
  })

  it('no chart when nobody holds a star', () => {
    expect(starMixChart([{ ...units[0], counts: [5, 0, 0, 0, 0, 0] }], 'zh-CN')).toBeNull()
  })
})
