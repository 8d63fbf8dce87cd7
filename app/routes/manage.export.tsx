// Exports of the manager tables: ?table=people|units|courses&format=csv|xlsx&unit=CODE&<filters>. Only the unit's
// rows, only a unit in scope (403), an unknown filter is a 400 that names it; streamed as it is written.
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { filtersGiven } from '~/core/people-filter'
import { CONTENT_TYPES, EXPORT_FORMATS, exportStream } from '~/server/exports.server'
import { i18nFor, languageOf } from '~/server/i18n.server'
import { EXPORT_TABLES, managerExport } from '~/server/manage-exports.server'
import { unitOfAddress } from '~/server/manage-people.server'
import { badRequest } from '~/server/responses.server'
import { requireArea } from '~/server/session.server'

const ExportParams = z.object({ table: z.enum(EXPORT_TABLES), format: z.enum(EXPORT_FORMATS) })

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'manage')
  const params = new URL(request.url).searchParams
  const chosen = ExportParams.safeParse({ table: params.get('table'), format: params.get('format') })
  if (!chosen.success) badRequest('table must be people, units or courses; format csv or xlsx')
  // only the people table has filters: any other given would be ignored, and the file read as if filtered
  const unused = chosen.data.table === 'people' ? [] : filtersGiven(params)
  if (unused.length) badRequest(`the ${chosen.data.table} table has no filter: ${unused.map((p) => `${p.param}=${p.value}`).join(', ')}`)
  const unit = await unitOfAddress(user.viewer, params)
  const language = await languageOf(request)
  const built = await managerExport(chosen.data.table, unit, params, new Date(), i18nFor(language).t, language)
  if (!built.ok) badRequest(`unknown filter: ${built.problems.map((p) => `${p.param}=${p.value}`).join(', ')}`)
  const { format } = chosen.data
  return new Response(createReadableStreamFromReadable(exportStream(built.table, format)), {
    headers: {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Disposition': `attachment; filename="${built.table.name}.${format}"`,
      'Cache-Control': 'no-store',
    },
  })
}
