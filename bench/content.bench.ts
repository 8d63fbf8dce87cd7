// Content: import time (real tree and 100 generated modules, cold and warm), and the module page's JavaScript,
// throughput (against a minimal Remix app and bare node:http serving the same bytes) and 304 rate.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { formatProblem } from '~/core/content/problems'
import { checkContent } from '~/server/content/check.server'
import { importContent } from '~/server/content/import.server'
import { createPrismaClient, tuneConnection } from '~/server/db.server'
import { writeGeneratedContent } from './lib/content-tree.ts'
import { gzippedBytes, requestsPerSecond, scriptUrls, type LoadSettings } from './lib/load.ts'
import { signIn, startNode, startSeededApp, type RunningServer } from './lib/server.ts'
import { firstVisitBytes } from './lib/transfer.ts'
import { benchLine, type Bench } from './report.ts'

const MODULE_PAGE = '/learn/etiquette/appearance'
// Many short rounds, each target's order rotated: the median of per-round ratios holds still on a noisy machine
// `--rounds=N` and `--seconds=N` shorten the run on a busy machine (defaults: 7 rounds of 5 s)
const flag = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback)
const LOAD: LoadSettings = { connections: 20, warmupSeconds: 1, seconds: flag('seconds', 5) }
const ROUNDS = flag('rounds', 7)
// browsers ask for compressed pages; the app and the reference compress them the same way (server.js)
const COMPRESSED = { 'Accept-Encoding': 'gzip, deflate, br' }
const REPEAT_GETS = 200
const REFERENCE_DIR = 'bench/reference'

type Print = (line: string) => void
type Cleanup = () => Promise<void> | void

const seconds = (ms: number) => Math.round(ms) / 1000
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const toStderr = { stdio: ['ignore', 2, 2] as ['ignore', number, number] }

function tempDir(prefix: string, cleanup: Cleanup[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix))
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** Imports `root` into a freshly migrated temp database twice (empty, then unchanged); prints both times. */
async function importTimings(print: Print, label: string, root: string, modules: number, cleanup: Cleanup[]) {
  const dir = tempDir('ssa-import-', cleanup)
  const url = `file:${path.join(dir, 'import.db')}`
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DATABASE_URL: url } })
  const previousUrl = process.env.DATABASE_URL
  process.env.DATABASE_URL = url
  const db = createPrismaClient()
  try {
    await tuneConnection(db) // as `npm run content:import` does
    for (const [phase, expected, target] of [['cold', modules, 10], ['warm', 0, 1]] as const) {
      const started = performance.now()
      const result = await importContent(db, root)
      const elapsed = performance.now() - started
      if (!result.ok) throw new Error(`import of ${root} failed:\n${result.problems.map((p) => formatProblem(p)).join('\n')}`)
      if (result.summary.modulesCreated !== expected) {
        throw new Error(`${label} ${phase}: ${result.summary.modulesCreated} module versions created, expected ${expected}`)
      }
      print(benchLine(`content-import-${label}-${phase}`, seconds(elapsed), 's', { op: '<=', value: target }))
    }
  } finally {
    await db.$disconnect()
    if (previousUrl === undefined) delete process.env.DATABASE_URL
    else process.env.DATABASE_URL = previousUrl
  }
}

async function importBenches(print: Print, cleanup: Cleanup[]) {
  const real = checkContent('content')
  await importTimings(print, 'real', 'content', real.content.courses.reduce((n, c) => n + c.modules.length, 0), cleanup)
  const generated = tempDir('ssa-content-', cleanup)
  const modules = writeGeneratedContent(generated, 10, 10)
  const { problems } = checkContent(generated)
  if (problems.length) throw new Error(`the generated tree has problems:\n${problems.map((p) => formatProblem(p)).join('\n')}`)
  await importTimings(print, '100', generated, modules, cleanup)
}

async function page(url: string, headers: Record<string, string> = {}): Promise<{ html: string; bytes: number; etag: string | null }> {
  const response = await fetch(url, { headers, redirect: 'manual' })
  if (response.status !== 200) throw new Error(`GET ${url}: HTTP ${response.status}`)
  const body = Buffer.from(await response.arrayBuffer())
  return { html: body.toString('utf8'), bytes: body.length, etag: response.headers.get('etag') }
}

async function started(server: Promise<RunningServer>, cleanup: Cleanup[]): Promise<RunningServer> {
  const running = await server
  cleanup.push(running.stop)
  return running
}

