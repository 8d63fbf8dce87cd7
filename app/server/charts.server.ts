// Charts drawn on the server as SVG (ECharts' server-side renderer): no chart code reaches the browser, the SVG
// scales to a 360 px screen and prints. See docs/decisions/0012-manage-charts-and-figures.md for the choice.
import * as echarts from 'echarts'
import { labelLines } from '~/core/chart-label-lines'

export interface ChartSize {
  width: number
  height: number
}

// Plain, print-safe colours from the app's palette; animation off (nothing animates in a string).
// The font list in single quotes: the SVG writes it inside a double-quoted style attribute.
const BASE = { animation: false, textStyle: { fontFamily: "system-ui, 'Noto Sans CJK SC', sans-serif", fontSize: 12 }, color: ['#1f6f5c', '#c0392b', '#d68910', '#2e86c1'] }

function render(option: echarts.EChartsCoreOption, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height })
  try {
    chart.setOption({ ...BASE, ...option })
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

export interface Series {
  name: string
  values: Array<number | null>
}

// Names down the left, wrapped (never cut short) to this width; each row is as tall as its longest name.
const LABEL = { width: 130, fontSize: 12, lineHeight: 14 }

/** Horizontal bars, one row per label (long Chinese hall names read better down the side than under a bar). */
export function barChart(labels: string[], series: Series[], size: ChartSize, max?: number): string {
  const lines = Math.max(1, ...labels.map((l) => labelLines(l, LABEL.width, LABEL.fontSize)))
  const row = Math.max(28 * Math.max(1, series.length), lines * LABEL.lineHeight + 12)
  return render(
    {
      grid: { left: 8, right: 36, top: series.length > 1 ? 28 : 8, bottom: 8, containLabel: true },
      legend: series.length > 1 ? { top: 0, data: series.map((s) => s.name) } : undefined,
      xAxis: { type: 'value', max, splitLine: { lineStyle: { color: '#e5e5e5' } } },
      yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: LABEL.width, overflow: 'break', lineHeight: LABEL.lineHeight } },
      series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values, label: { show: true, position: 'right', formatter: '{c}' }, barMaxWidth: 18 })),
    },
    { width: size.width, height: Math.max(size.height, 36 + labels.length * row) },
  )
}

/** A line over time (the x labels are days). */
export function lineChart(labels: string[], series: Series[], size: ChartSize, max?: number): string {
  return render(
    {
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: labels, axisLabel: { formatter: (day: string) => day.slice(5) } },
      yAxis: { type: 'value', max, splitLine: { lineStyle: { color: '#e5e5e5' } } },
      series: series.map((s) => ({ type: 'line', name: s.name, data: s.values, label: { show: true, fontSize: 10 }, symbolSize: 5 })),
    },
    size,
  )
}

/**
 * Horizontal bars stacked per label (the parts of a whole, e.g. a unit's learners by star level), a legend on top,
 * each part's count written inside it when it is not zero. `colors` gives each series its colour.
 */
export function stackedBarChart(labels: string[], series: Series[], size: ChartSize, colors: string[]): string {
  const lines = Math.max(1, ...labels.map((l) => labelLines(l, LABEL.width, LABEL.fontSize)))
  const row = Math.max(28, lines * LABEL.lineHeight + 12)
  return render(
    {
      color: colors,
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0, itemWidth: 12, itemGap: 6, data: series.map((s) => s.name) },
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#e5e5e5' } } },
      yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: LABEL.width, overflow: 'break', lineHeight: LABEL.lineHeight } },
      series: series.map((s) => ({
        type: 'bar',
        stack: 'all',
        name: s.name,
        data: s.values,
        barMaxWidth: 18,
        label: { show: true, position: 'inside', fontSize: 10, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
      })),
    },
    { width: size.width, height: Math.max(size.height, 44 + labels.length * row) },
  )
}
