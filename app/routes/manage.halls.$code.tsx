// The people of one hall, for a manager whose units include it (403 for any other hall).
import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { hallDay } from '~/core/dates'
import { isUnitInScope } from '~/core/permissions'
import { hallProgress } from '~/server/hall-progress.server'
import { findHallByCode, peopleOfHall } from '~/server/people.server'
import { forbidden, notFound, parseParams } from '~/server/responses.server'
import { requireArea } from '~/server/session.server'
import { PageHeader, unitName } from '~/ui/page'
import { HallParams } from '~/server/route-input.server'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { code } = parseParams(HallParams, params)
  const user = await requireArea({ request, context }, 'manage')
  const hall = await findHallByCode(code)
  if (!hall || hall.kind !== 'hall') notFound('hall')
  if (!isUnitInScope(user.viewer, hall.path)) forbidden('hall out of scope')
  const now = new Date()
  const people = await peopleOfHall(hall.path)
  const progress = await hallProgress(hall.path, people, now)
  return json({
    hall,
    people: people.map((p) => ({ ...p, hireDay: p.hireDate ? hallDay(p.hireDate) : null, progress: progress.get(p.id) ?? null })),
  })
}

export default function HallPeople() {
  const { hall, people } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  return (
    <>
      <PageHeader title={t('manage.hallTitle', { hall: unitName(hall, i18n.language) })} />
      <section className="card table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('manage.name')}</th>
              <th>{t('manage.roles')}</th>
              <th>{t('manage.hireDate')}</th>
              <th>{t('manage.courses')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.username}>
                <td>
                  <Link to={`/people/${p.username}`}>{p.name}</Link>
                  <br />
                  <span className="muted">{p.username}</span>
                </td>
                <td>{p.roles.map((r) => t(`roles.${r}`)).join('、')}</td>
                <td>{p.hireDay ?? '—'}</td>
                <td>
                  {p.progress?.assigned ? (
                    <>
                      {t('manage.progress', { complete: p.progress.complete, assigned: p.progress.assigned })}
                      {p.progress.overdue ? <span className="pill overdue">{t('manage.overdueCount', { count: p.progress.overdue })}</span> : null}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  )
}
