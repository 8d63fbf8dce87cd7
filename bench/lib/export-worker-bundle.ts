// The export workers as production runs them (decision 0043): their bundle (scripts/build-export-worker.mjs), built
// from the current source into build/ (beside node_modules, which it imports from), not their source through tsx (whose loader costs each worker
// ~100 MB and its own transpiling). EXPORT_WORKERS=0 measures the CSV written in the request's thread.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'

export function useBundledExportWorker(print: (line: string) => void): void {
  const file = path.resolve('build', `bench-export-worker-${process.pid}.mjs`)
  execFileSync(process.execPath, ['scripts/build-export-worker.mjs', file], { stdio: 'inherit' })
  process.env.EXPORT_WORKER_BUNDLE = file
  process.on('exit', () => rmSync(file, { force: true }))
  print(`bench export: workers ${process.env.EXPORT_WORKERS ?? '0 (the CSV written in the request\'s thread, the app\'s default)'}, bundle ${file}`)
}
