// Remix behind the body gate: the same as @remix-run/express's handler (whose helpers it does not export), except that the body is the one the
// gate already read and checked (req.rawBody), and a request whose address cannot be parsed (a bad Host
// header) is a 400, not a 500.
import { createRequestHandler, writeReadableStreamToWritable } from '@remix-run/node'

function createRemixHeaders(requestHeaders) {
  const headers = new Headers()
  for (const [key, values] of Object.entries(requestHeaders)) {
    if (values === undefined) continue
    for (const value of Array.isArray(values) ? values : [values]) headers.append(key, value)
  }
  return headers
}

// Pages, data replies and plain-text refusals are complete before they are sent: one write with their length.
// Streaming them chunk by chunk cost a flushed compression stream even for a 60-byte JSON reply (below the
// compression threshold only when the length is known) and more Web-stream work than the rest of an answer save.
// Anything else (an export streamed as it is made) is still streamed.
const WHOLE_BODIES = /^(application\/json|text\/html|text\/plain)\b/i

async function sendRemixResponse(res, response) {
  res.statusMessage = response.statusText
  res.status(response.status)
  for (const [key, value] of response.headers.entries()) res.append(key, value)
  if (!response.body) return void res.end()
  if (!WHOLE_BODIES.test(response.headers.get('Content-Type') ?? '')) return writeReadableStreamToWritable(response.body, res)
  const body = Buffer.from(await response.arrayBuffer())
  res.set('Content-Length', String(body.length))
  res.end(body)
}

function remixRequest(req, res) {
  const [, port] = req.get('X-Forwarded-Host')?.split(':') ?? req.get('host')?.split(':') ?? []
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`)
  let controller = new AbortController()
  res.on('finish', () => (controller = null))
  res.on('close', () => controller?.abort())
  const init = { method: req.method, headers: createRemixHeaders(req.headers), signal: controller.signal }
  if (req.method !== 'GET' && req.method !== 'HEAD') init.body = req.rawBody ?? Buffer.alloc(0)
  return new Request(url.href, init)
}

export function remixHandler({ build, mode, getLoadContext }) {
  const handleRequest = createRequestHandler(build, mode)
  return async (req, res, next) => {
    let request
    try {
      request = remixRequest(req, res)
    } catch {
      return res.status(400).type('text/plain; charset=utf-8').send('请求地址有误 / Malformed request address')
    }
    try {
      // an upload's form as the body gate parsed it (server/body-upload.js): the route reads it, not the body again
      const context = { ...(await getLoadContext?.(req, res)), ...(req.uploadForm ? { uploadForm: req.uploadForm } : {}) }
      const response = await handleRequest(request, context)
      await sendRemixResponse(res, response)
    } catch (error) {
      next(error)
    }
  }
}
