// Checks every server answer goes through, written on Node's own request and response (no Express), so that the
// lean attempt posts (server/lean-posts.js), which run ahead of Express, share them with the Express app.

/** Every request that changes something must come from a page of this site (CSRF). */
export function isForeignOrigin(req) {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return false
  // as Express's req.get('origin') ?? req.get('referer') read them (the latter answers for either spelling)
  const origin = req.headers.origin ?? (req.headers.referrer || req.headers.referer)
  if (!origin) return false // not a browser form (curl, tests): the SameSite=Lax cookie still protects sessions
  try {
    return new URL(origin).host !== req.headers.host
  } catch {
    return true
  }
}

/** The headers every answer carries (the lean posts write them with the head: server/lean-posts.js). */
export const SECURITY_HEADERS = Object.freeze({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin', 'X-Frame-Options': 'DENY' })

/** Sets the headers every answer carries. */
export function securityHeaders(res) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
}
