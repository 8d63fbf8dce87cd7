// postinstall, after patch-package: builds better-sqlite3's addon again from its patched source
// (patches/better-sqlite3+11.10.0.patch): the addon's C++ (a raw row made in one call, decision 0051) and the SQLite
// it bundles (a commit's WAL frames written in one call, decision 0052). better-sqlite3's own install built both
// before the patch was applied. Where it built from source (no prebuilt binary: this project's machines reach only
// the npm registry), make builds what the patch made stale: SQLite's library and the addon (~1–2.5 min, SQLite's
// amalgamation is one 9 MB file). Where it took a prebuilt binary, the whole addon is built (node-gyp, as
// better-sqlite3's own install falls back to). The patched build says so twice: the addon exports `rawRowsInOneCall`,
// SQLite's compile options name SSA_WAL_FRAMES_IN_ONE_WRITE; the install fails otherwise. Nothing to do when the
// installed addon is the patched one already.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
const dir = path.dirname(require.resolve('better-sqlite3/package.json'))
const addon = path.join(dir, 'build', 'Release', 'better_sqlite3.node')
// asked of a fresh process each time: this one never loads the addon it may build again
const probe = `
const addon = require(${JSON.stringify(addon)})
const Database = require(${JSON.stringify(dir)})
const db = new Database(':memory:', { nativeBinding: addon })
const options = db.pragma('compile_options').map((o) => o.compile_options)
console.log(addon.rawRowsInOneCall === true && options.includes('SSA_WAL_FRAMES_IN_ONE_WRITE'))
`
const patched = () => existsSync(addon) && execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).trim() === 'true'

if (!patched()) {
  const makefile = path.join(dir, 'build', 'Makefile')
  if (existsSync(makefile)) {
    // what the patched files made stale: SQLite's copy, object and library, the addon's object, the link
    execFileSync('make', ['-C', 'build', 'BUILDTYPE=Release', 'Release/better_sqlite3.node'], { cwd: dir, stdio: 'inherit' })
  } else {
    const gyp = process.env.npm_config_node_gyp
    if (!gyp) throw new Error('better-sqlite3 must be built again from its patched source: run `npm rebuild better-sqlite3 && npm run postinstall`')
    execFileSync(process.execPath, [gyp, 'rebuild', '--release'], { cwd: dir, stdio: 'inherit' })
  }
  if (!patched()) {
    throw new Error(`better-sqlite3's addon (${addon}) was built without patches/better-sqlite3+11.10.0.patch`)
  }
  console.log('better-sqlite3: the addon and its SQLite were built again from their patched source')
}
