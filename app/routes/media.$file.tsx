// A picture from a module, by content hash: staff only, kept by the browser for a year (the name changes when
// the picture does). SVGs are served so that nothing in them can run, even when opened on their own.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseMediaFile } from '~/core/content/media-path'
import { readContentAsset } from '~/server/media.server'
import { notFound } from '~/server/responses.server'
import { requireUser } from '~/server/session.server'

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser({ request, context })
  const file = parseMediaFile(params.file ?? '')
  if (!file) notFound('no such picture')
  const asset = await readContentAsset(file.hash, file.mime)
  if (!asset) notFound('no such picture')
  return new Response(new Uint8Array(asset.bytes), {
    headers: {
      'Content-Type': asset.mime,
      'Content-Length': String(asset.bytes.byteLength),
      'Cache-Control': 'private, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  })
}
