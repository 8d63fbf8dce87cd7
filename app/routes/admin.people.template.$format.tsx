// The account import template to download: the header row and one example row, as XLSX or CSV.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { TEMPLATE_EXAMPLE, TEMPLATE_HEADER } from '~/core/people-import'
import { TABLE_CONTENT_TYPES, writeTableTemplate } from '~/server/imports/table-template.server'
import { TemplateParams } from '~/server/people-input.server'
import { parseParams } from '~/server/responses.server'
import { requireArea } from '~/server/session.server'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { format } = parseParams(TemplateParams, params)
  await requireArea({ request, context }, 'admin')
  const bytes = await writeTableTemplate({ header: TEMPLATE_HEADER, rows: [TEMPLATE_EXAMPLE], format, sheetName: '人员' })
  return new Response(bytes, {
    headers: {
      'Content-Type': TABLE_CONTENT_TYPES[format],
      'Content-Disposition': `attachment; filename="accounts-template.${format}"; filename*=UTF-8''${encodeURIComponent(`人员导入模板.${format}`)}`,
      'Cache-Control': 'no-store',
    },
  })
}
