// Runs every benchmark in bench/ (or the ones named): `npm run bench [-- <name> ...]`.
// A benchmark is a file bench/<name>.bench.ts whose default export is a `Bench`.
import { readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { benchLine, type Bench } from './report.ts'
import { machineLevelMs } from './lib/machine-level.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
const available = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort()
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const unknown = wanted.filter((w) => !available.includes(w))
if (unknown.length) {
  console.error(`unknown benchmark: ${unknown.join(', ')} (available: ${available.join(', ')})`)
  process.exit(2)
}
for (const name of wanted.length ? wanted : available) {
  const mod = (await import(pathToFileURL(path.join(here, `${name}.bench.ts`)).href)) as { default: Bench }
  // the machine's level beside the figures (bench/lib/machine-level.ts): lower is a faster machine; and how busy the
  // machine was (the load average counts every process on it, other sessions' too)
  const level = (when: string) => {
    console.log(benchLine(`${name}-machine-level-${when}`, machineLevelMs(), 'ms of CPU for a fixed piece of work'))
    console.log(benchLine(`${name}-load-average-${when}`, os.loadavg()[0], `processes runnable, 1-minute average (${os.cpus().length} cores)`))
  }
  level('before')
  await mod.default((line) => console.log(line))
  level('after')
}
