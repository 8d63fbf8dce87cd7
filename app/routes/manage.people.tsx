// The people of a unit in the manager's scope (?unit=CODE, else their own unit), filtered and sorted by the address.
import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { isUnitParam } from '~/core/people-filter'
import { peopleTable } from '~/server/manage.server'
import { unitOfAddress } from '~/server/manage-people.server'
import { requireArea } from '~/server/session.server'
import { unitProgress } from '~/server/unit-progress.server'
import { unitHref } from '~/ui/manage/links'
import { PeopleTable } from '~/ui/manage/people-table'
import { PageHeader, unitName } from '~/ui/page'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'manage')
  const params = new URL(request.url).searchParams
  const unit = await unitOfAddress(user.viewer, params)
  const table = peopleTable(await unitProgress(unit.path, new Date()), params)
  return json({ unit, table, filter: Object.fromEntries([...params].filter(([k, v]) => !isUnitParam(k) && v !== '')) }, { status: table.ok ? 200 : 400 })
}

export default function UnitPeople() {
  const { unit, table, filter } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  return (
    <>
      <nav className="crumb" aria-label={t('manageBoard.crumb')}>
        <Link to={unitHref(unit)}>{unitName(unit, i18n.language)}</Link>
      </nav>
      <PageHeader title={t('manageBoard.peopleOf', { unit: unitName(unit, i18n.language) })} />
      <PeopleTable unit={unit} courses={table.courses} filter={filter} problems={table.ok ? null : table.problems} rows={table.ok ? table.rows : []} total={table.ok ? table.total : 0} />
    </>
  )
}
