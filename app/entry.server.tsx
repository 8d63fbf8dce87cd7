// Server render: the shared i18next instance of the user's language, the whole page at once,
// with an ETag so that an unchanged page (same content, same progress) answers 304.
import { createHash } from 'node:crypto'
import type { EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { contentSecurityPolicy, newNonce, NONCE_PLACEHOLDER } from './server/csp.server'
import { i18nFor, languageOf } from './server/i18n.server'
import { closeExpiredAttempts } from './server/quiz-attempts.server'
import { NonceProvider } from './ui/nonce'
import { sweepExpiredSessions as deleteExpiredSessions } from './server/session.server'

// server.js answers the attempt page's data posts through this before Remix (server/lean-posts.js)
export { leanAttemptPost } from './server/attempt-posts.server'

/** Called by server.js every minute: timed attempts are closed at their deadline even if nobody comes back. */
export async function sweepExpiredAttempts(): Promise<number> {
  return closeExpiredAttempts(new Date())
}

/** Called by server.js every minute: sessions past their idle or absolute end are deleted. */
export async function sweepExpiredSessions(): Promise<number> {
  return deleteExpiredSessions(new Date())
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const i18n = i18nFor(await languageOf(request))
  // The whole document as one string: no page streams (nothing is deferred; loaders have all the data),
  // and a complete body is what an ETag is computed from. A render error is thrown to Remix, which renders
  // the error boundary with status 500.
  // Rendered with a stand-in nonce: the ETag is taken of that, so an unchanged page still answers 304.
  const html = renderToString(
    <NonceProvider value={NONCE_PLACEHOLDER}>
      <I18nextProvider i18n={i18n}>
        <RemixServer context={remixContext} url={request.url} nonce={NONCE_PLACEHOLDER} />
      </I18nextProvider>
    </NonceProvider>,
  )
  const page = `<!DOCTYPE html>${html}`
  responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
  if (responseStatusCode === 200 && request.method === 'GET') {
    // Pages are personal (names, progress): the browser may keep them but must ask again each time.
    const etag = `W/"${createHash('sha1').update(page).digest('base64url')}"`
    responseHeaders.set('ETag', etag)
    responseHeaders.set('Cache-Control', 'private, no-cache')
    if (request.headers.get('If-None-Match') === etag) return new Response(null, { status: 304, headers: responseHeaders })
  }
  // Set only on full responses: a 304's headers replace the cached ones, and the cached page carries the
  // nonce of the response it came with.
  const nonce = newNonce()
  responseHeaders.set('Content-Security-Policy', contentSecurityPolicy(nonce))
  // the bytes, not the string: the response would otherwise encode the whole page a second time
  const body = Buffer.from(page.replaceAll(NONCE_PLACEHOLDER, nonce))
  return new Response(body as Uint8Array<ArrayBuffer>, { status: responseStatusCode, headers: responseHeaders })
}
