// The overview's charts from its figures, with axis names in the reader's language.
import type { TrendPoint } from '~/core/completion-trend'
import type { GroupFigure } from '~/core/unit-progress'
import type { Language } from '~/i18n/catalog'
import { barChart, lineChart, stackedBarChart } from './charts.server'
import { i18nFor } from './i18n.server'

const SIZE = { width: 340, height: 200 }

export function overviewCharts(
  children: Array<{ nameZh: string; nameEn: string; figure: GroupFigure }>,
  trend: TrendPoint[],
  language: Language,
): { byUnit: string | null; trend: string | null } {
  const t = i18nFor(language).t
  const name = (u: { nameZh: string; nameEn: string }) => (language === 'en' ? u.nameEn : u.nameZh)
  const withFigures = children.filter((c) => c.figure.percent !== null)
  return {
    byUnit: withFigures.length ? barChart(withFigures.map(name), [{ name: t('manageBoard.done'), values: withFigures.map((c) => c.figure.percent) }], SIZE, 100) : null,
    trend: trend.some((p) => p.percent !== null) ? lineChart(trend.map((p) => p.day), [{ name: t('manageBoard.done'), values: trend.map((p) => p.percent) }], SIZE, 100) : null,
  }
}

// no certificate in grey, then the star levels from light to the app's dark green
const STAR_COLORS = ['#bdbdbd', '#a9d8c8', '#6fbf9f', '#3f9f7f', '#1f6f5c', '#0e4a3c']

/** The star mix: per unit, its learners by level (none, 1★ … top), stacked; null when nobody holds a star. */
export function starMixChart(units: Array<{ nameZh: string; nameEn: string; counts: number[] }>, language: Language): string | null {
  if (!units.some((u) => u.counts.slice(1).some((n) => n > 0))) return null
  const t = i18nFor(language).t
  const levels = units[0].counts.length
  const series = Array.from({ length: levels }, (_, level) => ({
    name: level === 0 ? t('overviewStars.none') : t('overviewStars.level', { level }),
    values: units.map((u) => u.counts[level]),
  }))
  return stackedBarChart(units.map((u) => (language === 'en' ? u.nameEn : u.nameZh)), series, SIZE, STAR_COLORS)
}
