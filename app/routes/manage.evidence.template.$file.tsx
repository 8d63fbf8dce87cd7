// GET /manage/evidence/template/<kind>.<csv|xlsx>: the Chinese template of an evidence file, with one example row.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { EVIDENCE_FILES } from '~/core/stars/evidence-files/registry'
import { TABLE_CONTENT_TYPES, writeTableTemplate } from '~/server/imports/table-template.server'
import { parseParams } from '~/server/responses.server'
import { requireArea } from '~/server/session.server'
import { TemplateParams } from '~/server/stars/stars-input.server'

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireArea({ request, context }, 'manage')
  const { file } = parseParams(TemplateParams, params)
  const [kind, format] = file.split('.') as [keyof typeof EVIDENCE_FILES, 'csv' | 'xlsx']
  const spec = EVIDENCE_FILES[kind]
  const bytes = await writeTableTemplate({ header: [...spec.columns], rows: [[...spec.example]], format, sheetName: kind })
  return new Response(bytes, { headers: { 'Content-Type': TABLE_CONTENT_TYPES[format], 'Content-Disposition': `attachment; filename="${kind}-template.${format}"` } })
}
