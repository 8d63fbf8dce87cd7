// Reads and checks every request body before Remix sees it (issue 13, findings 4 and 7): too large → 413
// without reading more than the cap; not a form, or a multipart body that does not parse → 400. The checked
// bytes are kept on `req.rawBody` for the Remix handler (server/remix-handler.js), so nothing is read twice
// from the socket and a route's `request.formData()` cannot fail on a malformed body.
import { bodyLimitFor } from './body-limits.js'

const WITHOUT_BODY = new Set(['GET', 'HEAD', 'OPTIONS'])
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data'])

/** A refusal that closes the connection: whatever the client is still sending is not read. */
export function refuse(req, res, status, message) {
  if (res.headersSent) return void req.destroy()
  res.status(status).set('Connection', 'close').type('text/plain; charset=utf-8').send(message)
  res.on('finish', () => req.socket?.destroySoon?.())
}

const TOO_LARGE = '请求内容过大 / Request body too large'
const NOT_A_FORM = '请求格式有误 / Malformed request'

/** Reads the body up to `limit` bytes; null when it is larger (then reading stops at once). */
export function readCapped(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = []
    let size = 0
    const onData = (chunk) => {
      size += chunk.length
      if (size > limit) {
        req.off('data', onData)
        req.pause()
        return resolve(null)
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.on('end', () => resolve(Buffer.concat(chunks, size)))
    req.on('error', reject)
  })
}

async function isWellFormed(type, contentType, body) {
  if (type !== 'multipart/form-data') return true // URL-encoded text always decodes (bad escapes stay as typed)
  try {
    await new Request('http://body.check/', { method: 'POST', headers: { 'Content-Type': contentType }, body }).formData()
    return true
  } catch {
    return false
  }
}

export function bodyGate(limitFor = bodyLimitFor) {
  return async (req, res, next) => {
    if (WITHOUT_BODY.has(req.method)) return next()
    try {
      const limit = limitFor(req.method, req.path)
      const declared = req.headers['content-length']
      if (declared !== undefined && Number(declared) > limit) return refuse(req, res, 413, TOO_LARGE)
      const contentType = req.headers['content-type'] ?? ''
      const type = contentType.split(';')[0].trim().toLowerCase()
      const mayHaveBody = declared === undefined ? req.headers['transfer-encoding'] !== undefined : Number(declared) > 0
      if (mayHaveBody && !FORM_TYPES.has(type)) return refuse(req, res, 400, NOT_A_FORM)
      const body = await readCapped(req, limit)
      if (body === null) return refuse(req, res, 413, TOO_LARGE)
      if (body.length > 0 && !(await isWellFormed(type, contentType, body))) return refuse(req, res, 400, NOT_A_FORM)
      req.rawBody = body
      next()
    } catch {
      refuse(req, res, 400, NOT_A_FORM)
    }
  }
}
