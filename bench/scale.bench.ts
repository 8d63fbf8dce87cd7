// `npm run bench -- scale`: a synthetic organisation (SCALE=1 is the 500 halls, 20 000 clerks, 2 000 000
// attempts, 200 000 module reads; default SCALE=0.05 on this shared machine), then p50/p95 over 50 calls of the
// regional overview, a branch overview, a hall page and a person record (their server functions, no HTTP), the
// same at one tenth of the data, and the whole people export end to end (read a page of halls at a time and streamed,
// decision 0031) of the first region and of the whole organisation: rows/s, rows per CPU-second, peak RSS above idle.
// `--engine=postgres`: the same organisation copied into a throwaway PostgreSQL 15 cluster (bench/lib/scale-postgres.ts),
// the same lines printed with the engine in their names.
// The seeded SQLite files stay in the temp folder, named by size (/tmp/ssa-scale-sqlite-500h-20000c-2000000a-200000r.db
// at SCALE=1). SCALE_REUSE=1 reuses one instead of seeding again when its size, migrations, content files and seed
// version match (stderr says which file was reused, or why not); its pages are then read at the clock it was seeded
// at. On PostgreSQL the reused file is copied into a fresh cluster as usual. Seeding SCALE=1 costs about 35 s of
// CPU (decision 0029); the export lines give rows per CPU-second beside rows/s, the figure contention does not move.
import type { Cell } from '../app/server/exports.server.ts'
import { benchLine, type Bench } from './report.ts'
import { medianByCpu, sampledRss, streamedRows, warmUpExports } from './lib/export-measure.ts'
import { createScaleDatabase, fillOrganisation, progress, scaled, type ScaleOrganisation, type ScaleSize } from './lib/scale-org.ts'
import { forgetSeed, rememberSeed, reusableSeed, scaleFile } from './lib/scale-reuse.ts'
import { copyIntoPostgres, scaleDatabaseOnPostgres, stopScaleCluster } from './lib/scale-postgres.ts'
import { useBundledExportWorker } from './lib/export-worker-bundle.ts'

const engine = process.argv.includes('--engine=postgres') ? 'postgres' : 'sqlite'

const RUNS = 50
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]

async function timings(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await run() // warm caches as a running server has them
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    await run()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) }
}

const STREAM_REPEATS = 100
const EXPORT_RUNS = 3

/** The people export's row per learner (decision 0041), filled from the roll-ups the seed wrote by the app's own rebuild. */
async function fillLearnerProgress(): Promise<void> {
  const { prisma } = await import('../app/server/db.server.ts')
  const { rebuildLearnerProgress } = await import('../app/server/learner-progress.server.ts')
  await rebuildLearnerProgress(prisma)
  await prisma.$disconnect()
  ;(globalThis as unknown as { __prisma?: unknown }).__prisma = undefined
}

/** The seeded SQLite file of this size: reused when SCALE_REUSE=1 and it matches (bench/lib/scale-reuse.ts), else seeded. */
async function seededFile(size: ScaleSize, label: string, print: (line: string) => void): Promise<{ file: string; now: Date; org: ScaleOrganisation }> {
  const file = scaleFile(size)
  const shared = globalThis as unknown as { __prisma?: { $disconnect(): Promise<void> } }
  await shared.__prisma?.$disconnect() // the previous size's client
  shared.__prisma = undefined
  if (process.env.SCALE_REUSE === '1') {
    const reuse = reusableSeed(file, size)
    if (reuse.reused) {
      process.stderr.write(`scale ${label}: reusing ${file}, seeded ${reuse.seededAt.toISOString()} (pages read at that time)\n`)
      process.env.DATABASE_URL = `file:${file}`
      return { file, now: reuse.seededAt, org: reuse.org }
    }
    process.stderr.write(`scale ${label}: not reusing ${file}: ${reuse.why}; seeding\n`)
  }
  const now = new Date()
  forgetSeed(file)
  createScaleDatabase(file)
  process.env.DATABASE_URL = `file:${file}`
  const { prisma } = await import('../app/server/db.server.ts')
  const { importContent } = await import('../app/server/content/import.server.ts')
  const imported = await importContent(prisma, 'content')
  if (!imported.ok) throw new Error('content did not import')
  await prisma.$disconnect() // the seed writes alone, through its own connection (it turns the journal off)
  shared.__prisma = undefined
  const seeded = performance.now()
  const cpu = process.cpuUsage()
  const org = fillOrganisation(file, size, now)
  await fillLearnerProgress()
  const used = process.cpuUsage(cpu)
  print(benchLine(`scale-${label}-seed`, (performance.now() - seeded) / 1000, 's'))
  print(benchLine(`scale-${label}-seed-cpu`, (used.user + used.system) / 1e6, 's'))
  rememberSeed(file, size, now, org)
  return { file, now, org }
}

