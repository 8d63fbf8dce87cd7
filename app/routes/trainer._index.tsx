// A trainer's home: the organisation at a glance; authoring and statistics arrive with their capabilities.
import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { organisationCounts } from '~/server/people.server'
import { requireArea } from '~/server/session.server'
import { PageHeader } from '~/ui/page'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'trainer')
  return json({ name: user.name, counts: await organisationCounts() })
}

export default function TrainerHome() {
  const { name, counts } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('trainer.title')} lead={t('home.greeting', { name })} />
      <section className="card">
        <p>{t('trainer.organisation', { halls: counts.halls, clerks: counts.clerks })}</p>
        <p className="muted">{t('trainer.intro')}</p>
        {/* a row that wraps with a gap: on a phone the buttons no longer touch from one line to the next */}
        <p className="button-row">
          <Link className="button" to="/trainer/studio">
            {t('studio.title')}
          </Link>
          <Link className="button secondary" to="/trainer/quizzes">
            {t('stats.link')}
          </Link>
          <Link className="button secondary" to="/trainer/pairings">
            {t('mentoring.nav.pairings')}
          </Link>
          <Link className="button secondary" to="/trainer/banks">
            {t('banks.homeLink')}
          </Link>
        </p>
      </section>
    </>
  )
}
