// Pairing management for trainers (/trainer/pairings) and managers (/manage/pairings): pair a new hire, the
// pairings in scope by filter with the reason for every flag, and extend or reassign each active one.
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import type { SerializeFrom } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { managePairingsPage } from '~/server/pairing-management.server'
import { PageHeader, unitName } from '~/ui/page'
import type { PairingStateData } from './checklist'
import { PairingSummary } from './pairing-summary'
import { Field } from '~/ui/forms'

type PageData = SerializeFrom<Awaited<ReturnType<typeof managePairingsPage>>>
type ActionData = { formId: string; result: SubmissionResult<string[]>; done?: string }

function useManagedForm(id: string) {
  const data = useActionData<ActionData>()
  const [form, fields] = useForm<Record<string, string>>({ id, lastResult: data?.formId === id ? data.result : undefined, shouldRevalidate: 'onBlur' })
  const busy = useNavigation().formData?.get('formId') === id
  return { form, fields, busy, done: data?.formId === id ? data.done : undefined }
}

function useErrors(limits: PageData['limits']) {
  const { t } = useTranslation()
  const level = t(`mentoring.levels.${limits.minMentorStars}`)
  return (list: string[] | undefined, max: number) => list?.map((key) => t(key, { level, max }))
}

function CreateForm({ data }: { data: PageData }) {
  const { t, i18n } = useTranslation()
  const { form, fields, busy, done } = useManagedForm('create')
  const errors = useErrors(data.limits)
  return (
    <section className="card">
      <h2 className="section-title">{t('mentoring.manage.create')}</h2>
      {done ? <p className="notice done">✓ {t(done)}</p> : null}
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="formId" value="create" />
        <input type="hidden" name="intent" value="create" />
        <input type="hidden" name="requestKey" value={data.requestKey} />
        <Field field={fields.mentee} label={t('mentoring.manage.mentee')} errors={errors(fields.mentee.errors, data.limits.maxActiveMentees)}>
          <select {...getSelectProps(fields.mentee)} key={fields.mentee.key}>
            <option value="">{t('mentoring.manage.chooseMentee')}</option>
            {data.choices.mentees.map((m) => (
              <option key={m.username} value={m.username}>
                {m.name}（{m.username}）{m.hall ? ` · ${unitName(m.hall, i18n.language)}` : ''}
                {m.paired ? ` · ${t('mentoring.manage.alreadyPaired')}` : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field field={fields.mentor} label={t('mentoring.manage.mentor')} errors={errors(fields.mentor.errors, data.limits.maxActiveMentees)}>
          <select {...getSelectProps(fields.mentor)} key={fields.mentor.key}>
            <option value="">{t('mentoring.manage.chooseMentor')}</option>
            {data.choices.mentors.map((m) => (
              <option key={m.username} value={m.username}>
                {m.name}（{m.username}）{m.hall ? ` · ${unitName(m.hall, i18n.language)}` : ''} · {t('mentoring.manage.mentorActive', { count: m.active })}
              </option>
            ))}
          </select>
        </Field>
        <Field field={fields.templateId} label={t('mentoring.manage.templateId')} errors={errors(fields.templateId.errors, 0)}>
          <select {...getSelectProps(fields.templateId)} key={fields.templateId.key}>
            <option value="">{t('mentoring.manage.chooseTemplate')}</option>
            {data.choices.templates.map((c) => (
              <option key={c.id} value={c.id}>
                {i18n.language === 'en' ? c.titleEn : c.titleZh}
              </option>
            ))}
          </select>
        </Field>
        <Field field={fields.startDay} label={t('mentoring.manage.startDay')} errors={errors(fields.startDay.errors, 0)}>
          <input {...getInputProps(fields.startDay, { type: 'date' })} key={fields.startDay.key} />
        </Field>
        <Field field={fields.sameBranchReason} label={t('mentoring.manage.sameBranchReason')} errors={errors(fields.sameBranchReason.errors, data.limits.maxNoteLength)}>
          <textarea {...getTextareaProps(fields.sameBranchReason)} key={fields.sameBranchReason.key} rows={2} />
          <p className="muted">{t('mentoring.manage.sameBranchHint')}</p>
        </Field>
        <button type="submit" className="button full" disabled={busy}>
          {busy ? t('mentoring.manage.submitting') : t('mentoring.manage.submit')}
        </button>
      </Form>
    </section>
  )
}

function ChangeForm({ kind, state, data }: { kind: 'extend' | 'reassign'; state: PairingStateData; data: PageData }) {
  const { t, i18n } = useTranslation()
  const id = `${kind}-${state.pairing.id}`
  const { form, fields, busy, done } = useManagedForm(id)
  const errors = useErrors(data.limits)
  return (
    <details open={Boolean(form.status === 'error' || done)}>
      <summary>{t(`mentoring.manage.${kind}`)}</summary>
      {done ? <p className="notice done">✓ {t(done)}</p> : null}
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="formId" value={id} />
        <input type="hidden" name="intent" value={kind} />
        <input type="hidden" name="pairingId" value={state.pairing.id} />
        {kind === 'extend' ? (
          <Field field={fields.endDay} label={t('mentoring.manage.endDay')} errors={errors(fields.endDay.errors, 0)}>
            <input {...getInputProps(fields.endDay, { type: 'date' })} key={fields.endDay.key} />
          </Field>
        ) : (
          <>
            <input type="hidden" name="requestKey" value={data.requestKey} />
            <Field field={fields.mentor} label={t('mentoring.manage.newMentor')} errors={errors(fields.mentor.errors, data.limits.maxActiveMentees)}>
              <select {...getSelectProps(fields.mentor)} key={fields.mentor.key}>
                <option value="">{t('mentoring.manage.chooseMentor')}</option>
                {data.choices.mentors.map((m) => (
                  <option key={m.username} value={m.username}>
                    {m.name}（{m.username}）{m.hall ? ` · ${unitName(m.hall, i18n.language)}` : ''}
                  </option>
                ))}
              </select>
            </Field>
            <Field field={fields.sameBranchReason} label={t('mentoring.manage.sameBranchReason')} errors={errors(fields.sameBranchReason.errors, data.limits.maxNoteLength)}>
              <textarea {...getTextareaProps(fields.sameBranchReason)} key={fields.sameBranchReason.key} rows={2} />
            </Field>
          </>
        )}
        <Field field={fields.reason} label={t('mentoring.manage.reason')} errors={errors(fields.reason.errors, data.limits.maxNoteLength)}>
          <textarea {...getTextareaProps(fields.reason)} key={fields.reason.key} rows={2} />
        </Field>
        <button type="submit" className="button" disabled={busy}>
          {t(`mentoring.manage.${kind}Submit`)}
        </button>
      </Form>
    </details>
  )
}

/** A filter of the list, kept to the one unit the list was opened for (from its overview's figures). */
function listHref(base: string, unit: { code: string } | null, status: string | null) {
  const query = new URLSearchParams({ ...(status ? { status } : {}), ...(unit ? { unit: unit.code } : {}) }).toString()
  return query ? `${base}?${query}` : base
}

export function PairingsManager({ data, base }: { data: PageData; base: string }) {
  const { t, i18n } = useTranslation()
  const filters = ['on_track', 'checkin_overdue', 'stalled', 'completed', 'ended'] as const
  return (
    <>
      <PageHeader title={t('mentoring.manage.title')} lead={t('mentoring.manage.lead')} />
      <p className="muted">{t('mentoring.manage.limits', { level: t(`mentoring.levels.${data.limits.minMentorStars}`), max: data.limits.maxActiveMentees, days: data.limits.stalledAfterDays })}</p>
      <CreateForm data={data} />
      <h2 className="section-title">{t('mentoring.manage.list')}</h2>
      {data.unit ? (
        <p className="muted">
          {t('stats.scopeUnits')} {t(`units.${data.unit.kind}`)} · {unitName(data.unit, i18n.language)} · <Link to={base}>{t('mentoring.filters.all')}</Link>
        </p>
      ) : null}
      <nav className="filter-bar" aria-label={t('mentoring.manage.list')}>
        <Link to={listHref(base, data.unit, null)} className={data.filter ? 'pill' : 'pill done'} aria-current={data.filter ? undefined : 'page'}>
          {t('mentoring.filters.all')}
        </Link>
        {filters.map((f) => (
          <Link key={f} to={listHref(base, data.unit, f)} className={data.filter === f ? 'pill done' : 'pill'} aria-current={data.filter === f ? 'page' : undefined}>
            {t(`mentoring.filters.${f}`)} {data.counts[f]}
          </Link>
        ))}
      </nav>
      {data.pairings.length === 0 ? <p className="card muted">{t('mentoring.manage.empty')}</p> : null}
      {data.pairings.map((state) => (
        <article key={state.pairing.id} className="card pairing-card">
          <h3>{state.pairing.mentee.name}</h3>
          <PairingSummary state={state} show="both" />
          <Link to={`/mentor/${state.pairing.id}`} className="button secondary">
            {t('mentoring.manage.open')}
          </Link>
          {state.pairing.status === 'active' ? (
            <>
              <ChangeForm kind="extend" state={state} data={data} />
              <ChangeForm kind="reassign" state={state} data={data} />
            </>
          ) : null}
        </article>
      ))}
    </>
  )
}
