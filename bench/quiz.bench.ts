// Quiz answer-saves and submits against the built app: the server's CPU per save and per submit (the robust figure
// on a shared machine), p50/p95 at a fixed arrival rate, writes recorded, then the highest rate holding p95 ≤ 50 ms.
import {
  answerStepCount,
  latestAnswers,
  startSeededAppWithDb,
  submittedCount,
  watchCpu,
  type CpuShare,
  type SeededApp,
} from './lib/quiz-app.ts'
import { openLoad, statsOf, statusCounts, type LoadRun, type LoadStats, type Shot } from './lib/quiz-load.ts'
import { addBenchLearners, benchLearners, fullSubmit, pooled, PracticePool, prepareQuiz, type SaveTarget } from './lib/quiz-prepare.ts'
import { readFileSync } from 'node:fs'
import { parseLabelledReplies } from '../app/core/phrases.ts'
import { loadForbiddenPhrases } from '../app/server/phrases.server.ts'
import { detectorThroughput } from './lib/phrases-throughput.ts'
import { benchLine, type Bench } from './report.ts'

const CONNECTIONS = 50
const RATE = 200 // requests/s: 90% answer-saves, 10% submits
// long enough that the CPU phases measure the compiled code: after 3 s (600 requests) V8's compiler threads still
// used ~0.2-0.35 ms per request of the first 4 s measured, a one-time cost (decision 0034)
const WARMUP_SECONDS = 6
const SECONDS = 8
const TARGET_P95_MS = 50
const STEP_SECONDS = 5
const STEPS = [200, 300, 400, 500, 600, 800, 1000]
const STEP_P95_MS = 50
// The CPU per request of one kind at a time, at two arrival rates (decision 0049). At TARGET_RATE, the rate the
// target is for ("highest rate holding p95 ≤ 50 ms ≥ 400/s"), the figures the target is read on: what a request costs
// a server carrying that load. At IDLE_RATE (a request every 6.7 ms) the server waits between requests and each one
// starts on CPU caches the waiting emptied: up to ~1.7× the CPU, no target (the figures of decisions 0034–0048).
const TARGET_RATE = 400
const IDLE_RATE = 150
const CPU_SECONDS = 4
const TARGET_CPU_MS = 1.5
// Warm-up before each CPU phase, so that it measures a running server's compiled code, not V8 still compiling it
// (decision 0042): the saves and the blank submits each get a phase of their own first (after the mixed warm-up),
// and the real submit the attempts of bench-only learners (3 real quizzes each) besides the first half of the demo
// learners' attempts.
const SAVE_WARMUP = 1200
const BLANK_WARMUP = 1200
const WARM_LEARNERS = benchLearners(140)

const ms = (v: number) => Math.round(v * 10) / 10
const round2 = (v: number) => Math.round(v * 100) / 100
const log = (line: string) => console.error(`quiz bench: ${line}`)

interface Phase {
  run: LoadRun
  stats: LoadStats
  cpu: CpuShare
}

function describe({ run, stats, cpu }: Phase): string {
  const saves = statsOf(run, 'save')
  const submits = statsOf(run, 'submit')
  const perRequest = (cpu.serverSeconds * 1000) / run.outcomes.length
  return (
    `${run.rate}/s → ${Math.round(stats.achieved)}/s ok; p50 ${ms(stats.p50)} p95 ${ms(stats.p95)} p99 ${ms(stats.p99)} max ${ms(stats.max)} ms; ` +
    `saves p50 ${ms(saves.p50)} p95 ${ms(saves.p95)}, submits p50 ${ms(submits.p50)} p95 ${ms(submits.p95)} ms; ${stats.errors} errors; ` +
    `max outstanding ${run.maxOutstanding}; CPU (% of a core): server ${cpu.server} (${perRequest.toFixed(2)} ms/request), ` +
    `bench ${cpu.bench}, others ${cpu.other}; ${JSON.stringify(statusCounts(run))}`
  )
}

/** Enough fresh practice attempts for every submit of a phase (one in ten requests), plus a margin. */
async function fillFor(pool: PracticePool, rate: number, seconds: number): Promise<void> {
  const wanted = Math.ceil((rate * seconds) / 10) + 20
  const ready = await pool.fill(wanted)
  if (ready < wanted) log(`only ${ready} fresh practice attempts for ${wanted} submits (learner × practice quiz slots: ${pool.size})`)
}

