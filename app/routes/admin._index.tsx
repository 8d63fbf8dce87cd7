// The administrator's overview: organisation tree and account counts.
import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { organisationCounts, organisationTree } from '~/server/people.server'
import { requireArea } from '~/server/session.server'
import { PageHeader, unitName } from '~/ui/page'
import { PeopleTools } from '~/ui/people/people-tools'
import { StatGrid } from '~/ui/stat-grid'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'admin')
  const [counts, tree] = await Promise.all([organisationCounts(), organisationTree()])
  return json({ name: user.name, counts, tree })
}

export default function AdminHome() {
  const { name, counts, tree } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  return (
    <>
      <PageHeader title={t('admin.title')} lead={t('home.greeting', { name })} />
      <StatGrid
        stats={[
          { id: 'units', value: counts.units, label: t('admin.units') },
          { id: 'users', value: counts.users, label: t('admin.users') },
        ]}
      />
      <PeopleTools admin />
      <section className="card">
        <h2>{t('admin.tree')}</h2>
        <ul className="list">
          {tree.map((unit) => (
            <li key={unit.code} style={{ paddingLeft: `${(unit.path.split('/').length - 3) * 16}px` }}>
              <span className="pill">{t(`units.${unit.kind}`)}</span> {unitName(unit, i18n.language)}{' '}
              <span className="muted">{unit.code}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
