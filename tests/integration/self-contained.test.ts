// The repo must run its tests, scripts and benches from a fresh clone with nothing beside it: no code may
// reach for the shared folder the project started from (its files were copied into content/sources and
// tests/fixtures). The scan is of git's tracked files, so a build output or node_modules cannot hide a hit.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

// Every tracked file that runs or configures something, wherever it sits (app, server, scripts, bench, tests, CI,
// root files, content data): only prose (*.md) may say where a copied file came from.
const code = /\.([cm]?[jt]sx?|sh|json|ya?ml|toml|prisma|sql|patch|gift)$/
const scanned = (file: string) => file.startsWith('.ci/') || code.test(file)
const forbidden = ['../shared', 'shared/seeds', 'shared/fixtures', '/work/shared']
// Code only (a README may say where a copied file came from). This file names the strings it looks for.
const self = 'tests/integration/self-contained.test.ts'

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
    .split('\0')
    .filter((file) => file && scanned(file) && file !== self)
}

function hits(files: string[]): string[] {
  return files.flatMap((file) => {
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch {
      return [] // listed by git but deleted in the work tree
    }
    return text
      .split('\n')
      .flatMap((line, i) => (forbidden.some((f) => line.includes(f)) ? [`${file}:${i + 1}: ${line.trim()}`] : []))
  })
}

it("scans the code folders, the root scripts, the server's own modules and CI", () => {
  const files = trackedFiles()
  expect(files).toContain('server.js')
  expect(files).toContain('vitest.config.ts')
  expect(files).toContain('server/lean-posts.js') // the lean attempt posts run before Remix
  expect(files).toContain('.ci/run')
  expect(files).toContain('package.json')
  expect(files).toContain('prisma/schema.prisma')
  expect(files.some((f) => f.startsWith('content/') && f.endsWith('.yaml'))).toBe(true)
  expect(files.some((f) => f.startsWith('app/'))).toBe(true)
  expect(files.some((f) => f.startsWith('bench/'))).toBe(true)
  expect(files.some((f) => f.startsWith('scripts/'))).toBe(true)
})

it('no code, test, script or bench reads outside the repo', () => {
  expect(hits(trackedFiles())).toEqual([])
})

it('would catch a path to the shared folder', () => {
  // The scan itself can fail: a line naming the shared seeds is reported with its file and line.
  expect(hits([self]).length).toBeGreaterThan(0)
})
