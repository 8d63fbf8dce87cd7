// Where someone worked and when: one line per period in a hall, the current one last.
import { useTranslation } from 'react-i18next'
import { Dated } from '~/ui/date-text'
import { unitName } from '~/ui/page'

export function HallHistory({ periods }: { periods: Array<{ hall: { code: string; nameZh: string; nameEn: string }; from: string; until: string | null }> }) {
  const { t, i18n } = useTranslation()
  if (periods.length === 0) return null
  return (
    <section className="card" aria-labelledby="hall-history">
      <h2 id="hall-history">{t('people.history.title')}</h2>
      <ol className="list hall-history">
        {periods.map((p) => (
          <li key={`${p.hall.code}-${p.from}`}>
            <strong>{unitName(p.hall, i18n.language)}</strong>
            <br />
            <span className="muted"><Dated text={p.until ? t('people.history.period', { from: p.from, until: p.until }) : t('people.history.since', { from: p.from })} /></span>
          </li>
        ))}
      </ol>
    </section>
  )
}

/** On a person's record: change one's own password, or manage the account when the viewer may. */
export function AccountLinks({ username, manageable, own }: { username: string; manageable: boolean; own: boolean }) {
  const { t } = useTranslation()
  if (!manageable && !own) return null
  return (
    <p className="button-row">
      {own ? <a className="button secondary" href="/account/password">{t('people.password.title')}</a> : null}
      {manageable ? <a className="button secondary" href={`/accounts/${username}`}>{t('people.account.manage')}</a> : null}
    </p>
  )
}
