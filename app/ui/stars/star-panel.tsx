// The clerk's star on their home: level, validity and state, reminders, what the next level needs, apply,
// and the hall's 服务明星 of the month.
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { LocalizedText } from '~/core/quiz/schema-parts'
import type { CertificateState } from '~/core/stars/certificate-status'
import type { RequirementResult } from '~/core/stars/requirement-kind'
import { StateBadge, Stars, monthText, requirementText } from './star-words'
import { Dated } from '~/ui/date-text'

export interface StarPanelData {
  held: { code: string; level: number; title: LocalizedText; state: CertificateState; validUntil: string; renewBy: string | null; reminderDays: number | null } | null
  next: { level: number; title: LocalizedText; missing: RequirementResult[]; deferred: RequirementResult[]; unavailable: RequirementResult[] } | null
  applyLevel: number | null
  applyTitle: LocalizedText | null
  pending: { level: number; title: LocalizedText } | null
  starOfMonth: { name: string; month: string } | null
}

/** `ownHome`: the clerk's own home ("my star", where they may apply); elsewhere (their record) no form, a neutral title. */
export function StarPanel({ data, ownHome = true }: { data: StarPanelData; ownHome?: boolean }) {
  const { t, i18n } = useTranslation()
  const name = (title: LocalizedText) => (i18n.language === 'en' ? title.en : title.zh)
  const { held, next } = data
  return (
    <section className="card star-panel" aria-labelledby="star-panel-title">
      <h2 className="section-title" id="star-panel-title">
        {t(ownHome ? 'stars.home.title' : 'personRecord.starTitle')}
      </h2>
      {data.starOfMonth ? <p className="notice done">🏅 {t('stars.home.starOfMonth', { month: monthText(data.starOfMonth.month, t, i18n.language), name: data.starOfMonth.name })}</p> : null}
      {held ? (
        <>
          <p className="star-current">
            <Stars level={held.level} /> {name(held.title)} <StateBadge state={held.state} />
          </p>
          <p className="muted"><Dated text={t('stars.home.validUntil', { day: held.validUntil })} /></p>
          {held.renewBy ? <p className="notice updated"><Dated text={t('stars.home.renewBy', { day: held.renewBy })} /></p> : null}
          {held.reminderDays ? <p className="notice updated"><Dated text={t('stars.home.reminder', { days: held.reminderDays, day: held.validUntil })} /></p> : null}
          <p>
            <a href={`/certificates/${held.code}.pdf`}>{t('stars.home.pdf')}</a> · <a href={`/verify/${held.code}`}>{t('stars.home.verify')}</a>
          </p>
        </>
      ) : (
        <p className="muted">{t('stars.home.none')}</p>
      )}
      {next ? (
        <>
          <p>{next.missing.length ? t('stars.home.next', { title: name(next.title) }) : t('stars.home.ready', { title: name(next.title) })}</p>
          <ul className="requirements">
            {next.missing.map((r, i) => (
              // the line above already says "还需要", so each line is the requirement alone (no 还差： on every line)
              <li key={`m${i}`}>{requirementText(r, t, i18n.language)}</li>
            ))}
            {next.deferred.map((r, i) => (
              <li key={`d${i}`}>{t('stars.home.deferred', { text: requirementText({ ...r, current: null }, t, i18n.language), interpolation: { escapeValue: false } })}</li>
            ))}
            {next.unavailable.map((r, i) => (
              <li key={`u${i}`} className="unavailable">
                {t('stars.home.unavailable', { text: requirementText({ ...r, current: null }, t, i18n.language), interpolation: { escapeValue: false } })}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{t('stars.home.top')}</p>
      )}
      {data.pending ? (
        <p className="notice done">{t('stars.home.applied', { title: name(data.pending.title) })}</p>
      ) : ownHome && data.applyLevel && data.applyTitle ? (
        <Form method="post" action="/stars/apply">
          <button type="submit" className="button full">
            {t('stars.home.apply', { title: name(data.applyTitle) })}
          </button>
        </Form>
      ) : null}
    </section>
  )
}
