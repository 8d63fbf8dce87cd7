// The audit log: who did what to whom, and when. Admins read all of it; managers the entries about their units.
import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { auditLogFor } from '~/server/audit.server'
import { requireArea } from '~/server/session.server'
import { PageHeader } from '~/ui/page'
import { TimeText } from '~/ui/time-text'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'manage')
  return json({ entries: await auditLogFor(user.viewer, { limit: 200 }) })
}

export default function AuditLog() {
  const { entries } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  // Values are codes and names as recorded; roles and the way an account was made read in the page's language.
  const detailValue = (v: string | number | boolean | null) =>
    v === null ? '—' : String(v).split(',').map((part) => t(`roles.${part}`, { defaultValue: t(`people.audit.via.${part}`, { defaultValue: part }) })).join('、')
  return (
    <>
      <PageHeader title={t('people.audit.title')} lead={t('people.audit.intro')} />
      <section className="card">
        {entries.length === 0 ? (
          <p className="muted">{t('people.audit.empty')}</p>
        ) : (
          <ul className="list audit">
            {entries.map((e) => (
              <li key={e.id}>
                <strong>{t(`people.audit.actions.${e.action.replace('.', '_')}`, { defaultValue: e.action })}</strong>
                {e.subject ? (
                  <>
                    {' · '}
                    <Link to={`/people/${e.subject.username}`}>{e.subject.name}</Link> <span className="muted">{e.subject.username}</span>
                  </>
                ) : null}
                <br />
                <span className="muted">
                  <TimeText value={e.at} /> · {t('people.audit.by', { name: e.actor.name, username: e.actor.username })}
                </span>
                {Object.keys(e.detail).length > 0 ? (
                  <>
                    <br />
                    <span className="muted">{Object.entries(e.detail).map(([k, v]) => t('look.withNote', { text: t(`people.audit.detail.${k}`, { defaultValue: k }), note: detailValue(v), interpolation: { escapeValue: false } })).join(' · ')}</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
