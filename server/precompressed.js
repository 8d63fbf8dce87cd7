// Serves the .br / .gz copies that scripts/precompress.mjs wrote beside the static assets, by the browser's
// Accept-Encoding (brotli first), with the original file's type; otherwise the next handler (express.static)
// serves the file as it is. Which copies exist is remembered, so a request costs no extra stat.
import { existsSync } from 'node:fs'
import path from 'node:path'
import express from 'express'

const ENCODINGS = [
  { name: 'br', extension: '.br' },
  { name: 'gzip', extension: '.gz' },
]

/** The encodings this Accept-Encoding header allows (a q=0 refuses one). */
export function acceptedEncodings(header = '') {
  const accepted = new Set()
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    if (q && Number(q.slice(2)) === 0) continue
    accepted.add(name.trim())
  }
  return accepted
}

export function precompressed(root, sendOptions = {}) {
  const known = new Map()
  const exists = (file) => {
    let found = known.get(file)
    if (found === undefined) {
      found = existsSync(file)
      if (known.size > 10_000) known.clear()
      known.set(file, found)
    }
    return found
  }
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    res.vary('Accept-Encoding')
    const relative = decodeURIComponent(req.path)
    const file = path.join(root, relative)
    if (!file.startsWith(root + path.sep) || relative.includes('\0')) return next()
    const accepted = acceptedEncodings(req.get('Accept-Encoding'))
    const encoding = ENCODINGS.find((e) => accepted.has(e.name) && exists(file + e.extension))
    if (!encoding) return next()
    res.set('Content-Encoding', encoding.name)
    res.type(path.extname(file))
    res.sendFile(file + encoding.extension, sendOptions, (error) => {
      if (error && !res.headersSent) {
        res.removeHeader('Content-Encoding')
        next()
      }
    })
  }
}

/** express.static behind the precompressed copies. */
export function staticWithPrecompressed(root, { immutable = false, maxAge = 0 } = {}) {
  const resolved = path.resolve(root)
  const router = express.Router()
  router.use(precompressed(resolved, { immutable, maxAge }))
  router.use(express.static(resolved, { immutable, maxAge }))
  return router
}
