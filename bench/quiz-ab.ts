// Two builds of the app measured AT THE SAME TIME, phase by phase, as the quiz bench measures one: server CPU per
// answer save, per blank-dialogue submit and per real quiz's submit. On the shared machine, runs taken one after the
// other scattered by a third (the same save code read 0.75 and 1.08 ms in consecutive runs, load 10-15), more than
// any change measured; two servers loaded together see the same machine (decision 0037).
//   npx tsx bench/quiz-ab.ts <folder of build A> [swap]
// A is a clean export built beside (`git archive <commit> | tar -x -C /tmp/a`, node_modules linked, `npm run build`
// there), served through this folder's server.js with REMIX_BUILD/REMIX_PUBLIC; B is this folder's build. `swap`
// starts B first. Prints one line; not a bench of its own (no targets). Read a change against an A/A run of the same
// hour (`npx tsx bench/quiz-ab.ts .`: this build in both places). Until a session's once-a-minute touch left Prisma,
// A/A runs read B lower, the real submit by 0.38–0.71 ms in four of four: A signs its learners in first, so more of
// A's real submits paid a ~1 ms touch (decision 0052). Since, B − A for the real submit: +0.06, −0.22, +0.25, −0.01,
// +0.04 ms in five runs (decisions 0052, 0053): a difference of a quarter of a millisecond is still not a change's.
import { readFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { latestAnswers, startSeededAppWithDb, watchCpu, type SeededApp } from './lib/quiz-app.ts'
import { openLoad, statsOf, type Shot } from './lib/quiz-load.ts'
import { addBenchLearners, benchLearners, fullSubmit, pooled, prepareQuiz } from './lib/quiz-prepare.ts'

const CONNECTIONS = 50
const CPU_RATE = 150 // as the quiz bench's CPU phases
const CPU_REQUESTS = 600
const WARM_LEARNERS = benchLearners(140) // as the quiz bench: the real submit's warm-up (decision 0042)

// QUIZ_AB_B_NODE_ARGS: node flags for B's server only (e.g. a V8 heap setting measured against the same build as A)
async function start(buildDir: string | null): Promise<SeededApp> {
  const common = process.env.QUIZ_BENCH_NODE_ARGS
  if (buildDir) {
    process.env.REMIX_BUILD = `${buildDir}/build/index.js`
    process.env.REMIX_PUBLIC = `${buildDir}/public`
  } else if (process.env.QUIZ_AB_B_NODE_ARGS) {
    process.env.QUIZ_BENCH_NODE_ARGS = `${common ?? ''} ${process.env.QUIZ_AB_B_NODE_ARGS}`
  }
  // QUIZ_AB_A_SQL: statements run on A's database once seeded (both are seeded with this folder's migrations), e.g.
  // dropping an index this branch adds, so that A is the old code on the old schema
  const aSql = buildDir ? process.env.QUIZ_AB_A_SQL : undefined
  try {
    return await startSeededAppWithDb((dbFile) => {
      addBenchLearners(dbFile, WARM_LEARNERS)
      if (aSql) withDb(dbFile, (db) => db.exec(aSql))
    })
  } finally {
    delete process.env.REMIX_BUILD
    delete process.env.REMIX_PUBLIC
    if (common === undefined) delete process.env.QUIZ_BENCH_NODE_ARGS
    else process.env.QUIZ_BENCH_NODE_ARGS = common
  }
}

function withDb(file: string, use: (db: Database.Database) => void): void {
  const db = new Database(file, { fileMustExist: true })
  try {
    use(db)
  } finally {
    db.close()
  }
}

const prepare = (app: SeededApp) => prepareQuiz(app, WARM_LEARNERS)

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0]

/** One phase sent to every app at once; each app's server CPU per request (and its failed requests, if any). */
async function together(apps: readonly SeededApp[], nexts: ReadonlyArray<() => Shot>, count: number, rate = CPU_RATE): Promise<string[]> {
  const cpus = apps.map((app) => watchCpu(app))
  const runs = await Promise.all(apps.map((app, i) => openLoad(app.baseURL, rate, count / rate, CONNECTIONS, nexts[i])))
  return runs.map((run, i) => {
    const failed = run.outcomes.filter((o) => o.status === 0 || o.status >= 400).length
    return `${((cpus[i]().serverSeconds * 1000) / run.outcomes.length).toFixed(2)}${failed ? ` (${failed} failed)` : ''}`
  })
}