interface CpuPhase {
  /** ms of server CPU per request */
  ms: number
  /** of which threads other than the main one (V8 compiling, GC helpers) */
  backgroundMs: number
  errors: number
  /** ms per request by thread label (main, v8-1…, late-…): the split of `ms` */
  threads: Map<string, number>
  /** With QUIZ_BENCH_TRACE_OPT: what V8 optimised during the phase */
  compiled?: { count: number; ms: number; functions: string[] }
}

/** Server CPU per request, from the process's CPU time (/proc) over a phase of one kind of request only. */
async function cpuPerRequest(app: SeededApp, next: () => Shot, count: number, rate = IDLE_RATE): Promise<CpuPhase> {
  const optimised = app.optimisedSoFar?.()
  const threads0 = app.threadCpuSeconds()
  const cpu = watchCpu(app)
  const run = await openLoad(app.baseURL, rate, count / rate, CONNECTIONS, next)
  const used = cpu()
  const per = (seconds: number) => (seconds * 1000) / run.outcomes.length
  const threads = new Map([...app.threadCpuSeconds()].map(([label, s]) => [label, per(s - (threads0.get(label) ?? 0))]))
  const after = optimised && app.optimisedSoFar?.()
  const compiled = optimised && after ? { count: after.count - optimised.count, ms: after.ms - optimised.ms, functions: after.functions.slice(optimised.count) } : undefined
  return { ms: per(used.serverSeconds), backgroundMs: per(used.backgroundSeconds), threads, errors: statsOf(run).errors, compiled }
}

const cpuLog = (what: string, phase: CpuPhase, count: number) =>
  log(
    `${what}: ${phase.ms.toFixed(2)} ms of server CPU per request over ${count}, ${phase.backgroundMs.toFixed(2)} of it background threads` +
      ` (${threadSplit(phase.threads)})` +
      `${phase.compiled ? `, ${phase.compiled.count} TurboFan compilations (${phase.compiled.ms.toFixed(1)} ms: ${phase.compiled.functions.join(' ')})` : ''}; load ${loadAverage()}`,
  )

