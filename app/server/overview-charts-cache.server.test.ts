import { overviewCharts, starMixChart } from './manage-charts.server'
import { overviewChartsOf, starMixChartOf } from './overview-charts-cache.server'

const figure = (percent: number | null) => ({ key: 'h', learners: 4, assigned: 4, complete: 2, percent, overdue: 0, overdueLearners: 0 })
// ECharts numbers each rendering's CSS classes (zr0-cls-…, zr1-c0 …): two drawings of the same figures differ only there
const drawing = (charts: ReturnType<typeof overviewCharts>) => JSON.parse(JSON.stringify(charts).replace(/zr\d+-(cls-\d+)?/g, 'zr-'))
const halls = [{ nameZh: '一厅', nameEn: 'Hall 1', figure: figure(50) }, { nameZh: '二厅', nameEn: 'Hall 2', figure: figure(75) }]
const trend = [{ day: '2026-11-01', percent: 40, assigned: 10, complete: 4 }, { day: '2026-11-08', percent: 50, assigned: 10, complete: 5 }]

describe('overviewChartsOf', () => {
  it('draws what overviewCharts draws, and the same figures a second time come from memory', () => {
    const first = overviewChartsOf(halls, trend, 'zh-CN')
    expect(drawing(first)).toEqual(drawing(overviewCharts(halls, trend, 'zh-CN')))
    expect(overviewChartsOf(structuredClone(halls), structuredClone(trend), 'zh-CN')).toBe(first)
  })

  it.each([
    { case: 'a changed percent', children: [halls[0], { ...halls[1], figure: figure(80) }], points: trend, language: 'zh-CN' as const },
    { case: 'a renamed hall', children: [halls[0], { ...halls[1], nameZh: '新二厅' }], points: trend, language: 'zh-CN' as const },
    { case: 'a new trend point', children: halls, points: [...trend, { day: '2026-11-15', percent: 60, assigned: 10, complete: 6 }], language: 'zh-CN' as const },
    { case: 'the other language', children: halls, points: trend, language: 'en' as const },
  ])('$case: drawn afresh, never the chart of other figures', ({ children, points, language }) => {
    const before = overviewChartsOf(halls, trend, 'zh-CN')
    const drawn = overviewChartsOf(children, points, language)
    expect(drawn).not.toBe(before)
    expect(drawing(drawn)).toEqual(drawing(overviewCharts(children, points, language)))
    expect(drawing(drawn)).not.toEqual(drawing(before))
  })
})

describe('starMixChartOf', () => {
  const named = [{ code: 'H01', nameZh: '一厅', nameEn: 'Hall 1' }, { code: 'H02', nameZh: '二厅', nameEn: 'Hall 2' }]
  const mix = [{ group: 'H01', counts: [2, 1, 0, 0, 0, 0] }, { group: 'H02', counts: [1, 0, 2, 0, 0, 0] }]
  const units = [{ nameZh: '一厅', nameEn: 'Hall 1', counts: mix[0].counts }, { nameZh: '二厅', nameEn: 'Hall 2', counts: mix[1].counts }]
  const strip = (svg: string | null) => svg?.replace(/zr\d+-(cls-\d+)?/g, 'zr-')

  it('draws the units by name, and the same figures a second time come from memory', () => {
    const first = starMixChartOf(named, mix, 'zh-CN')
    expect(strip(first)).toEqual(strip(starMixChart(units, 'zh-CN')))
    expect(starMixChartOf(structuredClone(named), structuredClone(mix), 'zh-CN')).toBe(first)
  })

  it.each([
    { case: 'a changed count', mix: [mix[0], { group: 'H02', counts: [0, 0, 3, 0, 0, 0] }], language: 'zh-CN' as const },
    { case: 'the other language', mix, language: 'en' as const },
  ])('$case: drawn afresh', ({ mix: other, language }) => {
    const before = starMixChartOf(named, mix, 'zh-CN')
    const drawn = starMixChartOf(named, other, language)
    expect(strip(drawn)).not.toEqual(strip(before))
  })
})
