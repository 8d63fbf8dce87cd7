// The check-in schedule of a pairing: done, overdue or upcoming, with the mentor's notes and the mentee's
// reflection; the page passes the form for the next one (the mentor's notes or the mentee's reflection).
import { useTranslation } from 'react-i18next'
import type { PairingStateData } from './checklist'
import { Dated } from '~/ui/date-text'

export function CheckIns({ state, renderForm }: { state: PairingStateData; renderForm?: (checkIn: PairingStateData['checkIns'][number]) => React.ReactNode }) {
  const { t } = useTranslation()
  return (
    <section className="card">
      <h2 className="section-title">{t('mentoring.checkIns.title')}</h2>
      <ul className="list">
        {state.checkIns.map((c) => (
          <li key={c.number}>
            <div className="row">
              <strong><Dated text={t('mentoring.checkIns.number', { number: c.number, day: c.dueDay })} /></strong>
              <span className={c.done ? 'pill done' : c.overdue ? 'pill overdue' : 'pill'}>
                {t(c.done ? 'mentoring.checkIns.done' : c.overdue ? 'mentoring.checkIns.overdue' : 'mentoring.checkIns.upcoming')}
              </span>
            </div>
            {c.mentorNote ? <p>{t('look.withNote', { text: t('mentoring.checkIns.mentorNote'), note: c.mentorNote })}</p> : null}
            {c.reflection ? <p className="muted">{t('look.withNote', { text: t('mentoring.checkIns.reflection'), note: c.reflection })}</p> : null}
            {state.pairing.status === 'active' && state.next?.number === c.number && renderForm ? renderForm(c) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
