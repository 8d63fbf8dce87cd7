// The attempt page's data posts (an item's autosave, 交卷) answered by the app ahead of Express and Remix: the build's
// entry exports `leanAttemptPost` (app/server/attempt-posts.server.ts), which runs the route's own guards and
// functions and returns null for anything it leaves to Remix. Why: docs/decisions/0018-perf-hot-path.md, and 0027
// for running it ahead of Express (Express's request set-up and router cost a tenth of such a post).
//
// Only posts that the same-origin check and the body gate would let through unchanged come here: a same-origin (or
// origin-less) POST of a URL-encoded body with a declared length within the route's cap. A URL-encoded body is
// always well-formed (server/body-gate.js), and Node's parser reads no more than the declared length, so the gate
// could not refuse it. Everything else — a foreign origin, a body too large, chunked or of another type — goes to
// Express, whose middleware refuses it in its own words. The body is read by the gate's own reader and kept on
// `req.rawBody`; a post the lean path leaves to Remix goes on to Express with it, and the gate does not read again.
import { readCapped } from './body-gate.js'
import { bodyLimitFor } from './body-limits.js'
import { isForeignOrigin, SECURITY_HEADERS } from './origin-check.js'

const URL_ENCODED = /^application\/x-www-form-urlencoded\s*(;|$)/i

/** The cap a lean post must be within, or null when this request is not one the lean path may take. */
function leanCandidate(req) {
  // cheap tests first: only a data request (`?_data=`) that posts can be one of these
  if (req.method !== 'POST' || !req.url.includes('_data=')) return null
  if (!URL_ENCODED.test(req.headers['content-type'] ?? '')) return null
  const declared = req.headers['content-length']
  if (declared === undefined || req.headers['transfer-encoding'] !== undefined) return null
  const query = req.url.indexOf('?')
  const limit = bodyLimitFor(req.method, query < 0 ? req.url : req.url.slice(0, query))
  if (!(Number(declared) <= limit) || isForeignOrigin(req)) return null
  return limit
}

/** Wraps the Express app: attempt posts the build answers itself, everything else (and any refusal) to `app`. */
export function leanPosts(getBuild, app) {
  const answerLean = async (req, res, limit, answer) => {
    let body
    try {
      body = await readCapped(req, limit)
    } catch {
      return void req.destroy() // the connection broke mid-body: nobody is left to answer
    }
    if (body === null) return void req.destroy() // longer than declared: Node's parser does not let this happen
    req.rawBody = body
    let reply
    try {
      reply = await answer({ method: req.method, url: req.url, contentType: req.headers['content-type'], cookie: req.headers.cookie, body })
    } catch {
      reply = null
    }
    if (!reply) return app(req, res)
    // JSON is compressible: the compression middleware behind would have said that responses vary by encoding
    const headers =
      reply.body === undefined
        ? { ...SECURITY_HEADERS, ...reply.headers }
        : { ...SECURITY_HEADERS, ...reply.headers, 'Content-Length': String(Buffer.byteLength(reply.body)), Vary: 'Accept-Encoding' }
    res.writeHead(reply.status, headers) // all with the head: no setHeader calls
    res.end(reply.body) // a string: Node sends it with the head in one write
  }
  return (req, res) => {
    const limit = leanCandidate(req)
    const answer = limit === null ? undefined : getBuild().entry?.module?.leanAttemptPost
    if (typeof answer !== 'function') return app(req, res)
    answerLean(req, res, limit, answer)
  }
}
