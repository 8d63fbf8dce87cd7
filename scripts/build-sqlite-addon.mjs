// postinstall, after patch-package: builds better-sqlite3's addon again from its patched source
// (patches/better-sqlite3+11.10.0.patch: a raw row made in one call, decision 0051). better-sqlite3's own install
// built the addon before the patch was applied. Where it built from source (no prebuilt binary: this project's
// machines reach only the npm registry), only the patched file is compiled again and the addon linked (~10 s): the
// SQLite library it built stays. Where it took a prebuilt binary, the whole addon is built (node-gyp, as
// better-sqlite3's own install falls back to). The patched addon says so (`rawRowsInOneCall`); the build fails
// the install otherwise. Nothing to do when the installed addon is the patched one already.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
const dir = path.dirname(require.resolve('better-sqlite3/package.json'))
const addon = path.join(dir, 'build', 'Release', 'better_sqlite3.node')
// asked of a fresh process each time: this one never loads the addon it may build again
const patched = () =>
  existsSync(addon) && execFileSync(process.execPath, ['-e', `console.log(require(${JSON.stringify(addon)}).rawRowsInOneCall === true)`], { encoding: 'utf8' }).trim() === 'true'

if (!patched()) {
  const makefile = path.join(dir, 'build', 'Makefile')
  if (existsSync(makefile)) {
    // the addon's object and link only; the SQLite library's targets taken as built (-o: "old", not remade)
    const built = ['Release/obj.target/deps/sqlite3.a', 'Release/sqlite3.a', 'Release/obj.target/deps/locate_sqlite3.stamp']
    execFileSync('make', ['-C', 'build', 'BUILDTYPE=Release', ...built.flatMap((file) => ['-o', file]), 'Release/better_sqlite3.node'], { cwd: dir, stdio: 'inherit' })
  } else {
    const gyp = process.env.npm_config_node_gyp
    if (!gyp) throw new Error('better-sqlite3 must be built again from its patched source: run `npm rebuild better-sqlite3 && npm run postinstall`')
    execFileSync(process.execPath, [gyp, 'rebuild', '--release'], { cwd: dir, stdio: 'inherit' })
  }
  if (!patched()) {
    throw new Error(`better-sqlite3's addon (${addon}) was built without patches/better-sqlite3+11.10.0.patch`)
  }
  console.log('better-sqlite3: the addon was built again from its patched source')
}
