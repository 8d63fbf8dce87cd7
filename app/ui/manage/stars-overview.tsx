// The overview's stars and mentoring (issue 17): the star-level mix of each unit below (or of the hall itself),
// the certificates expiring within 60 days, and the pairings on track / behind on check-ins / stalled. Each figure
// links to the page that lists what is behind it (the star page, the pairing list under that filter).
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { PAIRING_FIGURES } from '~/core/overview-stars'
import { Dated } from '~/ui/date-text'
import { unitName } from '~/ui/page'
import { StatGrid } from '~/ui/stat-grid'
import { Chart } from './chart'
import { pairingsHref, type UnitRef } from './links'

export interface StarsView {
  topLevel: number
  mix: Array<{ group: string; counts: number[] }>
  expiring: Array<{ username: string; name: string; level: number; expires: string }>
  expiringTotal: number
  pairings: Record<(typeof PAIRING_FIGURES)[number], number>
}

export function StarsOverview({ unit, stars, units, chart }: { unit: UnitRef; stars: StarsView; units: Array<{ code: string; nameZh: string; nameEn: string }>; chart: string | null }) {
  const { t, i18n } = useTranslation()
  const name = (code: string) => {
    const unit = units.find((u) => u.code === code)
    return unit ? unitName(unit, i18n.language) : code
  }
  const levels = Array.from({ length: stars.topLevel }, (_, i) => i + 1)
  return (
    <>
      {chart ? <Chart title={t('overviewStars.mix')} svg={chart} /> : null}
      {stars.mix.length ? (
        <section className="card table-wrap">
          <h2 className="section-title">
            <Link to="/manage/stars">{t('overviewStars.mix')}</Link>
          </h2>
          <table className="star-mix">
            <thead>
              <tr>
                <th>{t('manageBoard.unit')}</th>
                <th>{t('overviewStars.none')}</th>
                {levels.map((level) => (
                  <th key={level}>{t('overviewStars.level', { level })}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {stars.mix.map((row) => (
                <tr key={row.group}>
                  <td>{name(row.group)}</td>
                  {row.counts.map((count, level) => (
                    <td key={level}>{count}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <section className="card">
        <h2 className="section-title">{t('overviewStars.expiring', { count: stars.expiringTotal })}</h2>
        {stars.expiringTotal === 0 ? (
          <p className="muted">{t('overviewStars.noneExpiring')}</p>
        ) : (
          <ul className="list">
            {stars.expiring.map((c) => (
              <li key={c.username}>
                <Link className="row-link" to={`/people/${c.username}`}>
                  <span>
                    {c.name} <span className="muted">{t('stars.level', { level: c.level })}</span>
                  </span>
                  <span className="pill due">
                    <Dated text={t('overviewStars.expires', { day: c.expires })} />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {stars.expiringTotal > stars.expiring.length ? <Link to="/manage/stars">{t('overviewStars.allExpiring', { count: stars.expiringTotal })}</Link> : null}
      </section>
      <section className="card">
        <h2 className="section-title">{t('overviewStars.pairings')}</h2>
        <StatGrid stats={PAIRING_FIGURES.map((f) => ({ id: f, value: stars.pairings[f], label: t(`mentoring.filters.${f}`), to: pairingsHref(f, unit) }))} />
      </section>
    </>
  )
}
