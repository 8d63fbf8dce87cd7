// GET /certificates/<code>.pdf: the certificate as a PDF with a QR code to its verify page.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseParams } from '~/server/responses.server'
import { requireUser } from '~/server/session.server'
import { certificatePdfFor } from '~/server/stars/certificate-file.server'
import { CertificateParams } from '~/server/stars/stars-input.server'

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { code } = parseParams(CertificateParams, params)
  const user = await requireUser({ request, context })
  const bytes = await certificatePdfFor(user, code.toUpperCase(), new URL(request.url).origin)
  return new Response(Buffer.from(bytes), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="certificate-${code}.pdf"`, 'Cache-Control': 'private, no-store' },
  })
}
