// A pairing at a glance: who, which checklist, progress, the next check-in, and every flag with its reason.
import { useTranslation } from 'react-i18next'
import { ProgressBar } from '~/ui/progress'
import type { PairingStateData } from './checklist'
import { Dated } from '~/ui/date-text'

export function Flags({ flags }: { flags: PairingStateData['flags'] }) {
  const { t } = useTranslation()
  if (flags.length === 0) return null
  return (
    <ul className="flag-list">
      {flags.map((f) => (
        <li key={f.kind} className="pill overdue">
          <Dated text={f.kind === 'checkInOverdue' ? t('mentoring.flags.checkInOverdue', { number: f.number, day: f.dueDay, days: f.daysLate }) : t('mentoring.flags.stalled', { day: f.sinceDay, days: f.days })} />
        </li>
      ))}
    </ul>
  )
}

/** `show`: whose name to show (a mentor's list shows the mentee, a mentee's page the mentor). */
export function PairingSummary({ state, show }: { state: PairingStateData; show: 'mentor' | 'mentee' | 'both' }) {
  const { t, i18n } = useTranslation()
  const { pairing } = state
  const percent = state.total ? Math.round((state.signed / state.total) * 100) : 0
  return (
    <>
      <p>
        {show !== 'mentee' ? <span className="pill">{t('mentoring.mentorLabel', { name: pairing.mentor.name })}</span> : null}
        {show !== 'mentor' ? <span className="pill">{t('mentoring.menteeLabel', { name: pairing.mentee.name })}</span> : null}
        <span className={pairing.status === 'completed' ? 'pill done' : 'pill'}>{t(`mentoring.status.${pairing.status}`)}</span>
      </p>
      <p className="muted">
        {t('mentoring.template', { title: i18n.language === 'en' ? state.template.titleEn : state.template.titleZh, number: state.template.number })}
        <br />
        <Dated text={t('mentoring.plannedEnd', { start: pairing.startDay, end: pairing.plannedEndDay })} />
      </p>
      <ProgressBar percent={percent} label={t('mentoring.progress', { signed: state.signed, total: state.total })} />
      <p className="muted">
        {t('mentoring.progress', { signed: state.signed, total: state.total })}
        {' · '}
        <Dated text={state.next && pairing.status === 'active' ? t('mentoring.nextCheckIn', { number: state.next.number, day: state.next.dueDay }) : t('mentoring.noNextCheckIn')} />
      </p>
      <Flags flags={state.flags} />
    </>
  )
}
