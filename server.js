// The HTTP server: static assets with long caching, a same-origin check on every mutation, then Remix.
import path from 'node:path'
import zlib from 'node:zlib'
import compression from 'compression'
import http from 'node:http'
import express from 'express'
import { bodyGate } from './server/body-gate.js'
import { leanPosts } from './server/lean-posts.js'
import { isForeignOrigin, securityHeaders } from './server/origin-check.js'
import { staticWithPrecompressed } from './server/precompressed.js'
import { remixHandler } from './server/remix-handler.js'

// REMIX_BUILD / REMIX_PUBLIC let a benchmark serve another Remix build through this same server.
const BUILD_PATH = path.resolve(process.env.REMIX_BUILD ?? 'build/index.js')
const PUBLIC_DIR = path.resolve(process.env.REMIX_PUBLIC ?? 'public')
const isDev = process.env.NODE_ENV === 'development'

/**
 * Express's "trust proxy" from TRUST_PROXY, for a reverse proxy in front: "loopback", the proxy's address or
 * subnet, or a hop count. Then the client's address (the sign-in limit counts per address) comes from
 * X-Forwarded-For as far as those hops vouch for it; unset, the header is ignored (anyone could write it).
 */
export function trustProxySetting(value = process.env.TRUST_PROXY) {
  if (!value) return false
  if (/^\d+$/.test(value)) return Number(value)
  return value
}

async function loadBuild() {
  return import(`${BUILD_PATH}?t=${Date.now()}`)
}

/** In development, an edited file under content/ is imported again (check first: a mistake stores nothing). */
async function reimportContentOnChange() {
  const { default: chokidar } = await import('chokidar')
  const { spawn } = await import('node:child_process')
  let timer
  let running = false
  const run = () => {
    if (running) return void (timer = setTimeout(run, 300))
    running = true
    const child = spawn('npx', ['tsx', 'scripts/content-import.ts', '--skip-migrations'], { stdio: 'inherit', env: process.env })
    child.on('exit', () => (running = false))
  }
  chokidar.watch('content', { ignoreInitial: true }).on('all', () => {
    clearTimeout(timer)
    timer = setTimeout(run, 300)
  })
}

/**
 * Closes timed quiz attempts whose deadline passed and deletes ended sessions, even when nobody comes back: once at
 * start (what expired while the server was down), then every minute. The first run also loads Prisma's query
 * compiler (~0.7 s of CPU, its WebAssembly compiled), which the hot paths never use: paid at start, not a minute
 * into serving (docs/decisions/0049-start-sweep-cold-caches-cpu-at-the-target-rate.md).
 */
function sweepExpiredAttempts(getBuild) {
  const sweepAll = () => {
    for (const name of ['sweepExpiredAttempts', 'sweepExpiredSessions']) {
      const sweep = getBuild().entry?.module?.[name]
      if (typeof sweep === 'function') sweep().catch((error) => console.error(`${name} failed`, error))
    }
  }
  sweepAll()
  setInterval(sweepAll, 60_000).unref()
}

/**
 * The request handler, with `listen` as an Express app has it; `options.build` serves a Remix build given in-process
 * (tests) instead of the one on disk.
 */
export async function createServer(options = {}) {
  const app = express()
  app.disable('x-powered-by')
  // nothing reads req.query (Remix reads the address itself): Express's qs parse of every query string is waste
  app.set('query parser', false)
  app.set('trust proxy', trustProxySetting())
  app.use((req, res, next) => {
    securityHeaders(res)
    next()
  })
  // compressed once at build time (scripts/precompress.mjs): brotli or gzip copies by Accept-Encoding
  app.use('/build', staticWithPrecompressed(path.join(PUBLIC_DIR, 'build'), { immutable: true, maxAge: '1y' }))
  // other public files (the favicon) only under their own names: a catch-all static handler would stat the
  // disk for every page request
  app.use('/favicon.svg', express.static(path.join(PUBLIC_DIR, 'favicon.svg'), { maxAge: '1d' }))
  app.use((req, res, next) => {
    if (!isForeignOrigin(req)) return next()
    res.status(403).type('text/plain; charset=utf-8').send('请求来源不被允许 / Request origin not allowed')
  })
  // every body is read here, capped and checked, before Remix sees the request (server/body-limits.js); a lean
  // attempt post that the app left to Remix comes with its body already read by the same gate (server/lean-posts.js)
  const gate = bodyGate()
  app.use((req, res, next) => (req.rawBody === undefined ? gate(req, res, next) : next()))
  let build = options.build ?? (await loadBuild())
  // pages and data compressed on the fly, at the fastest levels: most of the gain for little CPU
  app.use(compression({ level: 1, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } } }))

  if (isDev) {
    const { default: chokidar } = await import('chokidar')
    const { broadcastDevReady } = await import('@remix-run/node')
    chokidar.watch(BUILD_PATH, { ignoreInitial: true }).on('all', async () => {
      build = await loadBuild()
      broadcastDevReady(build)
    })
    broadcastDevReady(build)
    await reimportContentOnChange()
  }
  sweepExpiredAttempts(() => build)
  app.all(
    '*',
    remixHandler({
      build: isDev ? () => build : build,
      mode: build.mode,
      getLoadContext: (req) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown' }),
    }),
  )
  // the attempt page's saves and submits, answered by the app ahead of Express and Remix (server/lean-posts.js)
  const handler = leanPosts(() => build, app)
  return Object.assign(handler, { listen: (...args) => http.createServer(handler).listen(...args) })
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve('server.js')) {
  const port = Number(process.env.PORT ?? 3000)
  const host = process.env.HOST ?? '0.0.0.0'
  const app = await createServer()
  app.listen(port, host, () => console.log(`Star Service Academy on http://localhost:${port}`))
}
