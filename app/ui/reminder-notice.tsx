// On a learner's home: who reminded them (催学) of which overdue course, while that course is still not complete.
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { hallTime } from './time-text'
import { Dated } from '~/ui/date-text'

export interface ReminderView {
  id: string
  at: string
  by: string
  dueDay: string
  courseId: string
  courseTitle: string
}

export function ReminderNotice({ reminders }: { reminders: ReminderView[] }) {
  const { t } = useTranslation()
  if (reminders.length === 0) return null
  return (
    <section className="notice reminder" role="status" aria-label={t('record.reminders')}>
      {reminders.map((r) => (
        <p key={r.id}>
          ⏰ <Dated text={t('record.noticeLine', { by: r.by, time: hallTime(r.at), course: r.courseTitle, day: r.dueDay })} />{' '}
          <Link to={`/learn/${r.courseId}`}>{t('record.goLearn')}</Link>
        </p>
      ))}
    </section>
  )
}
