// Sign-in with 工号 and password. Errors stand beside their field; the username is kept.
import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { homeFor } from '~/core/roles'
import { safeRedirect } from '~/core/safe-redirect'
import { clientAddress, signIn } from '~/server/auth.server'
import { demoPasswordHint } from '~/server/demo-mode.server'
import { loadSessionUser } from '~/server/people.server'
import { optionalUser, startSession } from '~/server/session.server'
import { SignInForm } from '~/server/route-input.server'
import { Field } from '~/ui/forms'

// Messages are catalogue keys; the page translates them.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await optionalUser({ request, context })
  if (user) throw redirect(homeFor(user.roles))
  return json({ demoPassword: demoPasswordHint() })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: SignInForm })
  if (submission.status !== 'success') {
    return json({ result: submission.reply({ hideFields: ['password'] }), retryMinutes: null }, { status: 400 })
  }
  const { username, password, redirectTo } = submission.value
  const outcome = await signIn(username, password, clientAddress(context))
  if (outcome.ok) {
    const user = await loadSessionUser(outcome.userId)
    return startSession(outcome.userId, safeRedirect(redirectTo, homeFor(user?.roles ?? [])), request)
  }
  if (outcome.reason === 'locked') {
    return json(
      {
        result: submission.reply({ hideFields: ['password'], fieldErrors: { username: ['login.locked'] } }),
        retryMinutes: Math.ceil(outcome.retryAfterSeconds / 60),
      },
      { status: 429, headers: { 'Retry-After': String(outcome.retryAfterSeconds) } },
    )
  }
  return json(
    { result: submission.reply({ hideFields: ['password'], fieldErrors: { password: ['login.invalid'] } }), retryMinutes: null },
    { status: 401 },
  )
}

export default function Login() {
  const { t } = useTranslation()
  const data = useActionData<typeof action>()
  const { demoPassword } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useForm({ id: 'login', lastResult: data?.result, shouldRevalidate: 'onBlur' })
  const translate = (errors?: string[]) => errors?.map((key) => t(key, { minutes: data?.retryMinutes ?? 1 }))

  return (
    <section className="card auth" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <p className="lead">{t('login.intro')}</p>
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
        <Field field={fields.username} label={t('login.username')} errors={translate(fields.username.errors)}>
          <input
            {...getInputProps(fields.username, { type: 'text' })}
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            inputMode="text"
          />
        </Field>
        <Field field={fields.password} label={t('login.password')} errors={translate(fields.password.errors)}>
          <input {...getInputProps(fields.password, { type: 'password' })} autoComplete="current-password" />
        </Field>
        <button type="submit" className="button full" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </Form>
      {demoPassword ? <p className="muted">{t('login.demoHint', { password: demoPassword })}</p> : null}
    </section>
  )
}
