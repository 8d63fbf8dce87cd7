// Server render: the shared i18next instance of the user's language, the whole page at once,
// with an ETag so that an unchanged page (same content, same progress) answers 304.
import { createHash } from 'node:crypto'
import { Writable } from 'node:stream'
import type { EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { i18nFor, languageOf } from './server/i18n.server'
import { closeExpiredAttempts } from './server/quiz-attempts.server'

const ABORT_DELAY = 5_000

/** Called by server.js every minute: timed attempts are closed at their deadline even if nobody comes back. */
export async function sweepExpiredAttempts(): Promise<number> {
  return closeExpiredAttempts(new Date())
}

function renderDocument(element: React.ReactElement): Promise<{ html: Buffer; failed: boolean }> {
  return new Promise((resolve, reject) => {
    let failed = false
    const chunks: Buffer[] = []
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk)
        done()
      },
      final(done) {
        clearTimeout(timer)
        resolve({ html: Buffer.concat(chunks), failed })
        done()
      },
    })
    const { pipe, abort } = renderToPipeableStream(element, {
      // Whole documents only: pages are small, and a complete body can carry an ETag.
      onAllReady: () => pipe(sink),
      onShellError: reject,
      onError(error: unknown) {
        failed = true
        console.error(error)
      },
    })
    const timer = setTimeout(abort, ABORT_DELAY)
  })
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const i18n = i18nFor(await languageOf(request))
  const { html, failed } = await renderDocument(
    <I18nextProvider i18n={i18n}>
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
    </I18nextProvider>,
  )
  const body = html // React writes the doctype itself for an <html> root
  const status = failed ? 500 : responseStatusCode
  responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
  if (status === 200 && request.method === 'GET') {
    // Pages are personal (names, progress): the browser may keep them but must ask again each time.
    const etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`
    responseHeaders.set('ETag', etag)
    responseHeaders.set('Cache-Control', 'private, no-cache')
    if (request.headers.get('If-None-Match') === etag) return new Response(null, { status: 304, headers: responseHeaders })
  }
  // the bytes as React wrote them: decoding to a string only for the response to encode it again costs
  // more than the render's markup on a page that is mostly Chinese text
  return new Response(body as Uint8Array<ArrayBuffer>, { status, headers: responseHeaders })
}
