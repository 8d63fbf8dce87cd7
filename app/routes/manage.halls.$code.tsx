// One hall for a manager whose units include it (403 for any other hall): its figures, the 晨会 pack, and its
// people — overdue work first, filtered and sorted by the address so a link shows the same rows to anyone in scope;
// 催学 reminds every overdue learner of the hall at once.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { languageOf } from '~/server/i18n.server'
import { overviewChartsOf, starMixChartOf } from '~/server/overview-charts-cache.server'
import { peopleTable, unitInScope, unitOverview } from '~/server/manage.server'
import { HallParams, RemindHallForm } from '~/server/route-input.server'
import { canRemind } from '~/core/permissions'
import { isUnitParam } from '~/core/people-filter'
import { remindOverdueIn } from '~/server/reminders.server'
import { badRequest, forbidden, parseParams } from '~/server/responses.server'
import { refuseOtherUnit } from '~/server/manage-people.server'
import { requireArea } from '~/server/session.server'
import { unitProgress } from '~/server/unit-progress.server'
import { unitHref } from '~/ui/manage/links'
import { PeopleTable } from '~/ui/manage/people-table'
import { UnitOverview } from '~/ui/manage/unit-overview'
import { PageHeader, unitName } from '~/ui/page'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { code } = parseParams(HallParams, params)
  const user = await requireArea({ request, context }, 'manage')
  const { unit, crumbs } = await unitInScope(user.viewer, code, 'hall')
  const now = new Date()
  const search = new URL(request.url).searchParams
  await refuseOtherUnit(user.viewer, search, unit.code)
  const progress = await unitProgress(unit.path, now)
  const overview = await unitOverview(unit, now, progress)
  const table = peopleTable(progress, search)
  const language = await languageOf(request)
  return json(
    {
      crumbs,
      view: { ...overview, charts: { ...overviewChartsOf([], overview.trend, language), starMix: starMixChartOf([unit], overview.stars.mix, language) } },
      table,
      filter: Object.fromEntries([...search].filter(([k, v]) => !isUnitParam(k) && v !== '')),
      canRemind: canRemind(user.viewer, { id: '', hallPath: unit.path }),
      requestKey: crypto.randomUUID(),
    },
    { status: table.ok ? 200 : 400 },
  )
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { code } = parseParams(HallParams, params)
  const user = await requireArea({ request, context }, 'manage')
  const { unit } = await unitInScope(user.viewer, code, 'hall')
  if (!canRemind(user.viewer, { id: '', hallPath: unit.path })) forbidden('may not remind')
  const form = RemindHallForm.safeParse(Object.fromEntries(await request.formData()))
  if (!form.success) badRequest('intent and request key')
  return json(await remindOverdueIn(user, unit, form.data.requestKey, new Date()))
}

/** 催学 for everyone overdue in the hall, with how many reminders the press sent. */
function RemindOverdue({ people, requestKey }: { people: number; requestKey: string }) {
  const done = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { t } = useTranslation()
  return (
    <Form method="post" className="card">
      <input type="hidden" name="intent" value="remindOverdue" />
      <input type="hidden" name="requestKey" value={requestKey} />
      <p className="muted">{t('remindHall.lead', { count: people })}</p>
      <button type="submit" className="button secondary" disabled={busy}>
        {t('remindHall.submit', { count: people })}
      </button>
      {done ? <p className="notice done" role="status">✓ {t('remindHall.done', { count: done.people, courses: done.courses })}</p> : null}
    </Form>
  )
}

export default function HallPage() {
  const { crumbs, view, table, filter, canRemind, requestKey } = useLoaderData<typeof loader>()
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
      <PageHeader title={t('manage.hallTitle', { hall: unitName(view.unit, i18n.language) })} />
      <p>
        <Link className="button secondary" to={`/manage/halls/${view.unit.code}/morning`}>
          {t('manageBoard.morningPack')}
        </Link>
      </p>
      {canRemind && view.total.overdueLearners > 0 ? <RemindOverdue people={view.total.overdueLearners} requestKey={requestKey} /> : null}
      <h2 className="section-title">{t('manageBoard.people')}</h2>
      <PeopleTable unit={view.unit} courses={table.courses} filter={filter} problems={table.ok ? null : table.problems} rows={table.ok ? table.rows : []} total={table.ok ? table.total : 0} />
      <UnitOverview view={view} />
    </>
  )
}
