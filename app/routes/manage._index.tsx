// A manager's home: the overview of the unit they manage (the whole organisation for admins and trainers);
// a manager of several separate units chooses one.
import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { languageOf } from '~/server/i18n.server'
import { overviewChartsOf, starMixChartOf } from '~/server/overview-charts-cache.server'
import { homeUnitOf, unitOverview } from '~/server/manage.server'
import { requireArea } from '~/server/session.server'
import { unitHref } from '~/ui/manage/links'
import { UnitOverview } from '~/ui/manage/unit-overview'
import { PageHeader, unitName } from '~/ui/page'
import { PeopleTools } from '~/ui/people/people-tools'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'manage')
  const home = await homeUnitOf(user.viewer)
  if (!home) return json({ name: user.name, units: user.managedUnits, view: null })
  const overview = await unitOverview(home, new Date())
  const language = await languageOf(request)
  const charts = { ...overviewChartsOf(overview.children, overview.trend, language), starMix: starMixChartOf(overview.children.length ? overview.children : [overview.unit], overview.stars.mix, language) }
  return json({ name: user.name, units: user.managedUnits, view: { ...overview, charts } })
}

export default function ManageHome() {
  const { name, units, view } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  return (
    <>
      <PageHeader title={t('manage.title')} lead={[t('home.greeting', { name }), view ? unitName(view.unit, i18n.language) : null].filter(Boolean).join(' · ')} />
      <PeopleTools admin={false} />
      <p className="button-row">
        <Link className="button secondary" to="/manage/pairings">
          {t('mentoring.nav.pairings')}
        </Link>
        <Link className="button secondary" to="/manage/stars">
          {t('stars.nav')}
        </Link>
      </p>
      {view?.unit.kind === 'hall' ? (
        // a hall manager's way in to their people
        <ul className="list halls card">
          <li>
            <Link className="row-link" to={unitHref(view.unit)}>
              <strong>{unitName(view.unit, i18n.language)}</strong>
              <span className="muted">{t('manageBoard.people')} {view.total.learners}</span>
            </Link>
          </li>
        </ul>
      ) : null}
      {view ? (
        <UnitOverview view={view} />
      ) : units.length ? (
        <ul className="list card">
          {units.map((u) => (
            <li key={u.code}>
              <Link className="row-link" to={unitHref(u)}>
                {t(`units.${u.kind}`)} · {unitName(u, i18n.language)}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="card">{t('manage.empty')}</p>
      )}
    </>
  )
}