/** The reference app on a page padded (loader data, rendered once) to `bytes`; restarts once to calibrate the padding. */
async function startReference(bytes: number, cleanup: Cleanup[]): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', REMIX_BUILD: `${REFERENCE_DIR}/build/index.js`, REMIX_PUBLIC: `${REFERENCE_DIR}/public` }
  const bare = await startNode(['server.js'], { ...env, REFERENCE_PAD_CHARS: '0' })
  let overhead: number
  try {
    overhead = (await page(bare.baseURL + '/')).bytes
  } finally {
    await bare.stop()
  }
  const padChars = Math.max(0, Math.round((bytes - overhead) / 2)) // the text is in the HTML and in the loader data
  const server = await started(startNode(['server.js'], { ...env, REFERENCE_PAD_CHARS: String(padChars) }), cleanup)
  const size = (await page(server.baseURL + '/')).bytes
  if (Math.abs(size - bytes) > bytes * 0.01) throw new Error(`reference page is ${size} bytes, wanted ${bytes}`)
  return server
}

async function pageBenches(print: Print, cleanup: Cleanup[]) {
  if (!existsSync('build/index.js')) execFileSync('npm', ['run', 'build'], toStderr)
  execFileSync('npx', ['--no-install', 'remix', 'build'], { ...toStderr, cwd: REFERENCE_DIR })

  const app = await started(startSeededApp(), cleanup)
  const cookie = await signIn(app.baseURL, 'clerk01')
  const moduleUrl = app.baseURL + MODULE_PAGE
  const first = await page(moduleUrl, { cookie })
  if (!first.html.includes('<article')) throw new Error(`${MODULE_PAGE} did not render the module page`)

  // an anonymous first page, sign-in, the clerk's home, then the module page: pages and every asset, as sent
  const transfer = await firstVisitBytes(app.baseURL, [
    { path: '/login', cookie: null },
    { path: '/learn', cookie },
    { path: MODULE_PAGE, cookie },
  ])
  print(benchLine('content-first-visit-transfer', Math.round(transfer / 102.4) / 10, 'KB (login, /learn, module page, brotli/gzip)', { op: '<=', value: 140 }))

  const scripts = scriptUrls(first.html, app.baseURL)
  const js = await gzippedBytes(scripts)
  print(benchLine('content-module-page-js', Math.round(js / 102.4) / 10, 'KB gzipped', { op: '<=', value: 120 }))

  let notModified = 0
  for (let i = 0; i < REPEAT_GETS; i++) {
    const response = await fetch(moduleUrl, { headers: { cookie, 'If-None-Match': first.etag ?? '' }, redirect: 'manual' })
    await response.arrayBuffer()
    if (response.status === 304) notModified++
  }
  print(benchLine('content-module-page-304-rate', (notModified / REPEAT_GETS) * 100, '%', { op: '>=', value: 100 }))

  const htmlFile = path.join(tempDir('ssa-html-', cleanup), 'module.html')
  writeFileSync(htmlFile, first.html)
  const reference = await startReference(first.bytes, cleanup)
  const bare = await started(startNode(['bench/lib/html-server.mjs'], { ...process.env, HTML_FILE: htmlFile }), cleanup)

  const targets = {
    module: () => requestsPerSecond(moduleUrl, { cookie, ...COMPRESSED }, LOAD),
    reference: () => requestsPerSecond(reference.baseURL + '/', COMPRESSED, LOAD),
    http: () => requestsPerSecond(bare.baseURL + '/', {}, LOAD),
  }
  const names = Object.keys(targets) as (keyof typeof targets)[]
  const rps: Record<keyof typeof targets, number[]> = { module: [], reference: [], http: [] }
  const vsReference: number[] = []
  const vsHttp: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]) // rotate who goes first
    const got = {} as Record<keyof typeof targets, number>
    for (const name of order) got[name] = await targets[name]()
    for (const name of names) rps[name].push(got[name])
    vsReference.push(got.module / got.reference)
    vsHttp.push(got.module / got.http)
  }
  const spread = `${Math.min(...vsReference).toFixed(2)}–${Math.max(...vsReference).toFixed(2)}`
  const note = `${first.bytes} B page, ${LOAD.connections} connections, ${LOAD.seconds} s, median of ${ROUNDS}; ratio per round ${spread}`
  print(benchLine('content-module-page-rps', Math.round(median(rps.module)), `req/s (${note})`))
  print(benchLine('content-reference-remix-rps', Math.round(median(rps.reference)), 'req/s'))
  print(benchLine('content-node-http-rps', Math.round(median(rps.http)), 'req/s'))
  print(benchLine('content-module-page-rps-ratio', median(vsReference), 'ratio', { op: '>=', value: 0.6 }))
  print(benchLine('content-module-page-vs-node-http', median(vsHttp), 'ratio'))
}

const bench: Bench = async (print) => {
  const cleanup: Cleanup[] = []
  try {
    if (!process.argv.includes('--pages-only')) await importBenches(print, cleanup)
    await pageBenches(print, cleanup)
  } finally {
    for (const step of cleanup.reverse()) {
      try {
        await step()
      } catch (error) {
        console.error('cleanup failed:', error)
      }
    }
  }
}

export default bench
