// Studio: the preview round trip (an edit → the server's check and rendered preview) for the longest module of
// content/, p95 over many edits, measured in-process (the route's own work: check, compile, render — no HTTP
// hop); and the studio's JavaScript, reported apart from clerks' pages (their budget is content.bench's).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { importContent } from '~/server/content/import.server'
import { createPrismaClient, tuneConnection } from '~/server/db.server'
import { previewModule, publishedSources } from '~/server/studio/draft-check.server'
import { benchLine, type Bench } from './report.ts'

const EDITS = 40

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
    const times: number[] = []
    for (let i = 0; i < EDITS; i++) {
      const text = `${longest.text}\n第 ${i} 次修改：客户到厅，先起身问候。\n`
      const started = performance.now()
      const preview = await previewModule(db, longest.path, text)
      times.push(performance.now() - started)
      if (!preview.html) throw new Error(`preview of ${longest.path} failed: ${preview.error}`)
    }
    times.sort((a, b) => a - b)
    const p95 = times[Math.ceil(times.length * 0.95) - 1]
    print(benchLine(`studio-preview-p95 (${longest.path}, ${(longest.text ?? '').length} chars, in-process)`, Math.round(p95), 'ms', { op: '<=', value: 150 }))
    print(benchLine('studio-preview-median', Math.round(times[Math.floor(times.length / 2)]), 'ms'))
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
