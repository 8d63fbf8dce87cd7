// /manage/stars: approve applications (re-checked at that moment), nominate clerks, revoke certificates —
// for the halls under the manager's units only.
import { parseWithZod } from '@conform-to/zod'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { revokeCertificate } from '~/server/certificates.server'
import { requireArea } from '~/server/session.server'
import { approveApplication, nominateForStar } from '~/server/stars/applications.server'
import { starManagement } from '~/server/stars/manage.server'
import { StarManageForm } from '~/server/stars/stars-input.server'
import { FieldError } from '~/ui/field-error'
import { PageHeader, unitName } from '~/ui/page'
import { StateBadge, Stars, requirementText } from '~/ui/stars/star-words'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'manage')
  return json(await starManagement(user.viewer, new Date()))
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireArea({ request, context }, 'manage')
  const submission = parseWithZod(await request.formData(), { schema: StarManageForm })
  if (submission.status !== 'success') return json({ intent: null, result: submission.reply(), outcome: null }, { status: 400 })
  const form = submission.value
  const now = new Date()
  if (form.intent === 'approve') {
    const outcome = await approveApplication(user.viewer, form.applicationId, form.panel, now)
    return json({ intent: form.intent, result: submission.reply(), outcome }, { status: outcome.ok ? 200 : outcome.error === 'forbidden' ? 403 : 409 })
  }
  if (form.intent === 'nominate') {
    const outcome = await nominateForStar(user.viewer, form.username, form.level, now)
    if (!outcome.ok) {
      const error = outcome.error === 'duplicate' ? 'stars.manage.duplicate' : 'stars.manage.unknownClerk'
      return json({ intent: form.intent, result: submission.reply({ fieldErrors: { username: [error] } }), outcome }, { status: 400 })
    }
    return json({ intent: form.intent, result: submission.reply({ resetForm: true }), outcome })
  }
  const outcome = await revokeCertificate(user.viewer, form.certificateId, form.reason, now)
  return json({ intent: form.intent, result: submission.reply(), outcome }, { status: outcome.ok ? 200 : outcome.error === 'forbidden' ? 403 : 409 })
}

function ApprovalOutcome() {
  const data = useActionData<typeof action>()
  const { t, i18n } = useTranslation()
  const outcome = data?.outcome
  if (!data || !outcome) return null
  if (outcome.ok) {
    if (data.intent === 'approve' && 'code' in outcome) return <p className="notice done">✓ {t('stars.manage.approved', { code: outcome.code })}</p>
    if (data.intent === 'nominate') return <p className="notice done">✓ {t('stars.manage.nominated')}</p>
    return <p className="notice done">✓ {t('stars.manage.revoked')}</p>
  }
  if (outcome.error === 'not-eligible' && 'missing' in outcome) {
    return (
      <div className="notice updated" role="alert">
        <p>{t('stars.manage.refused', { count: outcome.missing.length })}</p>
        <ul className="error-list">
          {outcome.missing.map((r, i) => (
            <li key={i}>{t('stars.missing', { text: requirementText(r, t, i18n.language), interpolation: { escapeValue: false } })}</li>
          ))}
        </ul>
      </div>
    )
  }
  if (outcome.error === 'above-level' && 'level' in outcome) return <p className="notice updated" role="alert">{t('stars.manage.aboveLevel', { level: outcome.level })}</p>
  if (outcome.error === 'panel' && 'needed' in outcome) return <p className="notice updated" role="alert">{t('stars.manage.panelTooFew', { count: outcome.needed })}</p>
  if (data.intent === 'nominate') return null
  return <p className="notice updated" role="alert">{t('stars.manage.decided')}</p>
}

