// The export worker's bundle beside the server build (build/export-worker.mjs, decision 0043): the Remix compiler
// bundles only the routes' module graph, and a worker thread needs a file of its own. Same settings as the server
// build: ESM, Node, the app's code bundled (the ~ alias from tsconfig.json).
// The worker reads through the query layer only: the Prisma clients its modules import (db.server.ts) are replaced
// by stand-ins that refuse to be constructed, and so is pg (the workers serve SQLite only): ~13 MB less a worker.
// `node scripts/build-export-worker.mjs [outfile]` (the benches build their own copy).
import { build } from 'esbuild'

const noPrisma = {
  name: 'no-prisma-in-the-export-worker',
  setup(plugin) {
    plugin.onResolve({ filter: /(^~\/generated\/prisma(-postgres)?\/client$)|(^@prisma\/adapter-)|(^pg$)/ }, (args) => ({ path: args.path, namespace: 'no-prisma' }))
    const refuse = (what) => `class { constructor() { throw new Error('the export worker reads SQLite through the query layer, not ${what}') } }`
    plugin.onLoad({ filter: /.*/, namespace: 'no-prisma' }, (args) => ({
      contents:
        args.path === 'pg'
          ? `export default { Pool: ${refuse('pg')}, types: {} }`
          : ['PrismaClient', 'PrismaBetterSQLite3', 'PrismaPg'].map((name) => `export const ${name} = ${refuse('Prisma')}`).join('\n'),
      loader: 'js',
    }))
  },
}

await build({
  entryPoints: ['app/server/export-worker.entry.ts'],
  outfile: process.argv[2] ?? 'build/export-worker.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // the native and driver packages are imported from node_modules; Kysely, csv-stringify and zod are bundled (tree-shaken:
  // loaded as ~400 modules, Kysely alone cost a worker ~20 MB)
  external: ['better-sqlite3'],
  plugins: [noPrisma],
  logLevel: 'warning',
})
