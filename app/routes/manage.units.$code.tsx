// The overview of one region or branch in the manager's scope (403 outside it), with the way back up.
import { json, redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { languageOf } from '~/server/i18n.server'
import { overviewChartsOf, starMixChartOf } from '~/server/overview-charts-cache.server'
import { unitInScope, unitOverview } from '~/server/manage.server'
import { parseParams } from '~/server/responses.server'
import { HallParams } from '~/server/route-input.server'
import { requireArea } from '~/server/session.server'
import { unitHref } from '~/ui/manage/links'
import { UnitOverview } from '~/ui/manage/unit-overview'
import { PageHeader, unitName } from '~/ui/page'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { code } = parseParams(HallParams, params)
  const user = await requireArea({ request, context }, 'manage')
  const { unit, crumbs } = await unitInScope(user.viewer, code)
  if (unit.kind === 'hall') throw redirect(unitHref(unit))
  const overview = await unitOverview(unit, new Date())
  const language = await languageOf(request)
  const charts = { ...overviewChartsOf(overview.children, overview.trend, language), starMix: starMixChartOf(overview.children, overview.stars.mix, language) }
  return json({ crumbs, view: { ...overview, charts } })
}

export default function UnitPage() {
  const { crumbs, view } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  return (
    <>
      <nav className="crumb" aria-label={t('manageBoard.crumb')}>
        <Link to="/manage">{t('manage.title')}</Link>
        {crumbs.map((c) => (
          <span key={c.code}>
            {' › '}
            <Link to={unitHref(c)}>{unitName(c, i18n.language)}</Link>
          </span>
        ))}
      </nav>
      <PageHeader title={`${t(`units.${view.unit.kind}`)} · ${unitName(view.unit, i18n.language)}`} />
      <UnitOverview view={view} />
    </>
  )
}