export default function ManageStars() {
  const data = useLoaderData<typeof loader>()
  const sent = useActionData<typeof action>()
  const { t, i18n } = useTranslation()
  const title = (level: number) => {
    const l = data.levels.find((x) => x.level === level)
    return l ? (i18n.language === 'en' ? l.title.en : l.title.zh) : t('stars.level', { level })
  }
  const nominateErrors = sent?.intent === 'nominate' ? (sent.result.error?.username ?? []).map((k: string) => t(k)) : undefined
  return (
    <>
      <PageHeader title={t('stars.manage.title')} lead={t('stars.manage.lead')} />
      <p>
        <a href="/manage/stars/month">{t('stars.manage.month')}</a> · <a href="/manage/evidence/import">{t('stars.manage.evidence')}</a>
      </p>
      <ApprovalOutcome />
      <section className="card">
        <h2 className="section-title">{t('stars.manage.pending')}</h2>
        {data.pending.length === 0 ? <p className="muted">{t('stars.manage.noPending')}</p> : null}
        <ul className="list">
          {data.pending.map((p) => {
            const panel = data.levels.find((l) => l.level === p.level)?.panel ?? 0
            return (
              <li key={p.id}>
                <strong>{p.user.name}</strong> · {p.user.username} · {p.user.hall ? unitName(p.user.hall, i18n.language) : ''}
                <br />
                <Stars level={p.level} /> {title(p.level)} <span className="pill">{t(`stars.manage.origin.${p.origin === 'nominated' ? 'nominated' : 'applied'}`)}</span>{' '}
                <span className="muted date">{p.createdAt}</span>
                <ul className="star-evidence" aria-label={t('stars.manage.evidenceNow')}>
                  {p.evidence.map((r, i) => (
                    <li key={i} className={r.status === "missing" ? "missing" : undefined}>
                      {r.status === 'missing' ? '✗' : '✓'} {requirementText(r, t, i18n.language)}
                    </li>
                  ))}
                </ul>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="approve" />
                  <input type="hidden" name="applicationId" value={p.id} />
                  {panel ? (
                    <fieldset>
                      <legend>{t('stars.manage.panel', { count: panel })}</legend>
                      {data.panel.map((m) => (
                        <label key={m.id} className="field checkbox">
                          <input type="checkbox" name="panel" value={m.id} /> {m.name} · {m.username}
                        </label>
                      ))}
                    </fieldset>
                  ) : null}
                  <button type="submit" className="button">
                    {t('stars.manage.approve')}
                  </button>
                </Form>
              </li>
            )
          })}
        </ul>
      </section>
      <section className="card">
        <h2 className="section-title">{t('stars.manage.nominate')}</h2>
        <Form method="post" className="inline-fields">
          <input type="hidden" name="intent" value="nominate" />
          <div className="field">
            <label htmlFor="nominate-username">{t('stars.manage.username')}</label>
            <input id="nominate-username" name="username" autoComplete="off" aria-describedby="nominate-username-error" />
            <FieldError id="nominate-username-error" errors={nominateErrors} />
          </div>
          <div className="field">
            <label htmlFor="nominate-level">{t('stars.manage.levelLabel')}</label>
            <select id="nominate-level" name="level">
              {data.levels.map((l) => (
                <option key={l.level} value={l.level}>
                  {'★'.repeat(l.level)} {title(l.level)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {t('stars.manage.nominateSubmit')}
          </button>
        </Form>
      </section>
      <section className="card">
        <h2 className="section-title">{t('stars.manage.certificates')}</h2>
        {data.certificates.length === 0 ? <p className="muted">{t('stars.manage.noCertificates')}</p> : null}
        <ul className="list">
          {data.certificates.map((c) => (
            <li key={c.id}>
              <Stars level={c.level} /> <strong>{c.holder.name}</strong> · {c.holder.username} <StateBadge state={c.state} />
              <br />
              <span className="muted">
                {c.hall ? unitName(c.hall, i18n.language) : ''} · {t('stars.manage.issued')} <span className="date">{c.issued}</span> · {t('stars.manage.expires')} <span className="date">{c.expires}</span> ·{' '}
                <a className="cert-code" href={`/verify/${c.code}`}>{c.code}</a>
              </span>
              {c.reason ? <p className="muted">{c.reason}</p> : null}
              {c.state === 'revoked' || c.state === 'superseded' || c.state === 'expired' ? null : (
                <Form method="post" className="inline-fields">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="certificateId" value={c.id} />
                  <div className="field">
                    <label htmlFor={`reason-${c.id}`}>{t('stars.manage.reason')}</label>
                    <input id={`reason-${c.id}`} name="reason" required minLength={4} maxLength={500} />
                  </div>
                  <button type="submit" className="button secondary">
                    {t('stars.manage.revoke')}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
