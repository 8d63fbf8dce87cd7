// The assignments a trainer or manager may see: each with its unit or named person, due day, history, and the
// forms to move the due day or cancel (a cancelled one stays, marked, with who cancelled it when); one made above
// their units is listed read only, with whom to ask.
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { localized } from './localized'
import { unitName } from './page'
import { FieldError } from './field-error'
import { hallTime } from './time-text'
import { Dated } from '~/ui/date-text'

interface Row {
  id: string
  dueDay: string
  role: string | null
  newHiresOnly: boolean
  cancelledAt: string | null
  /** False for an assignment made above the viewer's units: listed (it reaches their people), not theirs to change. */
  editable: boolean
  unit: { kind: string; nameZh: string; nameEn: string }
  course: { titleZh: string; titleEn: string }
  createdBy: { name: string }
  person: { username: string; name: string } | null
  changes: Array<{ kind: string; fromDueDay: string | null; toDueDay: string | null; at: string; by: { name: string } }>
}

export function AssignmentList({ assignments, change }: { assignments: Row[]; change: { id: string; error: string | null } | null }) {
  const { t, i18n } = useTranslation()
  return (
    <section className="card">
      <h2 className="section-title">{t('assign.list')}</h2>
      {assignments.length === 0 ? (
        <p className="muted">{t('assign.empty')}</p>
      ) : (
        <ul className="list">
          {assignments.map((a) => (
            <li key={a.id} className={a.cancelledAt ? 'is-cancelled' : undefined}>
              <strong>{localized(a.course, 'title', i18n.language)}</strong>
              <br />
              {a.person ? (
                <span className="pill">
                  {a.person.name} · {a.person.username}
                </span>
              ) : (
                <span className="pill">
                  {t(`units.${a.unit.kind}`)} · {unitName(a.unit, i18n.language)}
                </span>
              )}
              {a.role ? <span className="pill">{t(a.role === 'mentor' ? 'assign.mentorsOnly' : 'assign.clerksOnly')}</span> : null}
              {a.newHiresOnly ? <span className="pill new">{t('learn.newHire')}</span> : null}
              {a.cancelledAt ? <span className="pill overdue">{t('assignChanges.cancelled')}</span> : <span className="pill due"><Dated text={t('learn.due', { day: a.dueDay })} /></span>}
              <br />
              <span className="muted">{t('assign.by', { name: a.createdBy.name })}</span>
              {a.changes.map((c, i) => (
                <p key={i} className="muted">
                  <Dated text={c.kind === 'due' ? t('assignChanges.movedDue', { by: c.by.name, time: hallTime(c.at), from: c.fromDueDay, to: c.toDueDay }) : t('assignChanges.cancelledBy', { by: c.by.name, time: hallTime(c.at) })} />
                </p>
              ))}
              {change?.id === a.id && !change.error ? <p className="notice done">✓ {t('assignChanges.changed')}</p> : null}
              {a.cancelledAt ? null : !a.editable ? (
                <p className="muted">{t('assignAbove.readOnly', { name: a.createdBy.name })}</p>
              ) : (
                <div className="row">
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="due" />
                    <input type="hidden" name="assignmentId" value={a.id} />
                    <label>
                      {t('assignChanges.newDue')} <input type="date" name="dueDay" defaultValue={a.dueDay} required aria-describedby={`due-error-${a.id}`} />
                    </label>
                    <button type="submit" className="button secondary">
                      {t('assignChanges.saveDue')}
                    </button>
                    <FieldError id={`due-error-${a.id}`} errors={change?.id === a.id && change.error ? [t(change.error)] : undefined} />
                  </Form>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="cancel" />
                    <input type="hidden" name="assignmentId" value={a.id} />
                    <button type="submit" className="button secondary">
                      {t('assignChanges.cancel')}
                    </button>
                  </Form>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
