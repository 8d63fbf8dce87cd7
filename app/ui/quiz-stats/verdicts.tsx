// The statistics page's first section: each item's verdict in plain words, the items needing action first, each
// finding with what to do about it.
import { useTranslation } from 'react-i18next'
import type { Finding } from '~/core/quiz/item-verdicts'
import type { QuizStatisticsPage } from '~/server/quiz-statistics.server'
import { formatNumber, formatShare } from './bars'
import { itemLabel } from './item-statistics'

export function FindingText({ finding }: { finding: Finding }) {
  const { t } = useTranslation()
  const params = {
    facility: 'facility' in finding ? formatShare(finding.facility, 0) : '',
    discrimination: 'discrimination' in finding ? formatNumber(finding.discrimination, 0) : '',
    option: 'option' in finding ? finding.option : '',
    upper: 'upperRate' in finding ? formatShare(finding.upperRate, 0) : '',
    key: 'keyUpperRate' in finding ? formatShare(finding.keyUpperRate, 0) : '',
  }
  return (
    <li className={`finding ${finding.kind}`}>
      <strong>{t(`quizVerdicts.finding.${finding.kind}`, params)}</strong>
      <span className="muted"> {t(`quizVerdicts.todo.${finding.kind}`)}</span>
    </li>
  )
}

export function ItemVerdicts({ page }: { page: QuizStatisticsPage }) {
  const { t, i18n } = useTranslation()
  const byId = new Map(page.items.map((item) => [item.id, item]))
  const needing = page.verdicts.filter((verdict) => verdict.needsAction)
  return (
    <section className="card" aria-labelledby="stats-verdicts">
      <h2 id="stats-verdicts" className="section-title stats-heading">
        {t('quizVerdicts.title')}
      </h2>
      {page.analysed < 5 ? (
        <p className="notice updated">{t('quizVerdicts.tooFew', { count: page.analysed })}</p>
      ) : (
        <p className="muted">{needing.length ? t('quizVerdicts.needing', { count: needing.length }) : t('quizVerdicts.allFine')}</p>
      )}
      <ol className="verdicts">
        {page.verdicts.map((verdict) => {
          const item = byId.get(verdict.itemId)
          if (!item) return null
          return (
            <li key={verdict.itemId} className={`verdict${verdict.needsAction ? ' needs-action' : ''}`} data-item={verdict.itemId}>
              <p className="verdict-head">
                <span className={`pill ${verdict.needsAction ? 'overdue' : 'done'}`}>{verdict.needsAction ? t('quizVerdicts.act') : t('quizVerdicts.ok')}</span>{' '}
                {verdict.number}. {itemLabel(item, i18n.language)}
              </p>
              {verdict.findings.length ? (
                <ul className="findings">
                  {verdict.findings.map((finding) => (
                    <FindingText key={finding.kind + ('option' in finding ? finding.option : '')} finding={finding} />
                  ))}
                </ul>
              ) : null}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
