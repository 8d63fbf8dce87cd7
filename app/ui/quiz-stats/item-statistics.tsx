// Per item: Moodle's figures as a card (one line of explanation each, readable at 360 px), and the response
// analysis of its type, picked from ITEM_ANALYSES (the UI map beside the item type registry).
import { useTranslation } from 'react-i18next'
import type { ItemReport, OptionAnalysis } from '~/server/quiz-statistics.server'
import { formatPercent, formatShare, ShareBar } from './bars'
import { DialogueStatistics } from './dialogue-statistics'

/** The prompt (or the dialogue's title) an item is known by, in the reader's language. */
export function itemLabel(item: ItemReport, language: string): string {
  if (item.prompt) return item.prompt
  if (item.type === 'scenario' && item.analysis) return language === 'en' ? item.analysis.title.en : item.analysis.title.zh
  return item.id
}

const FIGURES = ['facility', 'itemSd', 'discrimination', 'efficiency', 'weight'] as const

/** One item's Moodle figures, each with what it means. */
export function ItemFigures({ item, number }: { item: ItemReport; number: number }) {
  const { t, i18n } = useTranslation()
  const f = item.figures
  const values: Record<(typeof FIGURES)[number], string> = {
    facility: formatShare(f?.facility, 0),
    itemSd: formatShare(f?.sd, 0),
    discrimination: formatPercent(f?.discriminationIndex, 0),
    efficiency: formatPercent(f?.discriminativeEfficiency, 0),
    weight: formatPercent(f?.effectiveWeight, 0),
  }
  return (
    <li className="card figure-card">
      <h3 className="stats-item-title">
        {number}. <span className="pill">{t(`stats.types.${item.type}`)}</span> {itemLabel(item, i18n.language)}
      </h3>
      <p className="muted">{t('quizVerdicts.maxMark', { points: item.maxMark })}</p>
      <dl className="figure-list">
        {FIGURES.map((key) => (
          <div key={key}>
            <dt>
              {t(`stats.${key}`)} <strong className="stats-num">{values[key]}</strong>
            </dt>
            <dd className="muted">{t(`quizVerdicts.explain.${key}`)}</dd>
          </div>
        ))}
      </dl>
    </li>
  )
}

function OptionPickRates({ analysis, heading }: { analysis: OptionAnalysis; heading: string }) {
  const { t } = useTranslation()
  return (
    <section className="card" aria-label={heading}>
      <h3 className="stats-item-title">{heading}</h3>
      <p className="muted">
        {t('stats.options')} · {t('stats.answered', { count: analysis.responses, blanks: analysis.blanks })}
      </p>
      <ul className="stats-choices">
        {analysis.rows.map((option) => (
          <li key={option.id} className={option.correct ? 'is-correct' : undefined}>
            <span className="stats-choice-head">
              <span>
                {option.text}
                {option.correct ? <span className="pill done">{t('stats.correct')}</span> : null}
              </span>
              <span className="stats-num">
                {option.picks} · {formatShare(option.rate, 0)}
              </span>
            </span>
            <ShareBar share={option.rate} tone={option.correct ? 'good' : 'bad'} />
            {option.upperRate !== null ? (
              <span className="muted stats-groups">{t('quizVerdicts.groups', { upper: formatShare(option.upperRate, 0), lower: formatShare(option.lowerRate, 0) })}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

type Analysis<K extends ItemReport['type']> = Extract<ItemReport, { type: K }>['analysis']

/** Each item type's response analysis view; null where the type has nothing beyond Moodle's figures. */
const ITEM_ANALYSES: { [K in ItemReport['type']]: ((props: { analysis: Analysis<K>; heading: string }) => React.ReactElement) | null } = {
  single: OptionPickRates,
  multiple: OptionPickRates,
  ordering: null,
  matching: null,
  text: null,
  scenario: ({ analysis, heading }) => (analysis ? <DialogueStatistics dialogue={analysis} heading={heading} /> : <></>),
}

export function ItemAnalysis({ item, number }: { item: ItemReport; number: number }) {
  const { t, i18n } = useTranslation()
  const View = ITEM_ANALYSES[item.type] as ((props: { analysis: unknown; heading: string }) => React.ReactElement) | null
  if (!View || item.analysis === null) return null
  return <View analysis={item.analysis} heading={`${number}. ${t(`stats.types.${item.type}`)} · ${itemLabel(item, i18n.language)}`} />
}
