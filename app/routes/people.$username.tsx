// One person's record. The person, their mentor, managers of their hall, trainers and admins may read it;
// their managers may remind them of overdue training (催学) from here.
import { parseWithZod } from '@conform-to/zod'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { hallDay } from '~/core/dates'
import { canManageAccount, canRemind } from '~/core/permissions'
import { certificateHistory } from '~/server/certificates.server'
import { findPerson } from '~/server/people.server'
import { hallHistoryOf } from '~/server/account-changes.server'
import { personRecord } from '~/server/person-record.server'
import { menteeChecklistSummary } from '~/server/mentoring-pages.server'
import { starPanelFor } from '~/server/stars/panel.server'
import { remindLearner } from '~/server/reminders.server'
import { AccountLinks, HallHistory } from '~/ui/people/hall-history'
import { notFound, parseParams } from '~/server/responses.server'
import { requirePersonVisible, requireUser } from '~/server/session.server'
import { Facts } from '~/ui/facts'
import { PageHeader, unitName } from '~/ui/page'
import { Assignments, Attempts, Courses } from '~/ui/person/record'
import { ChecklistLink } from '~/ui/mentoring/checklist-link'
import { CertificateHistory } from '~/ui/stars/certificate-history'
import { StarPanel } from '~/ui/stars/star-panel'
import { PersonParams, RemindForm } from '~/server/route-input.server'
import { Dated } from '~/ui/date-text'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { username } = parseParams(PersonParams, params)
  const user = await requireUser({ request, context })
  const person = await findPerson(username)
  // Out of scope and unknown look alike from outside, except that refusals say so: 403 vs 404.
  if (!person) notFound('person')
  const ref = { id: person.id, hallPath: person.hall?.path ?? null }
  requirePersonVisible(user, ref)
  const now = new Date()
  // the same star panel and checklist the person sees on their home (issue 17: the record is the same page)
  const [record, hallHistory, stars, checklist, certificates] = await Promise.all([
    personRecord(person, now),
    hallHistoryOf(person.id),
    starPanelFor(person, now),
    menteeChecklistSummary(person.id, now),
    certificateHistory(person.id, now),
  ])
  const shown = stars?.held?.code
  const manageable = canManageAccount(user.viewer, { ...ref, roles: person.roles })
  return json({
    person: { ...person, hireDay: person.hireDate ? hallDay(person.hireDate) : null },
    record,
    hallHistory,
    stars,
    checklist,
    // the panel shows the certificate held; the rest of the history below it
    pastCertificates: certificates
      .filter((c) => c.code !== shown)
      .map((c) => ({ code: c.code, level: c.level, issued: hallDay(c.issuedAt), expires: hallDay(c.expiresAt), state: c.state, reason: c.revocationReason })),
    manageable,
    own: person.id === user.id,
    canRemind: canRemind(user.viewer, ref) && user.id !== person.id,
    requestKey: crypto.randomUUID(),
  })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { username } = parseParams(PersonParams, params)
  const user = await requireUser({ request, context })
  const submission = parseWithZod(await request.formData(), { schema: RemindForm })
  if (submission.status !== 'success') return json({ reminded: null, error: 'manageBoard.badRemind' }, { status: 400 })
  const outcome = await remindLearner(user, { username, ...submission.value }, new Date())
  if (!outcome.ok) return json({ reminded: null, error: outcome.error }, { status: 400 })
  return json({ reminded: submission.value.assignmentId, error: null })
}

export default function PersonRecord() {
  const { person, record, hallHistory, stars, checklist, pastCertificates, manageable, own, canRemind, requestKey } = useLoaderData<typeof loader>()
  const done = useActionData<typeof action>()
  const { t, i18n } = useTranslation()
  return (
    <>
      <PageHeader title={person.name} lead={`${t('person.title')} · ${person.username}`} />
      <section className="card">
        <Facts
          items={[
            [t('person.hall'), person.hall ? unitName(person.hall, i18n.language) : t('common.none')],
            [t('person.roles'), person.roles.map((r) => <span key={r} className="pill">{t(`roles.${r}`)}</span>)],
            [t('person.hireDate'), person.hireDay ?? '—'],
          ]}
        />
      </section>
      <AccountLinks username={person.username} manageable={manageable} own={own} />
      <HallHistory periods={hallHistory} />
      {done?.error ? (
        <p className="notice form-error" role="alert">
          {t(done.error)}
        </p>
      ) : null}
      {stars ? <StarPanel data={stars} ownHome={false} /> : null}
      <CertificateHistory certificates={pastCertificates} />
      <ChecklistLink summary={checklist} linked={own} />
      <Assignments courses={record.courses} canRemind={canRemind} requestKey={requestKey} remindedIds={done?.reminded ? [done.reminded] : []} />
      <Courses courses={record.courses} />
      <Attempts username={person.username} attempts={record.attempts} />
      {record.reminders.length ? (
        <section className="card">
          <h2 className="section-title">{t('record.reminders')}</h2>
          <ul className="list">
            {record.reminders.map((r) => (
              <li key={r.id}><Dated text={t('record.reminderLine', { by: r.by, day: hallDay(r.at), course: record.courses.find((c) => c.id === r.courseId)?.[i18n.language === 'en' ? 'titleEn' : 'titleZh'] ?? r.courseId })} /></li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}
