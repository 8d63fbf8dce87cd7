// Anyone signed in changes their password here; after signing in with a one-time password, everyone lands here
// first (requireUser sends them) and may go on only once the new password is set.
import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { PASSWORD_POLICY } from '~/core/password/policy'
import { homeFor } from '~/core/roles'
import { changeOwnPassword } from '~/server/accounts.server'
import { ChangePasswordForm } from '~/server/people-input.server'
import { requireUser, currentSessionId } from '~/server/session.server'
import { PageHeader } from '~/ui/page'
import { Field } from '~/ui/forms'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser({ request, context })
  return json({ forced: user.mustChangePassword, policy: PASSWORD_POLICY })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser({ request, context })
  const submission = parseWithZod(await request.formData(), { schema: ChangePasswordForm })
  const hidden = { hideFields: ['current', 'next', 'confirm'] }
  if (submission.status !== 'success') return json({ result: submission.reply(hidden) }, { status: 400 })
  const outcome = await changeOwnPassword(user.id, submission.value.current, submission.value.next, new Date(), await currentSessionId(request))
  if (!outcome.ok) {
    const key = outcome.field === 'current' ? 'people.password.wrongCurrent' : `people.password.problems.${outcome.error}`
    return json({ result: submission.reply({ ...hidden, fieldErrors: { [outcome.field]: [key] } }) }, { status: 400 })
  }
  throw redirect(homeFor(user.roles))
}

export default function ChangePassword() {
  const { forced, policy } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const { t } = useTranslation()
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useForm({ id: 'password', lastResult: data?.result, shouldRevalidate: 'onBlur' })
  const errors = (list?: string[]) => list?.map((key) => t(key, { min: policy.minLength, chinese: policy.minChineseCharacters }))
  return (
    <>
      <PageHeader title={t('people.password.title')} lead={forced ? t('people.password.forced') : undefined} />
      <section className="card">
        <p className="muted">{t('people.password.rules', { min: policy.minLength, chinese: policy.minChineseCharacters })}</p>
        <Form method="post" {...getFormProps(form)} noValidate>
          <Field field={fields.current} label={t(forced ? 'people.password.oneTime' : 'people.password.current')} errors={errors(fields.current.errors)}>
            <input {...getInputProps(fields.current, { type: 'password' })} autoComplete="current-password" />
          </Field>
          <Field field={fields.next} label={t('people.password.next')} errors={errors(fields.next.errors)}>
            <input {...getInputProps(fields.next, { type: 'password' })} autoComplete="new-password" />
          </Field>
          <Field field={fields.confirm} label={t('people.password.confirm')} errors={errors(fields.confirm.errors)}>
            <input {...getInputProps(fields.confirm, { type: 'password' })} autoComplete="new-password" />
          </Field>
          <button type="submit" className="button full" disabled={busy}>
            {t('people.password.submit')}
          </button>
        </Form>
      </section>
    </>
  )
}
