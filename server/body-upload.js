// An upload route's multipart body, parsed once as it streams in: each file part is written to the request's
// own folder (the one write), text fields are kept in memory, and the whole body is refused past the route's
// cap. The route gets the parsed form (server/remix-handler.js puts it in the load context for
// app/server/upload-form.server.ts), so the body is neither spooled whole nor parsed and written again.
// Anything that still reads the raw body (a route calling request.formData()) gets the same parts put back
// together as a Blob: the file parts are the files on disk, read only if someone reads them.
import { once } from 'node:events'
import { createWriteStream, openAsBlob } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { unstable_composeUploadHandlers, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from '@remix-run/node'

/** The largest text field an upload form carries (an intent, a kind, a tick box). */
const FIELD_BYTES = 64 * 1024

export class BodyTooLarge extends Error {}

/** The request's body as a stream that errors past `limit` bytes, pausing the socket while the parser is busy. */
function cappedStream(req, limit, state) {
  let size = 0
  let finished = false
  return new ReadableStream(
    {
      start(controller) {
        const finish = (error) => {
          if (finished) return
          finished = true
          req.off('data', onData)
          if (error) controller.error(error)
          else controller.close()
        }
        const onData = (chunk) => {
          size += chunk.length
          if (size > limit) {
            req.pause() // nothing more is read; the refusal closes the connection
            state.tooLarge = true
            return finish(new BodyTooLarge())
          }
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
          if (controller.desiredSize <= 0) req.pause()
        }
        req.on('data', onData)
        req.once('end', () => finish())
        req.once('error', (error) => finish(error))
      },
      pull() {
        if (!finished) req.resume()
      },
      cancel() {
        finished = true
        req.pause()
      },
    },
    { highWaterMark: 4 },
  )
}

/** Writes each file part to `folder` as it streams; the route's File is backed by that file. */
function partsToDisk(folder) {
  let count = 0
  return async ({ filename, contentType, data }) => {
    if (filename === undefined) return undefined // a text field: the memory handler's
    const file = path.join(folder, `part-${count++}`)
    const out = createWriteStream(file)
    try {
      for await (const chunk of data) if (!out.write(chunk)) await once(out, 'drain')
    } finally {
      out.end()
      await once(out, 'close')
    }
    const type = contentType || 'application/octet-stream'
    return new File([await openAsBlob(file, { type })], filename, { type })
  }
}

const quoted = (text) => text.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')

/** The parsed parts as a multipart body with the original boundary (the files stay on disk until read). */
export function multipartBlob(form, boundary) {
  const pieces = []
  for (const [name, value] of form.entries()) {
    const disposition = `form-data; name="${quoted(name)}"${typeof value === 'string' ? '' : `; filename="${quoted(value.name)}"`}`
    const type = typeof value === 'string' ? '' : `\r\nContent-Type: ${value.type || 'application/octet-stream'}`
    pieces.push(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`, value, '\r\n')
  }
  pieces.push(`--${boundary}--\r\n`)
  return new Blob(pieces)
}

/**
 * Parses an upload as it arrives, its files written to `folder`: { form, rawBody }. Throws BodyTooLarge past
 * `limit` (the folder may hold a part cut off: the caller deletes the folder), anything else when the body does
 * not parse or holds no part at all.
 */
export async function parseUpload(req, { limit, contentType, folder }) {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  if (!boundary) throw new Error('no boundary')
  const state = { tooLarge: false }
  const request = new Request('http://body.check/', { method: 'POST', headers: { 'Content-Type': contentType }, body: cappedStream(req, limit, state), duplex: 'half' })
  const handler = unstable_composeUploadHandlers(partsToDisk(folder), unstable_createMemoryUploadHandler({ maxPartSize: FIELD_BYTES }))
  let form
  try {
    form = await unstable_parseMultipartFormData(request, handler)
  } catch (error) {
    // the parser may wrap the stream's error: a body past the cap is a 413 whatever it says
    throw state.tooLarge ? new BodyTooLarge() : error
  }
  if ([...form.keys()].length === 0) throw new Error('no parts') // a body with no boundary line in it: garbage, not a form
  return { form, rawBody: multipartBlob(form, (boundary[1] ?? boundary[2]).trim()) }
}

export const forgetFolder = (folder) => rm(folder, { recursive: true, force: true }).catch(() => {})
