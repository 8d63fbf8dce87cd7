// Where a real quiz's submit spends its CPU, steady state: one server run with --cpu-prof (QUIZ_BENCH_NODE_ARGS adds
// more flags), the quiz bench's warm-ups, then the real submits; the profile's samples are kept only inside the window
// of the real submits measured (the demo learners' attempts after the 420 warm-up ones) and summed by function (self
// time), with the garbage collections (--trace-gc) in that window. Both the profile's clock and process.hrtime are the system's
// monotonic clock, so the window is read on this side.
//   npm run build && npx tsx bench/quiz-profile.ts [rows]
// (REMIX_BUILD/REMIX_PUBLIC serve another build through this folder's server.js, as bench/quiz-ab.ts.) Not a bench of
// its own (no targets); prints a table.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { latestAnswers, startSeededAppWithDb } from './lib/quiz-app.ts'
import { openLoad } from './lib/quiz-load.ts'
import { addBenchLearners, benchLearners, fullSubmit, pooled, prepareQuiz } from './lib/quiz-prepare.ts'

const CONNECTIONS = 50
const CPU_RATE = 150
const WARM_LEARNERS = benchLearners(140)
const ROWS = Number(process.argv[2] ?? 40)
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
const micros = () => Number(process.hrtime.bigint() / 1000n)

const dir = mkdtempSync(path.join(os.tmpdir(), 'ssa-quiz-profile-'))
const common = process.env.QUIZ_BENCH_NODE_ARGS ?? ''
process.env.QUIZ_BENCH_NODE_ARGS = `${common} --cpu-prof --cpu-prof-dir=${dir} --cpu-prof-interval=${process.env.QUIZ_PROFILE_INTERVAL ?? 200} --import=./bench/lib/exit-on-term.mjs`
// and --trace-gc into a file: the collections inside the window, their pauses and the MB allocated between them
const gcLog = path.join(dir, 'gc.txt')
process.env.QUIZ_BENCH_NODE_ARGS += ' --trace-gc'
process.env.BENCH_SERVER_STDOUT = gcLog
const app = await startSeededAppWithDb((dbFile) => addBenchLearners(dbFile, WARM_LEARNERS))
let window: [number, number] = [0, 0]
let gcFrom = 0
let gcTo = 0
let measured = 0
let cpu = 0
try {
  const prep = await prepareQuiz(app, WARM_LEARNERS)
  await prep.pool.fill(140)
  prep.mix.reset(latestAnswers(app.dbFile))
  await openLoad(app.baseURL, 200, 6, CONNECTIONS, prep.mix.next)
  prep.mix.reset(latestAnswers(app.dbFile))
  await openLoad(app.baseURL, CPU_RATE, 1200 / CPU_RATE, CONNECTIONS, prep.mix.nextSave)
  const saves = Number(process.env.QUIZ_PROFILE_SAVES ?? 0) // as QUIZ_AB_SAVES_BEFORE_REAL
  if (saves > 0) await openLoad(app.baseURL, 500, saves / 500, CONNECTIONS, prep.mix.nextSave)
  const warm = await pooled(prep.warmTargets, 8, (target) => fullSubmit(app.baseURL, target))
  await openLoad(app.baseURL, CPU_RATE, warm.length / CPU_RATE, CONNECTIONS, () => warm.shift()!)
  const shots = await pooled(prep.targets, 8, (target) => fullSubmit(app.baseURL, target))
  measured = shots.length
  const c0 = app.cpuSeconds()
  gcFrom = statSync(gcLog).size
  const t0 = micros()
  await openLoad(app.baseURL, CPU_RATE, shots.length / CPU_RATE, CONNECTIONS, () => shots.shift()!)
  window = [t0, micros()]
  cpu = app.cpuSeconds() - c0
  gcTo = statSync(gcLog).size
} finally {
  await app.stop()
}
const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'))
if (!file) throw new Error('no profile written')
interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { nodes: Node[]; startTime: number; samples: number[]; timeDeltas: number[] }
const gcText = readFileSync(gcLog)
rmSync(dir, { recursive: true, force: true })
// "… ms: Scavenge 45.2 (60.1) -> 30.3 (60.3) MB, 1.23 / 0.00 ms …": heap before -> after, the main thread's pause
const gcLine = /ms: (Scavenge|Mark-Compact|Mark-Sweep|Minor Mark-Compact|Minor Mark-Sweep)[^\d]*([\d.]+) \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB, ([\d.]+)/
const parse = (text: string) => text.split('\n').map((line) => gcLine.exec(line)).filter((m) => m !== null).map((m) => ({ kind: m[1], before: Number(m[2]), after: Number(m[3]), pause: Number(m[4]) }))
const before = parse(gcText.subarray(0, gcFrom).toString())
const inWindow = parse(gcText.subarray(gcFrom, gcTo).toString())
let lastAfter = before.at(-1)?.after ?? 0
let allocatedMb = 0
for (const gc of inWindow) {
  allocatedMb += gc.before - lastAfter
  lastAfter = gc.after
}
const kinds = [...new Set(inWindow.map((gc) => gc.kind))].map((kind) => `${inWindow.filter((gc) => gc.kind === kind).length} ${kind}`).join(', ')
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const self = new Map<string, number>()
let t = profile.startTime
let total = 0
let idle = 0
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i]
  if (t < window[0] || t > window[1]) continue
  const next = profile.timeDeltas[i + 1] ?? 0
  const { callFrame } = byId.get(profile.samples[i])!
  const key = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.split('/').slice(-2).join('/')}:${callFrame.lineNumber + 1}`
  if (callFrame.functionName === '(idle)') {
    idle += next
    continue
  }
  self.set(key, (self.get(key) ?? 0) + next)
  total += next
}
console.log(`quiz profile GC in the window: ${kinds || 'none'}; main-thread pauses ${inWindow.reduce((a, gc) => a + gc.pause, 0).toFixed(1)} ms; ~${((allocatedMb * 1024) / measured).toFixed(0)} KB allocated a submit (heap growth between collections)`)
console.log(`quiz profile: ${measured} real submits, ${((cpu * 1000) / measured).toFixed(2)} ms CPU each (all threads), busy samples ${(total / 1000).toFixed(0)} ms, idle ${(idle / 1000).toFixed(0)} ms; load ${load()}`)
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, ROWS))
  console.log(`${((100 * us) / total).toFixed(1).padStart(5)} % ${(us / 1000).toFixed(1).padStart(7)} ms  ${key}`)
