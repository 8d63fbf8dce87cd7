// patches/ changes the CommonJS builds of four packages (their `main`). Node loads those for the server, also
// from ESM (none of them has an `exports` map, and Node ignores `module`). This test imports the server's
// entry packages the way the built server does — from an ES module, in plain Node — and fails when a patched
// file is not the one loaded (a package gaining `exports`, an ESM build taking over): the speed-up would be
// lost without a word. patches/ also changes better-sqlite3's C++ source (decision 0051), which the postinstall
// builds again (scripts/build-sqlite-addon.mjs): the addon the package loads must be the one built from it.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const patchedFiles = readdirSync('patches')
  .filter((file) => file.endsWith('.patch'))
  .flatMap((file) => [...readFileSync(path.join('patches', file), 'utf8').matchAll(/^\+\+\+ b\/(node_modules\/\S+)$/gm)].map((m) => m[1]))
  .filter((file) => file.endsWith('.js'))

const entry = `
import { createRequire } from 'node:module'
await import('@remix-run/express')
await import('@remix-run/node')
await import('@remix-run/react')
const require = createRequire(import.meta.url)
console.log(JSON.stringify(Object.keys(require.cache)))
`

it('lists the files the patches change', () => {
  expect(patchedFiles.length).toBeGreaterThanOrEqual(4)
})

it('the server, importing from ESM in plain Node, loads every patched file', () => {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', entry], { encoding: 'utf8' })
  expect(run.stderr).toBe('')
  const loaded = new Set((JSON.parse(run.stdout) as string[]).map((file) => path.relative(process.cwd(), file)))
  for (const file of patchedFiles) expect(loaded.has(file), `${file} is patched but the server does not load it`).toBe(true)
})

it('better-sqlite3 runs the addon built from its patched source', () => {
  expect(readdirSync('patches').some((file) => file.startsWith('better-sqlite3+'))).toBe(true)
  // the file better-sqlite3 loads (through `bindings`, build/Release first), asked in a fresh process
  const check = "const D = require('better-sqlite3'); new D(':memory:').close(); console.log(JSON.stringify(Object.keys(require.cache).filter((f) => f.endsWith('.node')).map((f) => require(f).rawRowsInOneCall)))"
  const run = spawnSync(process.execPath, ['-e', check], { encoding: 'utf8' })
  expect(run.stderr).toBe('')
  expect(JSON.parse(run.stdout)).toEqual([true])
})
