// Where to send someone after sign-in or a language switch: only a path on this site, never another host.
const SITE = 'http://this-site.invalid'

/**
 * The target as a path on this site, or the fallback. Browsers drop tabs and newlines from URLs and read "\"
 * as "/", so "/<tab>/evil.example" would land on evil.example: control characters and backslashes are
 * refused outright, and what remains is parsed as a URL and kept only if it stays on this site. The answer
 * is the parsed, percent-encoded form, safe to put in a Location header.
 */
export function safeRedirect(target: unknown, fallback: string): string {
  if (typeof target !== 'string' || !target.startsWith('/')) return fallback
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(target) || target.startsWith('//')) return fallback
  let url: URL
  try {
    url = new URL(target, SITE)
  } catch {
    return fallback
  }
  if (url.origin !== SITE) return fallback
  return url.pathname + url.search + url.hash
}
