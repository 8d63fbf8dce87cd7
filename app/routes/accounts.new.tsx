// A manager adds a clerk to one of their halls (an admin: to any hall). The one-time password is shown once.
import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { createAccount, placeableHalls } from '~/server/accounts.server'
import { NewAccountForm } from '~/server/people-input.server'
import { requireArea } from '~/server/session.server'
import { FieldError } from '~/ui/field-error'
import { PageHeader, unitName } from '~/ui/page'
import { OneTimePasswordNotice } from '~/ui/people/one-time-password'
import { Field } from '~/ui/forms'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'manage')
  return json({ halls: await placeableHalls(user.viewer) })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireArea({ request, context }, 'manage')
  const submission = parseWithZod(await request.formData(), { schema: NewAccountForm })
  if (submission.status !== 'success') return json({ result: submission.reply(), created: null }, { status: 400 })
  const { mentor, phone, ...values } = submission.value
  const outcome = await createAccount(user.viewer, { ...values, phone, roles: mentor ? '营业员、导师' : '营业员' }, new Date())
  if (!outcome.ok) {
    const fieldErrors: Record<string, string[]> = {}
    for (const p of outcome.problems) (fieldErrors[p.column === 'roles' ? 'mentor' : p.column] ??= []).push(`people.import.reasons.${p.reason}`)
    return json({ result: submission.reply({ fieldErrors }), created: null }, { status: 400 })
  }
  return json({ result: submission.reply({ resetForm: true }), created: { username: outcome.username, name: values.name, oneTimePassword: outcome.oneTimePassword } })
}

export default function NewAccount() {
  const { halls } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const { t, i18n } = useTranslation()
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useForm({ id: 'new-account', lastResult: data?.result, shouldRevalidate: 'onBlur' })
  const errors = (list?: string[]) => list?.map((key) => t(key, { value: '', line: '' }))
  return (
    <>
      <PageHeader title={t('people.create.title')} lead={t('people.create.intro')} />
      {data?.created ? (
        <section className="card" role="status">
          <p className="notice done">✓ {t('people.create.done', { name: data.created.name })}</p>
          <OneTimePasswordNotice accounts={[data.created]} />
        </section>
      ) : null}
      <section className="card">
        <Form method="post" {...getFormProps(form)} noValidate>
          <Field field={fields.username} label={t('people.columns.username')} errors={errors(fields.username.errors)}>
            <input {...getInputProps(fields.username, { type: 'text' })} key={fields.username.key} autoCapitalize="none" autoCorrect="off" />
          </Field>
          <Field field={fields.name} label={t('people.columns.name')} errors={errors(fields.name.errors)}>
            <input {...getInputProps(fields.name, { type: 'text' })} key={fields.name.key} />
          </Field>
          <Field field={fields.hallCode} label={t('people.columns.hallCode')} errors={errors(fields.hallCode.errors)}>
            <select {...getSelectProps(fields.hallCode)} key={fields.hallCode.key}>
              <option value="">{t('people.account.chooseHall')}</option>
              {halls.map((h) => (
                <option key={h.code} value={h.code}>{unitName(h, i18n.language)} ({h.code})</option>
              ))}
            </select>
          </Field>
          <Field field={fields.hireDay} label={t('people.columns.hireDay')} errors={errors(fields.hireDay.errors)}>
            <input {...getInputProps(fields.hireDay, { type: 'date' })} key={fields.hireDay.key} />
          </Field>
          <Field field={fields.phone} label={t('people.columns.phone')} errors={errors(fields.phone.errors)}>
            <input {...getInputProps(fields.phone, { type: 'tel' })} key={fields.phone.key} />
          </Field>
          <div className="field checkbox">
            <label>
              <input {...getInputProps(fields.mentor, { type: 'checkbox' })} key={fields.mentor.key} /> {t('people.create.mentor')}
            </label>
            <FieldError id={fields.mentor.errorId} errors={errors(fields.mentor.errors)} />
          </div>
          <button type="submit" className="button full" disabled={busy}>{t('people.create.submit')}</button>
        </Form>
      </section>
    </>
  )
}
