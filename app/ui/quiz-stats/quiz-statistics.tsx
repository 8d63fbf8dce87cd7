// The statistics page of one quiz, shared by trainers (every hall) and managers (their halls only).
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { UnitSummary } from '~/server/people.server'
import type { QuizStatisticsPage } from '~/server/quiz-statistics.server'
import { localized } from '~/ui/localized'
import { PageHeader, unitName } from '~/ui/page'
import { ItemAnalysis, ItemFigures } from './item-statistics'
import { QuizSummary, ScoreDistribution, TestStatistics } from './quiz-figures'
import { ItemVerdicts } from './verdicts'

export interface QuizStatisticsProps {
  page: QuizStatisticsPage
  /** The units a manager is limited to; shown when the page does not cover the whole organisation. */
  units: UnitSummary[]
  back: { to: string; label: string }
}

function Scope({ page, units }: Pick<QuizStatisticsProps, 'page' | 'units'>) {
  const { t, i18n } = useTranslation()
  if (page.wholeOrganisation) return <p className="muted">{t('stats.scopeAll')}</p>
  return (
    <p className="muted">
      {t('stats.scopeUnits')}{' '}
      {units.map((unit) => (
        <span key={unit.code} className="pill">
          {t(`units.${unit.kind}`)} · {unitName(unit, i18n.language)}
        </span>
      ))}
    </p>
  )
}

export function QuizStatistics({ page, units, back }: QuizStatisticsProps) {
  const { t, i18n } = useTranslation()
  return (
    <>
      <p className="crumb">
        <Link to={back.to}>{back.label}</Link>
      </p>
      <PageHeader title={t('stats.title', { quiz: localized(page.quiz, 'title', i18n.language) })} lead={t('stats.currentVersion')} />
      <Scope page={page} units={units} />
      <QuizSummary page={page} />
      <ItemVerdicts page={page} />
      {/* the full Moodle figures stay one tap away, as cards a phone reads without scrolling sideways */}
      <details className="card details-figures">
        <summary className="section-title">{t('quizVerdicts.details')}</summary>
        <p className="muted">{t('quizVerdicts.detailsLead')}</p>
        <ScoreDistribution page={page} />
        <TestStatistics page={page} />
        <h2 className="section-title stats-heading">{t('stats.items')}</h2>
        {page.figures ? null : <p className="muted">{t('stats.notEnough')}</p>}
        <ol className="figure-cards">
          {page.items.map((item, index) => (
            <ItemFigures key={item.id} item={item} number={index + 1} />
          ))}
        </ol>
        {page.items.map((item, index) => (
          <ItemAnalysis key={item.id} item={item} number={index + 1} />
        ))}
      </details>
    </>
  )
}
