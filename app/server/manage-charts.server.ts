// The overview's two charts from its figures, with axis names in the reader's language.
import type { TrendPoint } from '~/core/completion-trend'
import type { GroupFigure } from '~/core/unit-progress'
import type { Language } from '~/i18n/catalog'
import { barChart, lineChart } from './charts.server'
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