const [buildA, order] = process.argv.slice(2)
if (!buildA) throw new Error('usage: npx tsx bench/quiz-ab.ts <folder of build A> [swap]')
const swap = order === 'swap'
const first = await start(swap ? null : buildA)
const second = await start(swap ? buildA : null)
const apps = swap ? [second, first] : [first, second] // always [A, B]
try {
  const preps: Array<Awaited<ReturnType<typeof prepare>>> = []
  for (const app of apps) preps.push(await prepare(app))
  for (const [i, prep] of preps.entries()) {
    await prep.pool.fill(140)
    prep.mix.reset(latestAnswers(apps[i].dbFile))
  }
  await together(apps, preps.map((prep) => prep.mix.next), 1200, 200) // the quiz bench's warm-up: 6 s at 200/s
  for (const [i, prep] of preps.entries()) prep.mix.reset(latestAnswers(apps[i].dbFile))
  await together(apps, preps.map((prep) => prep.mix.nextSave), 2 * CPU_REQUESTS) // the quiz bench's save warm-up
  // QUIZ_AB_RATES=400,500,600: instead of the CPU phases, the quiz bench's rate steps (5 s of its 90 % saves / 10 %
  // blank submits) sent to both at once, each side's p95 and achieved rate printed; then stops
  const rates = (process.env.QUIZ_AB_RATES ?? '').split(',').filter(Boolean).map(Number)
  if (rates.length) {
    for (const rate of rates) {
      for (const prep of preps) await prep.pool.fill(rate / 2 + 20)
      for (const [i, prep] of preps.entries()) prep.mix.reset(latestAnswers(apps[i].dbFile))
      const cpus = apps.map((app) => watchCpu(app))
      const runs = await Promise.all(apps.map((app, i) => openLoad(app.baseURL, rate, 5, CONNECTIONS, preps[i].mix.next)))
      const side = (i: number) => {
        const s = statsOf(runs[i])
        return `p95 ${s.p95.toFixed(1)} ms, ${Math.round(s.achieved)}/s, ${s.errors} errors, ${((cpus[i]().serverSeconds * 1000) / runs[i].outcomes.length).toFixed(2)} ms CPU/request`
      }
      console.log(`quiz A/B rate step ${rate}/s (both at once), load ${load()}: A ${side(0)} | B ${side(1)}`)
    }
    await Promise.all(apps.map((app) => app.stop()))
    process.exit(0)
  }
  const loadBefore = load()
  const save = await together(apps, preps.map((prep) => prep.mix.nextSave), CPU_REQUESTS)
  const blankNext = preps.map((prep) => () => prep.mix.nextSubmit() ?? prep.mix.nextSave())
  for (const prep of preps) await prep.pool.fill(2 * CPU_REQUESTS + 20)
  await together(apps, blankNext, 2 * CPU_REQUESTS) // the quiz bench's blank-submit warm-up
  for (const prep of preps) await prep.pool.fill(CPU_REQUESTS + 20)
  const blank = await together(apps, blankNext, CPU_REQUESTS)
  // QUIZ_AB_SAVES_BEFORE_REAL=n: n more saves (at 500/s) spread over the demo attempts before the real submits, as
  // the whole quiz bench's rate steps do (~100 answer steps per attempt): a submit reads its attempt's steps
  const moreSaves = Number(process.env.QUIZ_AB_SAVES_BEFORE_REAL ?? 0)
  if (moreSaves > 0) await together(apps, preps.map((prep) => prep.mix.nextSave), moreSaves, 500)
  // the real attempts: the bench-only learners' and the demo learners' first half warm the path up, the second half
  // is measured (as the quiz bench)
  const shots = await Promise.all(apps.map((app, i) => pooled(preps[i].targets, 8, (target) => fullSubmit(app.baseURL, target))))
  const warmShots = await Promise.all(apps.map((app, i) => pooled(preps[i].warmTargets, 8, (target) => fullSubmit(app.baseURL, target))))
  const warm = shots.map((all, i) => [...warmShots[i], ...all.splice(0, Math.floor(all.length / 2))])
  const realWarm = await together(apps, warm.map((list) => () => list.shift()!), Math.min(...warm.map((list) => list.length)))
  const real = await together(apps, shots.map((list) => () => list.shift()!), Math.min(...shots.map((list) => list.length)))
  console.log(
    `quiz A/B${swap ? ' (B started first)' : ''}, ms of server CPU per request, load ${loadBefore} → ${load()}: ` +
      `save A ${save[0]} B ${save[1]} | blank submit A ${blank[0]} B ${blank[1]} | ` +
      `real warm-up A ${realWarm[0]} B ${realWarm[1]} | real submit A ${real[0]} B ${real[1]}`,
  )
} finally {
  await Promise.all(apps.map((app) => app.stop()))
}
