// An administrator looks up one person's signed-in sessions and can sign them out of every browser, or lift
// the sign-in slowdown on their username. (The person page stays as it is; this is its own small page.)
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { signInWaitOf, unlockSignIn } from '~/server/auth.server'
import { findPerson } from '~/server/people.server'
import { badRequest, notFound } from '~/server/responses.server'
import { SessionsForm, SessionsQuery } from '~/server/route-input.server'
import { endAllSessionsOf, requireArea, sessionsOf } from '~/server/session.server'
import { PageHeader } from '~/ui/page'
import { TimeText } from '~/ui/time-text'

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireArea({ request, context }, 'admin')
  const query = SessionsQuery.safeParse({ username: new URL(request.url).searchParams.get('username') ?? '' })
  if (!query.success) return json({ person: null, sessions: [], waitSeconds: 0 })
  const person = await findPerson(query.data.username)
  if (!person) return json({ person: null, sessions: [], waitSeconds: 0 })
  const [sessions, waitSeconds] = await Promise.all([sessionsOf(person.id), signInWaitOf(person.username)])
  return json({ person: { username: person.username, name: person.name }, sessions, waitSeconds })
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireArea({ request, context }, 'admin')
  const form = SessionsForm.safeParse(Object.fromEntries(await request.formData()))
  if (!form.success) badRequest('sessions form')
  const person = await findPerson(form.data.username)
  if (!person) notFound('person')
  if (form.data.intent === 'unlock') return json({ username: person.username, ended: null, unlocked: await unlockSignIn(person.username) })
  return json({ username: person.username, ended: await endAllSessionsOf(person.id), unlocked: null })
}

export default function AdminSessions() {
  const { person, sessions, waitSeconds } = useLoaderData<typeof loader>()
  const done = useActionData<typeof action>()
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('security.sessionsTitle')} lead={t('security.sessionsIntro')} />
      <section className="card">
        <Form method="get" className="inline-form">
          <div className="field">
            <label htmlFor="sessions-username">{t('security.username')}</label>
            <input id="sessions-username" name="username" defaultValue={person?.username ?? ''} autoCapitalize="none" />
          </div>
          <button type="submit" className="button">{t('security.lookUp')}</button>
        </Form>
      </section>
      {done ? (
        <p className="notice" role="status">
          {done.ended !== null ? t('security.ended', { count: done.ended }) : t('security.unlocked')}
        </p>
      ) : null}
      {person ? (
        <section className="card">
          <h2>{`${person.name} · ${person.username}`}</h2>
          {sessions.length === 0 ? <p className="muted">{t('security.noSessions')}</p> : null}
          <ul className="list">
            {sessions.map((s) => (
              <li key={s.createdAt}>
                {t('security.signedInAt')} <TimeText value={s.createdAt} /> · {t('security.lastSeen')} <TimeText value={s.lastSeenAt} />
                <br />
                <span className="muted">{s.userAgent ?? t('security.unknownBrowser')}</span>
              </li>
            ))}
          </ul>
          <Form method="post">
            <input type="hidden" name="username" value={person.username} />
            <button type="submit" name="intent" value="sign-out-everywhere" className="button">
              {t('security.signOutEverywhere')}
            </button>{' '}
            {waitSeconds > 0 ? (
              <button type="submit" name="intent" value="unlock" className="button secondary">
                {t('security.unlock', { minutes: Math.ceil(waitSeconds / 60) })}
              </button>
            ) : null}
          </Form>
        </section>
      ) : null}
    </>
  )
}
