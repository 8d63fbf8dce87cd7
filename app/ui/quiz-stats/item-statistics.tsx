// Per item: Moodle's item figures in one table (scrolls sideways on a phone), and each option's pick rate.
import { useTranslation } from 'react-i18next'
import type { ItemReport, QuizStatisticsPage } from '~/server/quiz-statistics.server'
import { formatPercent, formatShare, ShareBar } from './bars'

/** The prompt (or the dialogue's title) an item is known by, in the reader's language. */
export function itemLabel(item: ItemReport, language: string): string {
  if (item.prompt) return item.prompt
  if (item.dialogue) return language === 'en' ? item.dialogue.title.en : item.dialogue.title.zh
  return item.id
}

export function ItemTable({ page }: { page: QuizStatisticsPage }) {
  const { t, i18n } = useTranslation()
  return (
    <section className="card" aria-labelledby="stats-items">
      <h2 id="stats-items" className="section-title stats-heading">
        {t('stats.items')}
      </h2>
      {page.figures ? null : <p className="muted">{t('stats.notEnough')}</p>}
      <div className="table-wrap">
        <table className="stats-table">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('stats.item')}</th>
              <th className="stats-num">{t('stats.maxMark')}</th>
              <th className="stats-num">{t('stats.facility')}</th>
              <th className="stats-num">{t('stats.itemSd')}</th>
              <th className="stats-num">{t('stats.discrimination')}</th>
              <th className="stats-num">{t('stats.efficiency')}</th>
              <th className="stats-num">{t('stats.weight')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((item, index) => (
              <tr key={item.id}>
                <td>{index + 1}</td>
                <td className="stats-item-label">
                  <span className="pill">{t(`stats.types.${item.type}`)}</span>
                  {itemLabel(item, i18n.language)}
                </td>
                <td className="stats-num">{item.maxMark}</td>
                <td className="stats-num">{formatShare(item.figures?.facility, 2)}</td>
                <td className="stats-num">{formatShare(item.figures?.sd, 2)}</td>
                <td className="stats-num">{formatPercent(item.figures?.discriminationIndex)}</td>
                <td className="stats-num">{formatPercent(item.figures?.discriminativeEfficiency)}</td>
                <td className="stats-num">{formatPercent(item.figures?.effectiveWeight)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

export function OptionPickRates({ item, number }: { item: ItemReport; number: number }) {
  const { t, i18n } = useTranslation()
  if (!item.options) return null
  return (
    <section className="card" aria-label={t('stats.options')}>
      <h3 className="stats-item-title">
        {number}. {itemLabel(item, i18n.language)}
      </h3>
      <p className="muted">
        {t('stats.options')} · {t('stats.answered', { count: item.options.responses, blanks: item.options.blanks })}
      </p>
      <ul className="stats-choices">
        {item.options.rows.map((option) => (
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
          </li>
        ))}
      </ul>
    </section>
  )
}
