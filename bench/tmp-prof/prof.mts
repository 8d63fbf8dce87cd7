import { scaled } from '/work/wt-export4/bench/lib/scale-org.ts'
import { reusableSeed, scaleFile } from '/work/wt-export4/bench/lib/scale-reuse.ts'
import { streamedRows } from '/work/wt-export4/bench/lib/export-measure.ts'
const size = scaled(1)
const file = scaleFile(size)
const reuse = reusableSeed(file, size)
if (!reuse.reused) throw new Error('no seed')
process.env.DATABASE_URL = `file:${file}`
process.env.EXPORT_WORKERS = '0'
const { managerExport } = await import('/work/wt-export4/app/server/manage-exports.server.ts')
const { csvStream } = await import('/work/wt-export4/app/server/exports.server.ts')
const { WHOLE_ORGANISATION } = await import('/work/wt-export4/app/server/manage.server.ts')
for (let i = 0; i < 6; i++) {
  const t0 = process.cpuUsage()
  const built = await managerExport('people', WHOLE_ORGANISATION, new URLSearchParams(), reuse.seededAt, (k) => k, 'zh-CN')
  if (!built.ok) throw new Error('x')
  const n = await streamedRows(csvStream(built.table))
  const u = process.cpuUsage(t0)
  console.log(n, Math.round(n / ((u.user + u.system) / 1e6)), 'rows/cpu-s', (u.user/n).toFixed(1), 'us user', (u.system/n).toFixed(1), 'us sys')
}
process.exit(0)
