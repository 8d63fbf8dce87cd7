// One person's record. The person, their mentor, managers of their hall, trainers and admins may read it.
import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { hallDay } from '~/core/dates'
import { canManageAccount } from '~/core/permissions'
import { findPerson } from '~/server/people.server'
import { hallHistoryOf } from '~/server/account-changes.server'
import { AccountLinks, HallHistory } from '~/ui/people/hall-history'
import { notFound, parseParams } from '~/server/responses.server'
import { requirePersonVisible, requireUser } from '~/server/session.server'
import { Facts } from '~/ui/facts'
import { PageHeader, unitName } from '~/ui/page'
import { PersonParams } from '~/server/route-input.server'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { username } = parseParams(PersonParams, params)
  const user = await requireUser({ request, context })
  const person = await findPerson(username)
  // Out of scope and unknown look alike from outside, except that refusals say so: 403 vs 404.
  if (!person) notFound('person')
  requirePersonVisible(user, { id: person.id, hallPath: person.hall?.path ?? null })
  const manageable = canManageAccount(user.viewer, { id: person.id, hallPath: person.hall?.path ?? null, roles: person.roles })
  return json({ person: { ...person, hireDay: person.hireDate ? hallDay(person.hireDate) : null }, hallHistory: await hallHistoryOf(person.id), manageable, own: person.id === user.id })
}

export default function PersonRecord() {
  const { person, hallHistory, manageable, own } = useLoaderData<typeof loader>()
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
      <section className="card">
        <p className="muted">{t('person.records')}</p>
      </section>
    </>
  )
}
