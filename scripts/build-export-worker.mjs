// The export worker's bundle beside the server build (build/export-worker.mjs, decision 0043): the Remix compiler
// bundles only the routes' module graph, and a worker thread needs a file of its own. Same settings as the server
// build: ESM, Node, the app's code bundled (the ~ alias from tsconfig.json), packages from node_modules left to import.
import { build } from 'esbuild'

await build({
  entryPoints: ['app/server/export-worker.entry.ts'],
  outfile: 'build/export-worker.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
})
