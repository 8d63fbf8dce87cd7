// The overview's two server-rendered charts, remembered by what they draw (decision 0033): ECharts' SVG rendering
// cost ≈ 45 ms CPU per region view (a fifth of the loader), while the figures behind a unit change a few times a
// day. The key is every input the SVG depends on (language, each child's names and percent, each trend point), so a
// changed figure is a new key, never a stale chart; the last few dozen keys are kept.
import type { TrendPoint } from '~/core/completion-trend'
import type { GroupFigure } from '~/core/unit-progress'
import type { Language } from '~/i18n/catalog'
import { overviewCharts, starMixChart } from './manage-charts.server'

const KEPT = 64
const charts = new Map<string, ReturnType<typeof overviewCharts>>()

export function overviewChartsOf(children: Array<{ nameZh: string; nameEn: string; figure: GroupFigure }>, trend: TrendPoint[], language: Language): ReturnType<typeof overviewCharts> {
  const key = JSON.stringify([language, children.map((c) => [c.nameZh, c.nameEn, c.figure.percent]), trend.map((p) => [p.day, p.percent])])
  const kept = charts.get(key)
  if (kept) {
    charts.delete(key) // most recently used last
    charts.set(key, kept)
    return kept
  }
  const drawn = overviewCharts(children, trend, language)
  charts.set(key, drawn)
  if (charts.size > KEPT) charts.delete(charts.keys().next().value!)
  return drawn
}

const starCharts = new Map<string, string | null>()

/** The star-mix chart of an overview's units (its children, or the hall itself), remembered the same way: the key
 * is every name and count it draws, and the language. */
export function starMixChartOf(named: ReadonlyArray<{ code: string; nameZh: string; nameEn: string }>, mix: ReadonlyArray<{ group: string; counts: number[] }>, language: Language): string | null {
  const units = mix.map((m) => {
    const unit = named.find((u) => u.code === m.group)
    return { nameZh: unit?.nameZh ?? m.group, nameEn: unit?.nameEn ?? m.group, counts: m.counts }
  })
  const key = JSON.stringify([language, units.map((u) => [u.nameZh, u.nameEn, u.counts])])
  if (starCharts.has(key)) {
    const kept = starCharts.get(key)!
    starCharts.delete(key)
    starCharts.set(key, kept)
    return kept
  }
  const drawn = starMixChart(units, language)
  starCharts.set(key, drawn)
  if (starCharts.size > KEPT) starCharts.delete(starCharts.keys().next().value!)
  return drawn
}
