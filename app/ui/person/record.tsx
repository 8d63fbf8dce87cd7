// The parts of a person's record: assignments (with 催学 for their managers), courses module by module with the
// version read, and every submitted attempt with a link to its review.
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { localized } from '~/ui/localized'
import { ProgressBar } from '~/ui/progress'
import { TimeText } from '~/ui/time-text'
import { Dated } from '~/ui/date-text'

export interface RecordCourse {
  id: string
  titleZh: string
  titleEn: string
  completion: { read: number; total: number; percent: number; quizzesPassed: number; quizzesRequired: number; complete: boolean }
  assignment: { id: string; dueDay: string; overdue: boolean; named: boolean } | null
  modules: Array<{ slug: string; titleZh: string; titleEn: string; state: string; readAt: string | null; versionRead: number | null }>
}

function RemindButton({ assignmentId, requestKey }: { assignmentId: string; requestKey: string }) {
  const { t } = useTranslation()
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="remind" />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="requestKey" value={requestKey} />
      <button type="submit" className="button secondary">
        {t('record.remind')}
      </button>
    </Form>
  )
}

export function Assignments({ courses, canRemind, requestKey, remindedIds }: { courses: RecordCourse[]; canRemind: boolean; requestKey: string; remindedIds: string[] }) {
  const { t, i18n } = useTranslation()
  const assigned = courses.flatMap((c) => (c.assignment ? [{ ...c, assignment: c.assignment }] : []))
  return (
    <section className="card">
      <h2 className="section-title">{t('record.assignments')}</h2>
      {assigned.length === 0 ? (
        <p className="muted">{t('record.noAssignments')}</p>
      ) : (
        <ul className="list">
          {assigned.map((c) => (
            <li key={c.id}>
              <strong>{localized(c, 'title', i18n.language)}</strong>{' '}
              {c.completion.complete ? (
                <span className="pill done">✓ {t('learn.complete')}</span>
              ) : c.assignment.overdue ? (
                <span className="pill overdue">
                  {t('learn.overdue')} · <Dated text={t('learn.due', { day: c.assignment.dueDay })} />
                </span>
              ) : (
                <span className="pill due"><Dated text={t('learn.due', { day: c.assignment.dueDay })} /></span>
              )}
              {c.assignment.named ? <span className="pill">{t('record.named')}</span> : null}
              {canRemind && c.assignment.overdue ? (
                remindedIds.includes(c.assignment.id) ? (
                  <p className="notice done">✓ {t('record.reminded')}</p>
                ) : (
                  <RemindButton assignmentId={c.assignment.id} requestKey={requestKey} />
                )
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export function Courses({ courses }: { courses: RecordCourse[] }) {
  const { t, i18n } = useTranslation()
  return (
    <section className="card">
      <h2 className="section-title">{t('record.courses')}</h2>
      {courses.map((c) => (
        <details key={c.id} open={Boolean(c.assignment)}>
          <summary>
            <strong>{localized(c, 'title', i18n.language)}</strong>{' '}
            <span className="muted">
              {t('learn.progress', { read: c.completion.read, total: c.completion.total })}
              {c.completion.quizzesRequired ? ` · ${t('learn.quizzesProgress', { passed: c.completion.quizzesPassed, required: c.completion.quizzesRequired })}` : ''}
            </span>
          </summary>
          <ProgressBar percent={c.completion.percent} label={t('learn.progress', { read: c.completion.read, total: c.completion.total })} />
          <ul className="list">
            {c.modules.map((m) => (
              <li key={m.slug} className="record-module">
                <span>{localized(m, 'title', i18n.language)}</span>
                <span className="muted">
                  {m.readAt ? (
                    <>
                      {t('record.readVersion', { version: m.versionRead })} · <TimeText value={m.readAt} />
                      {m.state === 'updated' ? <span className="pill new">{t('record.updatedSince')}</span> : null}
                    </>
                  ) : (
                    t('record.unread')
                  )}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  )
}

export interface RecordAttempt {
  id: string
  quizId: string
  titleZh: string
  titleEn: string
  kind: string
  submittedAt: string | null
  percent: number | null
  passed: boolean | null
}

export function Attempts({ username, attempts }: { username: string; attempts: RecordAttempt[] }) {
  const { t, i18n } = useTranslation()
  return (
    <section className="card table-wrap">
      <h2 className="section-title">{t('record.attempts')}</h2>
      {attempts.length === 0 ? (
        <p className="muted">{t('record.noAttempts')}</p>
      ) : (
        <table>
          <tbody>
            {attempts.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={`/people/${username}/attempts/${a.id}`}>{localized(a, 'title', i18n.language)}</Link>
                  {a.kind === 'practice' ? <span className="pill">{t('record.practice')}</span> : null}
                  <br />
                  <span className="muted">{a.submittedAt ? <TimeText value={a.submittedAt} /> : null}</span>
                </td>
                <td>{a.percent === null ? '—' : `${a.percent}%`}</td>
                <td>{a.passed ? <span className="pill done">{t('quiz.passed')}</span> : <span className="pill overdue">{t('quiz.failed')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
