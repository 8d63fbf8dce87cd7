// A clerk's home: who they are, where they work, and (with the courses capability) what to learn next.
import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { hallDay } from '~/core/dates'
import { isNewHire } from '~/core/people'
import { findPerson } from '~/server/people.server'
import { requireArea } from '~/server/session.server'
import { Facts } from '~/ui/facts'
import { PageHeader, unitName } from '~/ui/page'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireArea(request, 'learn')
  const person = await findPerson(user.username)
  return json({
    name: user.name,
    hall: user.hall,
    hireDay: person?.hireDate ? hallDay(person.hireDate) : null,
    newHire: isNewHire(person?.hireDate ?? null, new Date()),
  })
}

export default function LearnHome() {
  const data = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  return (
    <>
      <PageHeader title={t('learn.title')} lead={t('home.greeting', { name: data.name })} />
      <section className="card">
        <Facts
          items={[
            [t('learn.hall'), data.hall ? unitName(data.hall, i18n.language) : t('common.none')],
            ...(data.hireDay
              ? [[t('learn.hireDate'), <>{data.hireDay} {data.newHire ? <span className="pill new">{t('learn.newHire')}</span> : null}</>] as [string, React.ReactNode]]
              : []),
          ]}
        />
      </section>
      <section className="card">
        <p className="muted">{t('learn.intro')}</p>
        <p>{t('learn.empty')}</p>
      </section>
    </>
  )
}
