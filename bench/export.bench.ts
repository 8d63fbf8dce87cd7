// `SCALE=1 npm run bench -- export`: only the whole people export of `npm run bench -- scale` (the first region and
// the whole organisation, end to end: rows read a page of halls at a time and streamed), on the scale seed's file,
// which must exist already (run the scale bench once; its file is found by size in the temp folder and reused as
// SCALE_REUSE=1 would); as configured (EXPORT_WORKERS, 0 by default), then the other way (lines named …-2-workers,
// their bundle built from the current source; or …-in-thread when EXPORT_WORKERS is set). Also csv-stringify alone on 200 000 rows already built. Figures: rows/s, rows per CPU-second
// (the figure contention moves least), peak RSS above idle; each the median of EXPORT_RUNS by CPU.
import type { Cell } from '../app/server/exports.server.ts'
import { benchLine, type Bench } from './report.ts'
import { medianByCpu, sampledRss, streamedRows, warmUpExports } from './lib/export-measure.ts'
import { scaled } from './lib/scale-org.ts'
import { reusableSeed, scaleFile } from './lib/scale-reuse.ts'
import { useBundledExportWorker } from './lib/export-worker-bundle.ts'

const EXPORT_RUNS = Number(process.env.EXPORT_RUNS ?? '3')
const STREAM_ROWS = 200_000

const bench: Bench = async (print) => {
  const size = scaled(Number(process.env.SCALE ?? '0.05'))
  const file = scaleFile(size)
  const reuse = reusableSeed(file, size)
  if (!reuse.reused) throw new Error(`${file}: ${reuse.why} (run SCALE=${process.env.SCALE ?? '0.05'} npm run bench -- scale first)`)
  process.env.DATABASE_URL = `file:${file}`
  useBundledExportWorker(print)
  const now = reuse.seededAt
  print(`bench export: ${file}`)
  const { prisma } = await import('../app/server/db.server.ts')
  const { managerExport } = await import('../app/server/manage-exports.server.ts')
  const { csvStream, pagesOf } = await import('../app/server/exports.server.ts')
  const { WHOLE_ORGANISATION } = await import('../app/server/manage.server.ts')
  const region = await prisma.orgUnit.findUniqueOrThrow({ where: { code: reuse.org.regions[0] }, select: { code: true, kind: true, nameZh: true, nameEn: true, path: true } })
  const exportOf = async (unit: typeof region) => {
    const built = await managerExport('people', unit, new URLSearchParams(), now, (k) => k, 'zh-CN')
    if (!built.ok) throw new Error('export refused')
    return streamedRows(csvStream(built.table))
  }
  const { useExportWorkers } = await import('../app/server/export-workers.server.ts')
  // as the app runs it (EXPORT_WORKERS, 0 by default: the request's thread), then the other way (two export workers)
  const configured = Number(process.env.EXPORT_WORKERS ?? 0)
  for (const workers of [configured, configured ? 0 : 2]) {
    await useExportWorkers(workers)
    const suffix = workers === configured ? '' : workers ? `-${workers}-workers` : '-in-thread'
    const cold = process.memoryUsage.rss()
    // the first export of the organisation as a server that has exported nothing yet runs it (its statements
    // unprepared, its code not compiled, the workers not started): a figure, no target
    const first = await sampledRss(() => exportOf(WHOLE_ORGANISATION))
    print(benchLine(`export-organisation${suffix}-first-throughput`, first.result / first.seconds, 'rows/s'))
    // then warmed as a server that has served exports
    await warmUpExports(exportOf, region, WHOLE_ORGANISATION, workers)
    // what the first exports leave in memory for the next (the workers' heaps and connections, prepared statements)
    print(benchLine(`export-warm-up-rss-growth${suffix}`, (process.memoryUsage.rss() - cold) / 1_048_576, 'MB'))
    for (const [scope, unit] of [['region', region], ['organisation', WHOLE_ORGANISATION]] as const) {
      const runs = []
      for (let i = 0; i < EXPORT_RUNS; i++) runs.push(await sampledRss(() => exportOf(unit)))
      const whole = medianByCpu(runs)
      const name = `export-${scope}${suffix}`
      print(benchLine(`${name}-rows`, whole.result, 'rows'))
      print(benchLine(`${name}-throughput`, whole.result / whole.seconds, 'rows/s', { op: '>=', value: 100_000 }))
      print(benchLine(`${name}-cpu-throughput`, whole.result / whole.cpuSeconds, 'rows/cpu-s', { op: '>=', value: 100_000 }))
      print(benchLine(`${name}-peak-rss-above-idle`, whole.peakMb, 'MB', { op: '<=', value: 100 }))
    }
  }
  await useExportWorkers(configured)
  // the CSV writing alone: the region's rows, already built, cycled to 200 000
  const built = await managerExport('people', region, new URLSearchParams(), now, (k) => k, 'zh-CN')
  if (!built.ok) throw new Error('export refused')
  const read: Cell[][] = []
  for await (const page of pagesOf(built.table.rows)) read.push(...page)
  delete built.table.csvPages // the rows below, not the workers' pages
  function* cycled() {
    for (let i = 0; i < STREAM_ROWS; i++) yield read[i % read.length]
  }
  const streamed = medianByCpu([await sampledRss(() => streamedRows(csvStream({ ...built.table, rows: cycled() })))])
  print(benchLine('export-csv-only-cpu-throughput', streamed.result / streamed.cpuSeconds, 'rows/cpu-s', { op: '>=', value: 100_000 }))
  print(benchLine('export-csv-only-peak-rss-above-idle', streamed.peakMb, 'MB', { op: '<=', value: 100 }))
  await prisma.$disconnect()
}

export default bench
