// `TMPDIR=… SCALE=1 npx tsx bench/export-ab.ts <variant>`: the people export of the whole organisation and of the first
// region, A and B alternated in one process (A B B A …, so neither always runs first), on the scale seed's file
// (run `SCALE=1 npm run bench -- scale` once). Each run prints rows/s, rows per CPU-second of the process (workers'
// threads included) and peak RSS above the RSS before it, with /proc/loadavg. Variants:
// - `pragma`: A = the read connection at SQLite's defaults (no mmap, 2 MB cache), B = as the app opens it;
// - `workers`: A = the CSV written in this thread (EXPORT_WORKERS=0), B = by the export workers (2).
import { readFileSync } from 'node:fs'
import { sampledRss, streamedRows } from './lib/export-measure.ts'
import { scaled } from './lib/scale-org.ts'
import { reusableSeed, scaleFile } from './lib/scale-reuse.ts'
import { useBundledExportWorker } from './lib/export-worker-bundle.ts'

const variant = process.argv[2] ?? 'pragma'
const PAIRS = Number(process.env.AB_PAIRS ?? '4')
const size = scaled(Number(process.env.SCALE ?? '1'))
const file = scaleFile(size)
const reuse = reusableSeed(file, size)
if (!reuse.reused) throw new Error(`${file}: ${reuse.why}`)
process.env.DATABASE_URL = `file:${file}`
useBundledExportWorker(console.log)
const now = reuse.seededAt
const { prisma } = await import('../app/server/db.server.ts')
const { readConnectionSettings } = await import('../app/server/kysely.server.ts')
const readModule = await import('../app/server/sqlite-read.server.ts')
const { READ_CACHE_KIB, READ_MMAP_BYTES } = readModule
readConnectionSettings() // both read connections opened: the export's page reads run on the mapped (bulk) one
const read = () => readModule.lastReadConnection!
const { managerExport } = await import('../app/server/manage-exports.server.ts')
const { csvStream } = await import('../app/server/exports.server.ts')
const { WHOLE_ORGANISATION } = await import('../app/server/manage.server.ts')
const { useExportWorkers } = await import('../app/server/export-workers.server.ts')
const region = await prisma.orgUnit.findUniqueOrThrow({ where: { code: reuse.org.regions[0] }, select: { code: true, kind: true, nameZh: true, nameEn: true, path: true } })

type Unit = typeof region
const exportOf = async (unit: Unit) => {
  const built = await managerExport('people', unit, new URLSearchParams(), now, (k) => k, 'zh-CN')
  if (!built.ok) throw new Error('export refused')
  return streamedRows(csvStream(built.table))
}

const variants: Record<string, { a: () => Promise<void>; b: () => Promise<void> }> = {
  pragma: {
    a: async () => {
      read().pragma('mmap_size = 0')
      read().pragma('cache_size = -2000')
    },
    b: async () => {
      read().pragma(`mmap_size = ${READ_MMAP_BYTES}`)
      read().pragma(`cache_size = -${READ_CACHE_KIB}`)
    },
  },
}
variants.workers = { a: () => useExportWorkers(0), b: () => useExportWorkers(Number(process.env.AB_WORKERS ?? '2')) }
const chosen = variants[variant]
if (!chosen) throw new Error(`variant: one of ${Object.keys(variants).join(', ')}`)

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
// warm-up: each worker's isolate compiles its own code, and takes ~10 region exports to reach its steady CPU
for (let i = 0; i < Number(process.env.AB_WARM ?? '1'); i++) {
  for (const warm of [chosen.a, chosen.b]) {
    await warm()
    await exportOf(region)
    await exportOf(WHOLE_ORGANISATION)
  }
}
const figures: Record<string, number[]> = {}
for (let pair = 0; pair < PAIRS; pair++) {
  const order = pair % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const)
  for (const which of order) {
    await (which === 'A' ? chosen.a() : chosen.b())
    for (const [scope, unit] of [['organisation', WHOLE_ORGANISATION], ['region', region]] as const) {
      const run = await sampledRss(() => exportOf(unit))
      const key = `${scope} ${which}`
      ;(figures[`${key} rows/cpu-s`] ??= []).push(run.result / run.cpuSeconds)
      ;(figures[`${key} rows/s`] ??= []).push(run.result / run.seconds)
      console.log(`${variant} ${which} ${scope}: ${run.result} rows ${Math.round(run.result / run.seconds)} rows/s ${Math.round(run.result / run.cpuSeconds)} rows/cpu-s peak ${run.peakMb.toFixed(1)} MB load ${load()}`)
    }
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
for (const [key, xs] of Object.entries(figures).sort()) console.log(`median ${key}: ${Math.round(median(xs))} (${xs.map(Math.round).join(' ')})`)
await prisma.$disconnect()
process.exit(0)
