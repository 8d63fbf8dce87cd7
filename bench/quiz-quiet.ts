// Why a quiet machine reads HIGHER server CPU per request than a loaded one (decision 0044): one server, its phases
// alternated between "quiet" (nothing added) and "busy" (QUIZ_QUIET_BUSY loops of `nice -n 19 node -e 'for(;;){}'`
// beside it: they take only the cores' idle time, the server and the bench keep their share), in one process, so the
// two conditions see the same server, the same heap and the same other users of the machine. Per phase: ms of server
// CPU per request, split main thread / V8's platform workers / libuv's pool, the main thread's context switches per
// request, and the machine's steal time (a virtual machine: time the hypervisor gave to others).
//   npm run build && npx tsx bench/quiz-quiet.ts
// Not a bench of its own (no targets); prints one line per phase.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { latestAnswers, startSeededAppWithDb, type SeededApp } from './lib/quiz-app.ts'
import { openLoad, type Shot } from './lib/quiz-load.ts'
import { addBenchLearners, benchLearners, fullSubmit, pooled, prepareQuiz } from './lib/quiz-prepare.ts'

const CONNECTIONS = 50
const CPU_RATE = 150 // as the quiz bench's CPU phases
const BUSY = Number(process.env.QUIZ_QUIET_BUSY ?? 2)
const ROUNDS = Number(process.env.QUIZ_QUIET_ROUNDS ?? 3)
const PHASE = 600
const WARM_LEARNERS = benchLearners(140)

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')

/** The machine's /proc/stat first line: busy, idle and steal ticks (10 ms). */
function machine() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
  const [user, nice, system, idle, iowait, irq, softirq, steal] = f
  return { busy: user + nice + system + irq + softirq, idle: idle + iowait, steal }
}

/** The server's main thread's context switches so far (voluntary: it waited for work; involuntary: preempted). */
function switches(pid: number) {
  const status = readFileSync(`/proc/${pid}/task/${pid}/status`, 'utf8')
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0)
  return { voluntary: field('voluntary_ctxt_switches'), involuntary: field('nonvoluntary_ctxt_switches') }
}

function startBusy(): ChildProcess[] {
  return Array.from({ length: BUSY }, () => spawn('nice', ['-n', '19', process.execPath, '-e', 'for(;;){}'], { stdio: 'ignore' }))
}

async function stopBusy(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve()
          child.once('exit', () => resolve())
          child.kill() // by its own pid
        }),
    ),
  )
}

async function measure(app: SeededApp, pid: number, what: string, busy: boolean, next: () => Shot, count: number): Promise<void> {
  const children = busy ? startBusy() : []
  if (busy) await new Promise((r) => setTimeout(r, 300)) // the loops running before the phase starts
  try {
    const t0 = app.threadCpuSeconds()
    const s0 = switches(pid)
    const m0 = machine()
    const run = await openLoad(app.baseURL, CPU_RATE, count / CPU_RATE, CONNECTIONS, next)
    const t1 = app.threadCpuSeconds()
    const s1 = switches(pid)
    const m1 = machine()
    const n = run.outcomes.length
    const per = (prefix: string) => ([...t1].filter(([l]) => l.startsWith(prefix)).reduce((a, [l, v]) => a + v - (t0.get(l) ?? 0), 0) * 1000) / n
    const all = per('')
    const failed = run.outcomes.filter((o) => o.status === 0 || o.status >= 400).length
    const ticks = m1.busy + m1.idle + m1.steal - (m0.busy + m0.idle + m0.steal)
    console.log(
      `${what.padEnd(12)} ${busy ? `busy(${BUSY})` : 'quiet  '}: ${all.toFixed(2)} ms/request = main ${per('main').toFixed(2)} + v8 workers ${per('v8-').toFixed(2)} + late ${per('late-').toFixed(2)}; ` +
        `main's switches/request voluntary ${((s1.voluntary - s0.voluntary) / n).toFixed(2)} involuntary ${((s1.involuntary - s0.involuntary) / n).toFixed(2)}; ` +
        `machine idle ${Math.round(((m1.idle - m0.idle) / ticks) * 100)} % steal ${Math.round(((m1.steal - m0.steal) / ticks) * 100)} %; ` +
        `${failed ? `${failed} failed; ` : ''}load ${load()}`,
    )
  } finally {
    await stopBusy(children)
  }
}

const app = await startSeededAppWithDb((dbFile) => addBenchLearners(dbFile, WARM_LEARNERS))
const pid = app.pid
try {
  const prep = await prepareQuiz(app, WARM_LEARNERS)
  await prep.pool.fill(140)
  prep.mix.reset(latestAnswers(app.dbFile))
  await openLoad(app.baseURL, 200, 6, CONNECTIONS, prep.mix.next) // the quiz bench's warm-up
  prep.mix.reset(latestAnswers(app.dbFile))
  await openLoad(app.baseURL, CPU_RATE, 1200 / CPU_RATE, CONNECTIONS, prep.mix.nextSave) // its save warm-up
  const order = (round: number) => (round % 2 ? [false, true] : [true, false])
  for (let round = 0; round < ROUNDS; round++) for (const busy of order(round)) await measure(app, pid, 'save', busy, prep.mix.nextSave, PHASE)
  const blank = () => prep.mix.nextSubmit() ?? prep.mix.nextSave()
  await prep.pool.fill(1200 + 20)
  await openLoad(app.baseURL, CPU_RATE, 1200 / CPU_RATE, CONNECTIONS, blank) // its blank-submit warm-up
  for (let round = 0; round < ROUNDS; round++)
    for (const busy of order(round)) {
      await prep.pool.fill(PHASE + 20)
      await measure(app, pid, 'blank submit', busy, blank, PHASE)
    }
  // the real submits: the bench-only learners' 420 attempts warm up, then the demo learners' 198 alternate in slices
  const warm = await pooled(prep.warmTargets, 8, (target) => fullSubmit(app.baseURL, target))
  await openLoad(app.baseURL, CPU_RATE, warm.length / CPU_RATE, CONNECTIONS, () => warm.shift()!)
  const shots = await pooled(prep.targets, 8, (target) => fullSubmit(app.baseURL, target))
  const slice = Math.floor(shots.length / (2 * ROUNDS))
  for (let round = 0; round < ROUNDS; round++) for (const busy of order(round)) await measure(app, pid, 'real submit', busy, () => shots.shift()!, slice)
} finally {
  await app.stop()
}
