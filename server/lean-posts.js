// The attempt page's data posts (an item's autosave, 交卷) answered by the app without Remix's request pipeline:
// the build's entry exports `leanAttemptPost` (app/server/attempt-posts.server.ts), which runs the route's own
// guards and functions and returns null for anything it leaves to Remix. Mounted after the same-origin check and the
// body gate, so those hold here as for every route. Why: docs/decisions/0018-perf-hot-path.md.
const NO_BODY = Buffer.alloc(0)

export function leanPosts(getBuild) {
  return async (req, res, next) => {
    // cheap tests first: only a data request (`?_data=`) that posts can be one of these
    if (req.method !== 'POST' || !req.url.includes('_data=')) return next()
    const answer = getBuild().entry?.module?.leanAttemptPost
    if (typeof answer !== 'function') return next()
    let reply
    try {
      reply = await answer({
        method: req.method,
        url: req.originalUrl,
        contentType: req.headers['content-type'],
        cookie: req.headers.cookie,
        body: req.rawBody ?? NO_BODY,
      })
    } catch {
      reply = null
    }
    if (!reply) return next()
    // JSON is compressible: the compression middleware behind would have said that responses vary by encoding
    const headers = reply.body === undefined ? reply.headers : { ...reply.headers, 'Content-Length': String(Buffer.byteLength(reply.body)), Vary: 'Accept-Encoding' }
    res.writeHead(reply.status, headers)
    res.end(reply.body) // a string: Node sends it with the head in one write
  }
}
