// /trainer/banks/<id>/export/(gift|xml): the bank as a file to take back to Moodle.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { bankExportFile } from '~/server/question-bank-pages.server'
import { requireArea } from '~/server/session.server'

const TYPES = { gift: 'text/plain; charset=utf-8', xml: 'application/xml; charset=utf-8' } as const

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireArea({ request, context }, 'trainer')
  const format = params.format
  if (format !== 'gift' && format !== 'xml') throw new Response('Not found', { status: 404 })
  const file = await bankExportFile(params.bank ?? '', format)
  if (!file) throw new Response('Not found', { status: 404 })
  return new Response(file.text, {
    headers: {
      'Content-Type': TYPES[format],
      'Content-Disposition': `attachment; filename="bank.${format === 'gift' ? 'gift.txt' : 'xml'}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    },
  })
}
