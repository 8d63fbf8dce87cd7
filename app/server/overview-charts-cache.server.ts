// The overview's two server-rendered charts, remembered by what they draw (decision 0033): ECharts' SVG rendering
// cost ≈ 45 ms CPU per region view (a fifth of the loader), while the figures behind a unit change a few times a
// day. The key is every input the SVG depends on (language, each child's names and percent, each trend point), so a
// changed figure is a new key, never a stale chart; the last few dozen keys are kept.
import type { TrendPoint } from '~/core/completion-trend'
import type { GroupFigure } from '~/core/unit-progress'
import type { Language } from '~/i18n/catalog'
import { overviewCharts } from './manage-charts.server'

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
