// The quiz as a whole: attempts and pass rate, the score distribution, and Moodle's test statistics.
import { useTranslation } from 'react-i18next'
import type { QuizStatisticsPage } from '~/server/quiz-statistics.server'
import { formatNumber, formatPercent, formatShare, ShareBar } from './bars'
import { StatGrid } from '~/ui/stat-grid'

export function QuizSummary({ page }: { page: QuizStatisticsPage }) {
  const { t } = useTranslation()
  return (
    <StatGrid
      stats={[
        { id: 'attempts', value: page.attempts, label: t('stats.attempts') },
        { id: 'learners', value: page.learners, label: t('stats.learners') },
        { id: 'passRate', value: formatShare(page.passRate, 0), label: t('stats.passRate') },
        { id: 'passMark', value: `${page.quiz.passMark}%`, label: t('stats.passMark') },
      ]}
    />
  )
}

export function ScoreDistribution({ page }: { page: QuizStatisticsPage }) {
  const { t } = useTranslation()
  const most = Math.max(1, ...page.distribution.map((band) => band.count))
  return (
    <section className="card" aria-labelledby="stats-distribution">
      <h2 id="stats-distribution" className="section-title stats-heading">
        {t('stats.distribution')}
      </h2>
      <p className="muted">{t('stats.distributionHint')}</p>
      <ul className="stats-bands">
        {page.distribution.map((band) => (
          <li key={band.from} className="stats-band">
            <span>{t('stats.band', { from: band.from, to: band.to })}</span>
            <ShareBar share={band.count / most} tone={band.from >= page.quiz.passMark ? 'good' : undefined} />
            <span className="stats-num">{band.count}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** A figure in raw marks, with its share of the maximum as Moodle writes it. */
function Marks({ value, max }: { value: number | null; max: number }) {
  if (value === null) return <>{formatNumber(null)}</>
  return (
    <>
      {formatNumber(value)} / {max} <span className="muted">({formatShare(max > 0 ? value / max : null, 2)})</span>
    </>
  )
}

export function TestStatistics({ page }: { page: QuizStatisticsPage }) {
  const { t } = useTranslation()
  const figures = page.figures
  const max = page.quiz.maxPoints
  const rows: Array<[key: string, value: React.ReactNode]> = figures
    ? [
        ['mean', <Marks key="mean" value={figures.mean} max={max} />],
        ['median', <Marks key="median" value={figures.median} max={max} />],
        ['sd', <Marks key="sd" value={figures.sd} max={max} />],
        ['skewness', formatNumber(figures.skewness, 4)],
        ['kurtosis', formatNumber(figures.kurtosis, 4)],
        ['cic', formatPercent(figures.cic)],
        ['errorRatio', formatPercent(figures.errorRatio)],
        ['standardError', <Marks key="se" value={figures.standardError} max={max} />],
      ]
    : []
  return (
    <section className="card" aria-labelledby="stats-test">
      <h2 id="stats-test" className="section-title stats-heading">
        {t('stats.testStats')}
      </h2>
      {figures ? (
        <>
          <p className="muted">{t('stats.firstAttempts', { count: page.analysed })}</p>
          <dl className="facts stats-facts">
            {rows.map(([key, value]) => (
              <div key={key} style={{ display: 'contents' }}>
                <dt>{t(`stats.${key}`)}</dt>
                <dd>
                  <span className="stats-num">{value}</span>
                  <span className="figure-explain muted">{t(`quizVerdicts.explain.${key}`)}</span>
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : (
        <p className="notice updated">{t('stats.notEnough')}</p>
      )}
    </section>
  )
}
