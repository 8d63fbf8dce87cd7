// Links to the people and organisation pages, on the admin's and the manager's home.
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

export function PeopleTools({ admin }: { admin: boolean }) {
  const { t } = useTranslation()
  const links: Array<[string, string]> = [
    ...(admin ? ([['/admin/org', 'people.tools.org'], ['/admin/people/import', 'people.tools.import']] as Array<[string, string]>) : []),
    ['/accounts/new', 'people.tools.create'],
    ['/audit', 'people.tools.audit'],
  ]
  return (
    <nav className="card" aria-label={t('people.tools.title')}>
      <h2>{t('people.tools.title')}</h2>
      <ul className="list">
        {links.map(([to, key]) => (
          <li key={to}>
            <Link to={to}>{t(key)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
