// Studio: the preview round trip (an edit → the server's check and rendered preview) for the longest module of
// content/, p95 over many edits, measured in-process (the route's own work: check, compile, render — no HTTP
// hop); and the studio's JavaScript, reported apart from clerks' pages (their budget is content.bench's).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { importContent } from '~/server/content/import.server'
import { createPrismaClient, tuneConnection } from '~/server/db.server'
import { previewModule, publishedSources } from '~/server/studio/draft-check.server'
import { processCpuSeconds } from './lib/server.ts'
import { benchLine, type Bench } from './report.ts'

const EDITS = 40

/** CPU ms of this process and its children (esbuild's service runs as one): robust to a contended machine. */
function cpuMs(): number {
  const own = process.cpuUsage()
  let children = 0
  try {
    for (const task of readdirSync('/proc/self/task')) {
      for (const pid of readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(' ').filter(Boolean)) {
        children += processCpuSeconds(Number(pid)) * 1000
      }
    }
  } catch {
    // not Linux: this process only
  }
  return (own.user + own.system) / 1000 + children
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')

function studioScriptBytes(): { editor: number; chunk: number } | null {
  const build = 'public/build'
  if (!existsSync(build)) return null
  const brotli = (dir: string, match: RegExp) =>
    readdirSync(path.join(build, dir))
      .filter((f) => match.test(f) && f.endsWith('.js.br'))
      .reduce((sum, f) => sum + statSync(path.join(build, dir, f)).size, 0)
  return { editor: brotli('routes', /^trainer\.studio\./), chunk: brotli('_shared', /^codemirror-setup-/) }
}

const bench: Bench = async (print) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ssa-studio-bench-'))
  const url = `file:${path.join(dir, 'studio.db')}`
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DATABASE_URL: url } })
  process.env.DATABASE_URL = url
  const db = createPrismaClient()
  try {
    await tuneConnection(db)
    const imported = await importContent(db, 'content')
    if (!imported.ok) throw new Error('content/ does not import')
    const modules = (await publishedSources(db)).filter((f) => f.path.endsWith('.mdx'))
    const longest = modules.reduce((a, b) => ((a.text ?? '').length >= (b.text ?? '').length ? a : b))
    const text = longest.text ?? ''
    // the trainer opens the file (its first preview compiles every block), then types: each edit changes one
    // paragraph in the middle of the module, as typing does
    await previewModule(db, longest.path, text)
    const paragraph = text.indexOf('。', Math.floor(text.length / 2)) + 1
    const times: number[] = []
    const cpu: number[] = []
    for (let i = 0; i < EDITS; i++) {
      const edited = `${text.slice(0, paragraph)}第${i}次修改：客户到厅，先起身问候。${text.slice(paragraph)}`
      const [started, startedCpu] = [performance.now(), cpuMs()]
      const preview = await previewModule(db, longest.path, edited)
      times.push(performance.now() - started)
      cpu.push(cpuMs() - startedCpu)
      if (!preview.html) throw new Error(`preview of ${longest.path} failed: ${preview.error}`)
    }
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b)
    const p95 = sorted(times)[Math.ceil(times.length * 0.95) - 1]
    print(benchLine(`studio-preview-p95 (${longest.path}, ${text.length} chars, in-process; load ${loadAverage()})`, Math.round(p95), 'ms', { op: '<=', value: 150 }))
    print(benchLine('studio-preview-median', Math.round(sorted(times)[Math.floor(times.length / 2)]), 'ms'))
    print(benchLine('studio-preview-cpu-median (server process + esbuild, per edit)', Math.round(sorted(cpu)[Math.floor(cpu.length / 2)] * 10) / 10, 'ms'))
    const scripts = studioScriptBytes()
    if (scripts) {
      print(benchLine('studio-js-routes-brotli', scripts.editor, 'bytes'))
      print(benchLine('studio-js-editor-chunk-brotli (loaded by the edit page only)', scripts.chunk, 'bytes'))
    } else print('bench studio-js: no public/build (run npm run build first)')
  } finally {
    await db.$disconnect()
    rmSync(dir, { recursive: true, force: true })
  }
}

export default bench
