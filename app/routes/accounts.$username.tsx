// A manager or admin manages one account: move to another hall, grant or remove roles, reset the password
// (a one-time password shown once), unlock the sign-in, deactivate or reactivate. Out of scope → 403.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { changeRole, moveAccount, setAccountActive } from '~/server/account-changes.server'
import { resetPassword, unlockAccount } from '~/server/accounts.server'
import { accountForManagement } from '~/server/account-view.server'
import { AccountIntent, AccountParams } from '~/server/people-input.server'
import { badRequest, parseParams } from '~/server/responses.server'
import { requireArea } from '~/server/session.server'
import { Facts } from '~/ui/facts'
import { PageHeader, unitName } from '~/ui/page'
import { OneTimePasswordNotice } from '~/ui/people/one-time-password'
import { MoveForm } from '~/ui/people/move-form'
import { RoleForms } from '~/ui/people/role-forms'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { username } = parseParams(AccountParams, params)
  const user = await requireArea({ request, context }, 'manage')
  return json(await accountForManagement(user.viewer, username, new Date()))
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { username } = parseParams(AccountParams, params)
  const user = await requireArea({ request, context }, 'manage')
  const parsed = AccountIntent.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) badRequest('account intent')
  const intent = parsed.data
  const now = new Date()
  const done = (extra: { oneTimePassword?: string; error?: string } = {}) => json({ intent: intent.intent, ...extra }, { status: extra.error ? 400 : 200 })
  switch (intent.intent) {
    case 'reset':
      return done(await resetPassword(user.viewer, username, now))
    case 'unlock':
      await unlockAccount(user.viewer, username, now)
      return done()
    case 'deactivate':
    case 'reactivate': {
      const outcome = await setAccountActive(user.viewer, username, intent.intent === 'reactivate', now)
      return done(outcome.ok ? {} : { error: outcome.error })
    }
    case 'move': {
      const outcome = await moveAccount(user.viewer, username, intent.hallCode, now)
      return done(outcome.ok ? {} : { error: outcome.error })
    }
    case 'grant':
    case 'remove': {
      const change = { role: intent.role, grant: intent.intent === 'grant', unitCode: intent.unitCode ?? null }
      const outcome = await changeRole(user.viewer, username, change, now)
      return done(outcome.ok ? {} : { error: outcome.error })
    }
  }
}

export default function ManageAccount() {
  const { person, changeableRoles, halls, units, isSelf } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const { t, i18n } = useTranslation()
  const busy = useNavigation().state === 'submitting'
  return (
    <>
      <PageHeader title={t('people.account.title', { name: person.name })} lead={person.username} />
      {data?.error ? <p className="notice error" role="alert">{t(data.error)}</p> : null}
      {data && !data.error && data.intent !== 'reset' ? <p className="notice done" role="status">✓ {t(`people.account.done.${data.intent}`)}</p> : null}
      {data?.oneTimePassword ? (
        <section className="card" aria-label={t('people.oneTime.password')}>
          <OneTimePasswordNotice accounts={[{ username: person.username, name: person.name, oneTimePassword: data.oneTimePassword }]} />
        </section>
      ) : null}
      <section className="card">
        <p>
          {!person.active ? <span className="pill overdue">{t('people.account.inactive')}</span> : null}
          {person.locked ? <span className="pill overdue">{t('people.account.locked')}</span> : null}
          {person.mustChangePassword ? <span className="pill due">{t('people.account.mustChange')}</span> : null}
        </p>
        <Facts
          items={[
            [t('person.hall'), person.hall ? unitName(person.hall, i18n.language) : t('common.none')],
            [t('person.roles'), person.grants.map((g) => <span key={`${g.role}${g.unit?.code ?? ''}`} className="pill">{t(`roles.${g.role}`)}{g.unit ? ` · ${unitName(g.unit, i18n.language)}` : ''}</span>)],
            [t('person.hireDate'), person.hireDay ?? '—'],
            [t('people.columns.phone'), person.phone ?? '—'],
          ]}
        />
        <p>
          <Link to={`/people/${person.username}`}>{t('people.account.record')}</Link>
        </p>
      </section>
      {person.active && halls.length > 0 ? (
        <MoveForm
          field="hallCode"
          units={halls}
          labels={{ title: t('people.account.move'), choose: t('people.account.toHall'), placeholder: t('people.account.chooseHall'), submit: t('people.account.moveSubmit') }}
          busy={busy}
          primary
        />
      ) : null}
      {changeableRoles.length > 0 ? <RoleForms grants={person.grants} roles={changeableRoles} units={units} busy={busy} /> : null}
      <section className="card" aria-labelledby="access-title">
        <h2 id="access-title">{t('people.account.access')}</h2>
        <div className="button-row">
          <Form method="post">
            <button type="submit" name="intent" value="reset" className="button secondary" disabled={busy}>{t('people.account.reset')}</button>
          </Form>
          {person.locked ? (
            <Form method="post">
              <button type="submit" name="intent" value="unlock" className="button secondary" disabled={busy}>{t('people.account.unlock')}</button>
            </Form>
          ) : null}
          {!isSelf ? (
            <Form method="post">
              <button type="submit" name="intent" value={person.active ? 'deactivate' : 'reactivate'} className="button secondary" disabled={busy}>
                {t(person.active ? 'people.account.deactivate' : 'people.account.reactivate')}
              </button>
            </Form>
          ) : null}
        </div>
        <p className="muted">{t('people.account.deactivateHint')}</p>
      </section>
    </>
  )
}
