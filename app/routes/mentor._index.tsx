// A mentor's home. Pairings, checklists and sign-offs arrive with the mentoring capability.
import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireArea } from '~/server/session.server'
import { PageHeader } from '~/ui/page'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'mentor')
  return json({ name: user.name, mentees: user.viewer.menteeIds.length })
}

export default function MentorHome() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('mentor.title')} lead={t('home.greeting', { name: data.name })} />
      <section className="card">
        <p className="muted">{t('mentor.intro')}</p>
        {data.mentees === 0 ? <p>{t('mentor.empty')}</p> : null}
      </section>
    </>
  )
}