/** "main 0.81 v8 0.12 [0.05 0.03 0.02 0.02] late 0.01": ms per request, threads under 0.005 ms left out of the list */
function threadSplit(threads: Map<string, number>): string {
  const sum = (prefix: string) => [...threads].filter(([l]) => l.startsWith(prefix)).reduce((a, [, v]) => a + v, 0)
  const list = (prefix: string) => [...threads].filter(([l, v]) => l.startsWith(prefix) && v >= 0.005).map(([, v]) => v.toFixed(2)).join(' ')
  return `main ${(threads.get('main') ?? 0).toFixed(2)}, v8 workers ${sum('v8-').toFixed(2)} [${list('v8-')}], late ${sum('late-').toFixed(2)}, other ${(sum('sched') + sum('inspector')).toFixed(2)}`
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')

async function prepare(app: SeededApp) {
  const started = Date.now()
  const prepared = await prepareQuiz(app, WARM_LEARNERS)
  const took = ((Date.now() - started) / 1000).toFixed(1)
  log(
    `${prepared.targets.length / 3} demo learners and ${WARM_LEARNERS.length} bench-only learners signed in, ` +
      `${prepared.targets.length + prepared.warmTargets.length} real-quiz attempts open, ${prepared.pool.size} practice slots (${took} s)`,
  )
  return prepared
}

/**
 * The submit of a real quiz (18–33 items, every one answered, written answers read by the 服务禁语 detector), not
 * the blank practice dialogue of quiz-submit-cpu: each open real-quiz attempt submitted once, as its page's form
 * sends it. It closes those attempts, so it runs last. The attempt rules (3 attempts, 10 minutes apart) allow no
 * fresh ones, so the bench-only learners' attempts warm this code path up (its parsing, scoring, detector and the
 * close's statements run nowhere in the phases before), then the first half of the demo learners' is measured at the
 * idle rate and the second half at the target's.
 */
async function realSubmitCpu(app: SeededApp, targets: readonly SaveTarget[], warmTargets: readonly SaveTarget[], print: Parameters<Bench>[0]): Promise<void> {
  const warmShots = await pooled(warmTargets, 8, (target) => fullSubmit(app.baseURL, target))
  const shots = await pooled(targets, 8, (target) => fullSubmit(app.baseURL, target))
  // the first is sent alone and must be taken: a refused form would measure the refusal, not the submit
  const first = warmShots.shift() ?? shots.shift()!
  const answer = await fetch(app.baseURL + first.path, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', cookie: first.cookie }, body: first.body })
  const text = await answer.text()
  if (!answer.ok) throw new Error(`a real-quiz submit was refused: HTTP ${answer.status} ${text.slice(0, 300)}`)
  // the demo learners' second half measured at the target's rate; their first half, the last slice of the warm-up,
  // measured at the idle rate (after the bench-only learners' attempts)
  const idle = shots.splice(0, Math.floor(shots.length / 2))
  const warm = [...warmShots]
  const warmCount = warm.length
  // the warm-up logged in slices the size of the measured phases, the first the remainder
  let errors = 0
  for (let slice = 1; warm.length; slice++) {
    const n = warm.length % idle.length || idle.length
    const phase = await cpuPerRequest(app, () => warm.shift()!, n)
    errors += phase.errors
    cpuLog(`real-quiz submit warm-up slice ${slice}`, phase, n)
  }
  const idleCount = idle.length
  const atIdle = await cpuPerRequest(app, () => idle.shift()!, idleCount)
  cpuLog(`real-quiz submit at ${IDLE_RATE}/s`, atIdle, idleCount)
  const count = shots.length
  const measured = await cpuPerRequest(app, () => shots.shift()!, count, TARGET_RATE)
  cpuLog(`real-quiz submit at ${TARGET_RATE}/s`, measured, count)
  const submitted = submittedCount(app.dbFile, targets.map((t) => t.attemptId))
  const note = (n: number, rate: number, after: number) =>
    `ms of server CPU per request (${n} real-quiz submits at ${rate}/s after ${after} as warm-up, every item answered); ${measured.errors + atIdle.errors + errors} errors; ${submitted} of ${targets.length} recorded`
  print(benchLine('quiz-submit-real-cpu', round2(measured.ms), note(count, TARGET_RATE, warmCount + 1 + idleCount), { op: '<=', value: TARGET_CPU_MS }))
  print(benchLine(`quiz-submit-real-cpu-at-${IDLE_RATE}`, round2(atIdle.ms), note(idleCount, IDLE_RATE, warmCount + 1)))
}

const bench: Bench = async (print) => {
  const app = await startSeededAppWithDb((dbFile) => addBenchLearners(dbFile, WARM_LEARNERS))
  try {
    const { pool, mix, targets, warmTargets } = await prepare(app)
    const phase = async (rate: number, seconds: number): Promise<Phase> => {
      await fillFor(pool, rate, seconds)
      mix.reset(latestAnswers(app.dbFile))
      const cpu = watchCpu(app)
      const run = await openLoad(app.baseURL, rate, seconds, CONNECTIONS, mix.next)
      return { run, stats: statsOf(run), cpu: cpu() }
    }

    log(`warm-up ${describe(await phase(RATE, WARMUP_SECONDS))}`)
    mix.reset(latestAnswers(app.dbFile))
    cpuLog('save warm-up', await cpuPerRequest(app, mix.nextSave, SAVE_WARMUP), SAVE_WARMUP)
    // each kind at the target's rate first, then at the idle rate: the target's figure gets no more warm-up than before
    const atRates = async (what: string, next: () => Shot, beforeEach: (rate: number) => Promise<void>) => {
      const figures: Record<number, CpuPhase> = {}
      for (const rate of [TARGET_RATE, IDLE_RATE]) {
        await beforeEach(rate)
        figures[rate] = await cpuPerRequest(app, next, rate * CPU_SECONDS, rate)
        cpuLog(`${what} at ${rate}/s`, figures[rate], rate * CPU_SECONDS)
      }
      return figures
    }
    const saveCpu = await atRates('save', mix.nextSave, async () => {})
    await fillFor(pool, IDLE_RATE * 10, BLANK_WARMUP / IDLE_RATE)
    cpuLog('blank submit warm-up', await cpuPerRequest(app, () => mix.nextSubmit() ?? mix.nextSave(), BLANK_WARMUP), BLANK_WARMUP)
    const submitCpu = await atRates('blank submit', () => mix.nextSubmit() ?? mix.nextSave(), (rate) => fillFor(pool, rate * 10, CPU_SECONDS))
    for (const [name, figures] of [['quiz-save-cpu', saveCpu], ['quiz-submit-cpu', submitCpu]] as const) {
      const note = (rate: number) => `ms of server CPU per request (${rate}/s for ${CPU_SECONDS} s, one kind only); ${figures[rate].errors} errors`
      print(benchLine(name, round2(figures[TARGET_RATE].ms), note(TARGET_RATE), { op: '<=', value: TARGET_CPU_MS }))
      print(benchLine(`${name}-at-${IDLE_RATE}`, round2(figures[IDLE_RATE].ms), note(IDLE_RATE)))
    }
    // a quick look at the CPU figures while working on the hot path
    if (process.env.QUIZ_BENCH_CPU_ONLY) return await realSubmitCpu(app, targets, warmTargets, print)
    const answersBefore = answerStepCount(app.dbFile)
    const main = await phase(RATE, SECONDS)
    const stats = main.stats
    log(`measured ${describe(main)}`)
    const answersRecorded = answerStepCount(app.dbFile) - answersBefore
    const submitsRecorded = submittedCount(app.dbFile, mix.submitted)
    const note = `${RATE} req/s arrival, ${CONNECTIONS} connections, ${SECONDS} s, 90% saves / 10% submits`
    print(benchLine('quiz-save-submit-p50', ms(stats.p50), `ms (${note})`))
    print(benchLine('quiz-save-submit-p95', ms(stats.p95), 'ms', { op: '<=', value: TARGET_P95_MS }))
    print(benchLine('quiz-save-submit-rate', Math.round(stats.achieved), 'req/s'))
    print(benchLine('quiz-save-submit-errors', stats.errors, 'count', { op: '<=', value: 0 }))
    const sent = mix.submitted.length
    print(benchLine('quiz-submits-recorded', sent ? submitsRecorded / sent : 0, `ratio (${submitsRecorded}/${sent})`, { op: '>=', value: 1 }))
    const saves = mix.savesSent
    print(benchLine('quiz-saves-recorded', saves ? answersRecorded / saves : 0, `ratio (${answersRecorded} answer steps/${saves} saves)`, { op: '>=', value: 1 }))

    // a step that fails is run once more: the cores are shared, and another engineer's build can spoil one step
    let best = 0
    const held = ({ stats: s, run }: Phase) => s.p95 <= STEP_P95_MS && s.errors === 0 && s.achieved >= run.rate * 0.95
    steps: for (const rate of STEPS) {
      for (let run = 1; run <= 2; run++) {
        const step = await phase(rate, STEP_SECONDS)
        log(`step${run > 1 ? ' (again)' : ''} ${describe(step)}`)
        if (held(step)) {
          best = rate
          continue steps
        }
      }
      break
    }
    print(benchLine('quiz-max-rate-p95-50ms', best, `req/s (arrival rate held ${STEP_SECONDS} s: p95 <= ${STEP_P95_MS} ms, no errors; 90% saves)`, { op: '>=', value: 400 }))
    if (pool.shortfall) log(`${pool.shortfall} submits replaced by saves: not enough fresh practice attempts`)
    await realSubmitCpu(app, targets, warmTargets, print)
  } finally {
    await app.stop()
  }
}

/** The issue's third figure: the detector that checks free-text answers, replies per second on one core. */
const withDetector: Bench = async (print) => {
  await bench(print)
  const compiled = loadForbiddenPhrases('content/phrases/forbidden.yaml')
  const sample = parseLabelledReplies(readFileSync('tests/fixtures/phrases/labelled.tsv', 'utf8')).map((reply) => reply.text)
  print(benchLine('quiz-detector-throughput', detectorThroughput(compiled, sample), 'replies/s', { op: '>=', value: 10_000 }))
}

export default withDetector