async function measure(factor: number, print: (line: string) => void, size_label: string) {
  const label = `${engine}-${size_label}`
  const size = scaled(factor)
  process.stderr.write(`scale ${label}: ${JSON.stringify(size)} → ${scaleFile(size)}\n`)
  const { file, now, org } = await seededFile(size, label, print)
  const { prisma } = await import('../app/server/db.server.ts')
  const { forgetCachedCourses } = await import('../app/server/courses.server.ts')
  forgetCachedCourses() // the course cache counts imports: each file has had one
  if (engine === 'postgres') {
    const copied = performance.now()
    const opened = globalThis as unknown as { __prisma?: { $disconnect(): Promise<void> } } // the SQLite client, opened above
    await opened.__prisma?.$disconnect()
    opened.__prisma = undefined
    const url = await scaleDatabaseOnPostgres(`ssa_scale_${size_label}`)
    await copyIntoPostgres(file, url, (table, done, total) => progress(table, done, total))
    process.env.DATABASE_URL = url
    forgetCachedCourses()
    print(benchLine(`scale-${label}-copy-to-postgres`, (performance.now() - copied) / 1000, 's'))
  }
  const { unitOverview, peopleTable } = await import('../app/server/manage.server.ts')
  const { unitProgress } = await import('../app/server/unit-progress.server.ts')
  const { findPerson } = await import('../app/server/people.server.ts')
  const { personRecord } = await import('../app/server/person-record.server.ts')
  const unitOf = async (code: string) => (await prisma.orgUnit.findUniqueOrThrow({ where: { code }, select: { code: true, kind: true, nameZh: true, nameEn: true, path: true } }))
  const [region, branch, hall] = await Promise.all([unitOf(org.regions[0]), unitOf(org.branches[0]), unitOf(org.halls[0])])
  const person = (await findPerson(org.clerks[0]))!
  const pages: Record<string, () => Promise<unknown>> = {
    region: () => unitOverview(region, now),
    branch: () => unitOverview(branch, now),
    hall: async () => {
      const progress = await unitProgress(hall.path, now)
      return [await unitOverview(hall, now, progress), peopleTable(progress, new URLSearchParams())]
    },
    person: () => personRecord(person, now),
  }
  const figures: Record<string, number> = {}
  for (const [page, run] of Object.entries(pages)) {
    const { p50, p95 } = await timings(run)
    figures[page] = p95
    print(benchLine(`scale-${label}-${page}-p50`, p50, 'ms'))
    print(benchLine(`scale-${label}-${page}-p95`, p95, 'ms', { op: '<=', value: 150 }))
  }
  const { managerExport } = await import('../app/server/manage-exports.server.ts')
  const { csvStream, pagesOf } = await import('../app/server/exports.server.ts')
  const { WHOLE_ORGANISATION } = await import('../app/server/manage.server.ts')
  // the whole export end to end (the rows read a page of halls at a time and streamed as they are read): rows/s,
  // rows per CPU-second and peak RSS above idle, for the first region and for the whole organisation (an admin's)
  const exportOf = async (unit: typeof region) => {
    const built = await managerExport('people', unit, new URLSearchParams(), now, (k) => k, 'zh-CN')
    if (!built.ok) throw new Error('export refused')
    return streamedRows(csvStream(built.table))
  }
  // exports first, as a running server has had them (its statements prepared, its code compiled, the export workers
  // started and compiled), as each page's timings above begin with a call that is not counted: the export bench's
  // warm-up (it also prints the first export's figure); then each line is the median of EXPORT_RUNS
  await warmUpExports(exportOf, region, WHOLE_ORGANISATION, Number(process.env.EXPORT_WORKERS ?? 0))
  for (const [scope, unit] of [['region', region], ['organisation', WHOLE_ORGANISATION]] as const) {
    // EXPORT_RUNS exports, the median by CPU (one run under contention says little); the highest peak RSS of them
    const runs = []
    for (let i = 0; i < EXPORT_RUNS; i++) runs.push(await sampledRss(() => exportOf(unit)))
    const whole = medianByCpu(runs)
    const name = `scale-${label}-export-whole${scope === 'region' ? '' : '-organisation'}`
    print(benchLine(`${name}-rows`, whole.result, 'rows'))
    print(benchLine(`${name}-throughput`, whole.result / whole.seconds, 'rows/s', { op: '>=', value: 100_000 }))
    print(benchLine(`${name}-cpu-throughput`, whole.result / whole.cpuSeconds, 'rows/cpu-s', { op: '>=', value: 100_000 }))
    print(benchLine(`${name}-peak-rss-above-idle`, whole.peakMb, 'MB', { op: '<=', value: 100 }))
  }
  // the streaming alone, rows already read (a component of the lines above): the region's rows sent 100 times over
  // (200 000 rows at 2 000 clerks)
  const built = await managerExport('people', region, new URLSearchParams(), now, (k) => k, 'zh-CN')
  if (!built.ok) throw new Error('export refused')
  const read: Cell[][] = []
  for await (const page of pagesOf(built.table.rows)) read.push(...page)
  function* cycled() {
    for (let i = 0; i < STREAM_REPEATS; i++) yield* read
  }
  const streamed = await sampledRss(() => streamedRows(csvStream({ ...built.table, csvPages: undefined, rows: cycled() })))
  print(benchLine(`scale-${label}-export-stream-throughput`, streamed.result / streamed.seconds, 'rows/s', { op: '>=', value: 100_000 }))
  print(benchLine(`scale-${label}-export-stream-cpu-throughput`, streamed.result / streamed.cpuSeconds, 'rows/cpu-s', { op: '>=', value: 100_000 }))
  print(benchLine(`scale-${label}-export-stream-peak-rss-above-idle`, streamed.peakMb, 'MB', { op: '<=', value: 100 }))
  await prisma.$disconnect()
  return figures
}

const bench: Bench = async (print) => {
  const factor = Number(process.env.SCALE ?? '0.05')
  print(`bench scale: factor ${factor} of the issue's size`)
  print(`bench scale: engine ${engine}`)
  if (engine === 'sqlite') useBundledExportWorker(print)
  const full = await measure(factor, print, 'full')
  const tenth = await measure(factor / 10, print, 'tenth')
  if (engine === 'postgres') {
    // the query layer's own pool: left open, its idle connections would fail loudly when the cluster stops
    const { queries } = await import('../app/server/kysely.server.ts')
    await queries().destroy()
  }
  stopScaleCluster()
  for (const page of Object.keys(full)) {
    print(benchLine(`scale-${engine}-${page}-p95-vs-tenth`, full[page] / Math.max(tenth[page], 0.001), 'x', { op: '<=', value: 2 }))
  }
}

export default bench
