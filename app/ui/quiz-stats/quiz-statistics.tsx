// The statistics page of one quiz, shared by trainers (every hall) and managers (their halls only).
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { UnitSummary } from '~/server/people.server'
import type { QuizStatisticsPage } from '~/server/quiz-statistics.server'
import { localized } from '~/ui/localized'
import { PageHeader, unitName } from '~/ui/page'
import { DialogueStatistics } from './dialogue-statistics'
import { ItemTable, OptionPickRates } from './item-statistics'
import { QuizSummary, ScoreDistribution, TestStatistics } from './quiz-figures'

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
      <ScoreDistribution page={page} />
      <TestStatistics page={page} />
      <ItemTable page={page} />
      {page.items.map((item, index) =>
        item.options ? (
          <OptionPickRates key={item.id} item={item} number={index + 1} />
        ) : item.dialogue ? (
          <DialogueStatistics
            key={item.id}
            dialogue={item.dialogue}
            heading={`${index + 1}. ${t('stats.dialogue', { title: i18n.language === 'en' ? item.dialogue.title.en : item.dialogue.title.zh })}`}
          />
        ) : null,
      )}
    </>
  )
}
