// Reads and checks every request body before Remix sees it (issue 13, findings 4 and 7): too large → 413
// without reading more than the cap; not a form, or a multipart body that does not parse → 400. The checked
// body is kept on `req.rawBody` for the Remix handler (server/remix-handler.js), so nothing is read twice
// from the socket and a route's `request.formData()` cannot fail on a malformed body.
// A form (≤ 64 KB) is kept in memory. An upload route's multipart body (server/body-limits.js) is parsed as it
// streams in, each file part written once to a folder of its own (server/body-upload.js): `req.uploadForm` is
// the parsed form and `req.rawBody` the same parts as a Blob over those files, so four 10 MB imports at once
// cost disk, not 40 MB of the server's memory. The folder is deleted when the answer is sent or the connection
// drops. Any other body of an upload route (a large url-encoded draft) is spooled to a file as it is.
import { randomUUID } from 'node:crypto'
import { createWriteStream, openAsBlob } from 'node:fs'
import { mkdir, unlink } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { unstable_parseMultipartFormData } from '@remix-run/node'
import { bodyLimitFor, uploadRouteFor } from './body-limits.js'
import { BodyTooLarge, forgetFolder, parseUpload } from './body-upload.js'

const WITHOUT_BODY = new Set(['GET', 'HEAD', 'OPTIONS'])
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data'])

/**
 * A refusal that closes the connection: whatever the client is still sending is not read. A browser's own form
 * post (no script ran: it asks for HTML and is not a Remix data request) gets a short page in both languages with
 * a way back, where the form is as it was left; anything else gets the plain message.
 */
export function refuse(req, res, status, message) {
  if (res.headersSent) return void req.destroy()
  res.status(status).set('Connection', 'close')
  if (wantsPage(req)) res.type('text/html; charset=utf-8').send(refusalPage(req, message))
  else res.type('text/plain; charset=utf-8').send(message.title)
  res.on('finish', () => req.socket?.destroySoon?.())
}

const TOO_LARGE = {
  title: '请求内容过大 / Request body too large',
  zh: '文件或内容超过本页允许的大小，未上传。请返回上一页，选择较小的文件后重试。',
  en: 'The file or text is larger than this page accepts and was not sent. Go back, choose a smaller file and try again.',
}
const NOT_A_FORM = {
  title: '请求格式有误 / Malformed request',
  zh: '提交的内容无法读取，未保存。请返回上一页重试。',
  en: 'What was sent could not be read and was not saved. Go back and try again.',
}

const wantsPage = (req) => (req.headers.accept ?? '').includes('text/html') && !/[?&]_data=/.test(req.url ?? '')

const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The page the form came from (same site only), else the home page. */
function backTo(req) {
  try {
    const from = new URL(req.headers.referer ?? '')
    return from.host === req.headers.host ? from.pathname + from.search : '/'
  } catch {
    return '/'
  }
}

function refusalPage(req, message) {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(message.title)}</title></head><body><main><h1>${escapeHtml(message.title)}</h1><p>${escapeHtml(message.zh)}</p><p lang="en">${escapeHtml(message.en)}</p><p><a href="${escapeHtml(backTo(req))}">返回上一页 / Go back</a></p></main></body></html>`
}

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

/**
 * Streams the body into `file` up to `limit` bytes, pausing the socket while the disk catches up; the size
 * written, or null when the body is larger (then reading stops at once; the caller deletes the file).
 */
function spoolCapped(req, limit, file) {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file)
    let size = 0
    let settled = false
    const settle = (result) => {
      if (settled) return
      settled = true
      req.off('data', onData)
      out.end(() => resolve(result))
    }
    const onData = (chunk) => {
      size += chunk.length
      if (size > limit) {
        req.pause()
        return settle(null)
      }
      if (!out.write(chunk)) {
        req.pause()
        out.once('drain', () => settled || req.resume())
      }
    }
    req.on('data', onData)
    req.once('end', () => settle(size))
    const fail = (error) => {
      settled = true
      req.off('data', onData)
      out.destroy()
      reject(error)
    }
    req.once('error', fail)
    out.once('error', fail)
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

/** The same check for a spooled upload, part by part as it streams from the disk (never the whole body at once). */
async function isWellFormedOnDisk(type, contentType, blob) {
  if (type !== 'multipart/form-data') return true
  let parts = 0
  const drain = async ({ data }) => {
    parts++
    for await (const chunk of data) void chunk
    return undefined
  }
  try {
    await unstable_parseMultipartFormData(new Request('http://body.check/', { method: 'POST', headers: { 'Content-Type': contentType }, body: blob }), drain)
    return parts > 0 // a body with no boundary line in it parses as no parts: garbage, not a form
  } catch {
    return false
  }
}

/**
 * An upload route's multipart body, parsed once as it streams in (server/body-upload.js): its files in a folder
 * of this request, deleted when the answer is sent or the connection drops. The parsed form, or a refusal sent.
 */
async function parsedUpload(req, res, { limit, contentType, uploadDir }) {
  const folder = path.join(uploadDir, `ssa-upload-${randomUUID()}`)
  await mkdir(folder)
  res.once('close', () => forgetFolder(folder))
  try {
    return await parseUpload(req, { limit, contentType, folder })
  } catch (error) {
    await forgetFolder(folder) // a part cut off at the cap or by a malformed body is not kept
    return refuse(req, res, error instanceof BodyTooLarge ? 413 : 400, error instanceof BodyTooLarge ? TOO_LARGE : NOT_A_FORM)
  }
}

/** An upload route's other body (a large url-encoded form) on disk: a file-backed Blob, or a refusal already sent. */
async function spooledBody(req, res, { limit, type, contentType, uploadDir }) {
  const file = path.join(uploadDir, `ssa-upload-${randomUUID()}`)
  const forget = () => unlink(file).catch(() => {})
  res.once('close', forget) // after the answer, or when the connection drops
  const size = await spoolCapped(req, limit, file)
  if (size === null) {
    await forget()
    return refuse(req, res, 413, TOO_LARGE)
  }
  const blob = await openAsBlob(file, { type: contentType })
  if (size > 0 && !(await isWellFormedOnDisk(type, contentType, blob))) return refuse(req, res, 400, NOT_A_FORM)
  return blob
}

/**
 * `limitFor(method, path)`: the body cap; `isUpload(method, path)`: whether the body goes to disk (in
 * `uploadDir`) rather than memory.
 */
export function bodyGate({ limitFor = bodyLimitFor, isUpload = (method, path) => uploadRouteFor(method, path) !== undefined, uploadDir = os.tmpdir() } = {}) {
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
      if (isUpload(req.method, req.path) && type === 'multipart/form-data' && mayHaveBody) {
        const upload = await parsedUpload(req, res, { limit, contentType, uploadDir })
        if (!upload) return
        req.uploadForm = upload.form // the route's form: server/remix-handler.js passes it on in the load context
        req.rawBody = upload.rawBody
        return next()
      }
      if (isUpload(req.method, req.path)) {
        const blob = await spooledBody(req, res, { limit, type, contentType, uploadDir })
        if (!(blob instanceof Blob)) return
        req.rawBody = blob
        return next()
      }
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
