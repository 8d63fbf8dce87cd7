// The Content-Security-Policy of every page: scripts only from this site and only with this response's
// nonce (no inline script, no event handlers, no eval), nothing framing the page, no <base>, forms only to
// this site. Styles may be inline (React style attributes); nothing else is loaded from elsewhere.
import { randomBytes } from 'node:crypto'

/** A fresh 128-bit nonce for one response. */
export function newNonce(): string {
  return randomBytes(16).toString('base64')
}

export function contentSecurityPolicy(nonce: string, development = process.env.NODE_ENV === 'development'): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    // Remix's dev server reloads the page over a WebSocket
    development ? "connect-src 'self' ws:" : "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ')
}

/**
 * The page is rendered with this stand-in for the nonce, so that its ETag does not change with every
 * response; the real nonce replaces it just before sending.
 */
export const NONCE_PLACEHOLDER = 'cspNoncePlaceholder0000'
