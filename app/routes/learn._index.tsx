// A clerk's home: assigned courses first (due date, progress, overdue), then the catalogue open to them.
import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { catalogueFor, type CatalogueEntry } from '~/server/courses.server'
import { menteeChecklistSummary } from '~/server/mentoring-pages.server'
import { recentRemindersOf } from '~/server/reminders.server'
import { requireArea } from '~/server/session.server'
import { localized } from '~/ui/localized'
import { ChecklistLink } from '~/ui/mentoring/checklist-link'
import { PageHeader, unitName } from '~/ui/page'
import { ProgressBar } from '~/ui/progress'
import { starPanelFor } from '~/server/stars/panel.server'
import { StarPanel } from '~/ui/stars/star-panel'
import { ReminderNotice } from '~/ui/reminder-notice'
import { Dated } from '~/ui/date-text'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'learn')
  const now = new Date()
  const [{ assigned, open }, stars, checklist, reminders] = await Promise.all([
    catalogueFor(user, now),
    starPanelFor(user, now),
    menteeChecklistSummary(user.id, now),
    recentRemindersOf(user.id, now),
  ])
  const stillOpen = (courseId: string) => assigned.some((e) => e.id === courseId && !e.completion.complete)
  return json({ name: user.name, hall: user.hall, assigned, open, stars, checklist, reminders: reminders.filter((r) => stillOpen(r.courseId)) })
}

function DueBadge({ entry }: { entry: Pick<CatalogueEntry, 'dueDay' | 'daysLeft' | 'overdue' | 'completion'> }) {
  const { t } = useTranslation()
  if (entry.completion.complete) return <span className="pill done">✓ {t('learn.complete')}</span>
  if (!entry.dueDay) return null
  if (entry.overdue) return <span className="pill overdue">{t('learn.overdue')} · <Dated text={t('learn.due', { day: entry.dueDay })} /></span>
  return (
    <span className="pill due">
      <Dated text={t('learn.due', { day: entry.dueDay })} /> · {entry.daysLeft === 0 ? t('learn.dueToday') : t('learn.dueIn', { count: entry.daysLeft ?? 0 })}
    </span>
  )
}

function CourseCard({ entry }: { entry: CatalogueEntry }) {
  const { t, i18n } = useTranslation()
  const { completion } = entry
  const target = `/learn/${entry.id}${entry.nextModule ? `/${entry.nextModule}` : ''}`
  // a course half read is "continue" even without a resume point (read on another device, or before resume points)
  const action = completion.complete ? t('learn.review') : entry.resumeModule || completion.read > 0 ? t('learn.resume') : t('learn.start')
  return (
    <article className="card course-card">
      <h3>{localized(entry, 'title', i18n.language)}</h3>
      <p className="muted">{localized(entry, 'summary', i18n.language)}</p>
      <DueBadge entry={entry} />
      <ProgressBar percent={completion.percent} label={t('learn.progress', { read: completion.read, total: completion.total })} />
      <div className="row">
        <span className="muted">
          {t('learn.progress', { read: completion.read, total: completion.total })}
          {completion.quizzesRequired ? ` · ${t('learn.quizzesProgress', { passed: completion.quizzesPassed, required: completion.quizzesRequired })}` : ''}
          {' · '}
          {t('learn.minutes', { count: entry.minutes })}
        </span>
        <Link className="button" to={target}>
          {action}
        </Link>
      </div>
    </article>
  )
}

export default function LearnHome() {
  const data = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const lead = [t('home.greeting', { name: data.name }), data.hall ? unitName(data.hall, i18n.language) : null].filter(Boolean).join(' · ')
  return (
    <>
      <PageHeader title={t('learn.title')} lead={lead} />
      <ReminderNotice reminders={data.reminders.map((r) => ({ ...r, courseTitle: localized(data.assigned.find((e) => e.id === r.courseId) ?? {}, 'title', i18n.language) }))} />
      {data.stars ? <StarPanel data={data.stars} /> : null}
      <ChecklistLink summary={data.checklist} />
      <h2 className="section-title">{t('learn.assigned')}</h2>
      {data.assigned.length ? data.assigned.map((entry) => <CourseCard key={entry.id} entry={entry} />) : <p className="card muted">{t('learn.empty')}</p>}
      <h2 className="section-title">{t('learn.catalogue')}</h2>
      {data.open.length ? data.open.map((entry) => <CourseCard key={entry.id} entry={entry} />) : <p className="card muted">{t('learn.catalogueEmpty')}</p>}
    </>
  )
}
