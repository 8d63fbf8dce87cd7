// A synthetic organisation in its own SQLite file for `npm run bench -- scale`: regions → branches → halls, clerks,
// module reads and submitted attempts, written by better-sqlite3 (Prisma's per-row cost would make 2 000 000
// attempts take hours). Content comes from the real importer. Decision 0029 measured what makes it fast: the
// bulk tables' indexes are dropped for the load and rebuilt from their stored CREATE statements afterwards (one
// sort per index instead of 2 000 000 random B-tree inserts each), rows go in multi-row INSERTs of one
// transaction per chunk, and the throwaway file runs without a rollback journal.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import Database from 'better-sqlite3'
import { hashString, mulberry32 } from '../../app/core/quiz/shuffle.ts'
import { bulkInserter, withoutIndexes } from './scale-bulk.ts'
import { writeReadRollups } from './scale-read-rollup.ts'
import { writeQualityRollups } from './scale-quality-rollup.ts'

export interface ScaleSize {
  halls: number
  clerks: number
  attempts: number
  reads: number
}

export const FULL: ScaleSize = { halls: 500, clerks: 20_000, attempts: 2_000_000, reads: 200_000 }
export const scaled = (factor: number): ScaleSize => ({
  halls: Math.max(5, Math.round(FULL.halls * factor)),
  clerks: Math.max(50, Math.round(FULL.clerks * factor)),
  attempts: Math.round(FULL.attempts * factor),
  reads: Math.round(FULL.reads * factor),
})

export function progress(label: string, done: number, total: number) {
  if (!process.stderr.isTTY) return // a bar only where someone watches it (not in test logs)
  if (done % Math.max(1, Math.floor(total / 50)) !== 0 && done !== total) return
  const width = 30
  const filled = Math.round((done / total) * width)
  process.stderr.write(`\r${label.padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round((done / total) * 100)}%${done === total ? '\n' : ''}`)
}

/** Migrates a new file; the caller imports content into it (through the app's importer) before `fillOrganisation`. */
export function createScaleDatabase(file: string): void {
  rmSync(file, { force: true })
  rmSync(`${file}-wal`, { force: true })
  rmSync(`${file}-shm`, { force: true })
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], { env: { ...process.env, DATABASE_URL: `file:${file}` }, stdio: ['ignore', 'ignore', 'inherit'] })
}

/** The tables the organisation fills in bulk: their indexes are rebuilt after the load. */
const BULK_TABLES = ['OrgUnit', 'User', 'RoleGrant', 'ModuleRead', 'Attempt', 'QuizRollup', 'Assignment']
/** Rows per transaction (and per progress step): bounds the page cache's dirty set without a commit per row. */
const CHUNK = 20_000

export interface ScaleOrganisation {
  regions: string[]
  branches: string[]
  halls: string[]
  clerks: string[]
}

export function fillOrganisation(file: string, size: ScaleSize, now: Date): ScaleOrganisation {
  const db = new Database(file)
  // a throwaway file filled by one writer: no rollback journal and no fsync (a crash means reseeding, nothing else);
  // the mode it had is put back after the load (WAL for a file the app has opened)
  const journal = db.pragma('journal_mode', { simple: true }) as string
  db.pragma('journal_mode = OFF')
  db.pragma('synchronous = OFF')
  db.pragma('cache_size = -262144') // 256 MB: the index rebuilds sort in memory
  db.pragma('temp_store = MEMORY')
  const out: ScaleOrganisation = { regions: [], branches: [], halls: [], clerks: [] }
  withoutIndexes(db, BULK_TABLES, (label, done, total) => progress(label, done, total), () => {
    fillRows(db, size, now, out)
  })
  // ── after the bulk load ─────────────────────────────────────────────────────────────────────────────────
  // Roll-ups derived from the rows above go here, one call each (e.g. the learner × course module-read roll-up of
  // bench/lib/scale-read-rollup.ts, called with `db`): the indexes are back, the journal is still off, so a
  // roll-up reads the loaded rows by index and writes in its own db.transaction(…).
  writeReadRollups(db) // the managers' roll-up of these reads (CourseReadRollup), as mark-read keeps it
  writeQualityRollups(db, now, out.halls) // the managers' quality sample: the closed days of its window, folded (decision 0033)

  db.pragma(`journal_mode = ${journal}`)
  db.pragma('optimize')
  db.close()
  return out
}

const DAY = 86_400_000
const iso = (t: number) => new Date(t).toISOString().replace('Z', '+00:00')

function fillRows(db: Database.Database, size: ScaleSize, now: Date, out: ScaleOrganisation): void {
  const random = mulberry32(hashString(`scale/${size.clerks}`))
  const modules = db.prepare('SELECT m."id", m."slug", m."courseId" FROM "ModuleVersion" m JOIN "CourseModule" cm ON cm."moduleVersionId" = m."id" JOIN "Course" c ON c."currentVersionId" = cm."courseVersionId"').all() as Array<{ id: string; slug: string; courseId: string }>
  const quizzes = db.prepare('SELECT q."id", q."currentVersionId" AS versionId FROM "Quiz" q WHERE q."currentVersionId" IS NOT NULL').all() as Array<{ id: string; versionId: string }>
  const unit = bulkInserter(db, 'OrgUnit', ['id', 'kind', 'code', 'nameZh', 'nameEn', 'path', 'parentId'])
  const user = bulkInserter(db, 'User', ['id', 'username', 'name', 'passwordHash', 'hallId', 'hireDate', 'active', 'createdAt'])
  const grant = bulkInserter(db, 'RoleGrant', ['id', 'userId', 'role', 'unitId'])
  const read = bulkInserter(db, 'ModuleRead', ['id', 'userId', 'moduleVersionId', 'courseId', 'slug', 'readAt'])
  const attempt = bulkInserter(db, 'Attempt', ['id', 'userId', 'quizId', 'quizVersionId', 'seed', 'status', 'startedAt', 'submittedAt', 'closedBy', 'points', 'maxPoints', 'percent', 'passed', 'result'])
  // the managers' per learner and quiz roll-up (QuizRollup), folded here as the attempts are written (the rebuild
  // would read 2 000 000 attempts back); tests/integration/manage-figures.test.ts checks it equals the rebuild
  const rollup = bulkInserter(db, 'QuizRollup', ['userId', 'quizId', 'submitted', 'passed', 'firstPassedAt', 'lastSubmittedAt'])
  const assignment = bulkInserter(db, 'Assignment', ['id', 'courseId', 'unitId', 'dueDay', 'createdById', 'createdAt', 'requestKey'])
  const chunked = (label: string, total: number, row: (i: number) => void) => {
    for (let start = 0; start < total; start += CHUNK) {
      const end = Math.min(total, start + CHUNK)
      db.transaction(() => {
        for (let i = start; i < end; i++) row(i)
      })()
      progress(label, end, total)
    }
  }
  const created = iso(now.getTime())
  db.transaction(() => {
    const branchCount = Math.max(1, Math.round(size.halls / 10))
    const regionCount = Math.max(1, Math.round(branchCount / 5))
    user.add('u-admin', 'scale-admin', 'admin', 'x', null, null, 1, created)
    for (let r = 0; r < regionCount; r++) {
      const code = `SR${r}`
      unit.add(code, 'region', code, `地市${r}`, `Region ${r}`, `/${code}/`, null)
      out.regions.push(code)
    }
    for (let b = 0; b < branchCount; b++) {
      const code = `SB${b}`
      const region = out.regions[b % regionCount]
      unit.add(code, 'branch', code, `区县${b}`, `Branch ${b}`, `/${region}/${code}/`, region)
      out.branches.push(code)
      assignment.add(`as-${code}`, modules[0].courseId, code, new Date(now.getTime() - 10 * DAY).toISOString().slice(0, 10), 'u-admin', iso(now.getTime() - 40 * DAY), `scale-${code}`)
    }
    for (let h = 0; h < size.halls; h++) {
      const code = `SH${h}`
      const branch = out.branches[h % branchCount]
      const region = out.regions[(h % branchCount) % regionCount]
      unit.add(code, 'hall', code, `营业厅${h}`, `Hall ${h}`, `/${region}/${branch}/${code}/`, branch)
      out.halls.push(code)
    }
    unit.flush()
    user.flush() // the admin, who made the assignments
    assignment.flush()
  })()
  chunked('clerks', size.clerks, (c) => {
    const id = `u${c}`
    user.add(id, `s${c}`, `员工${c}`, 'x', out.halls[c % size.halls], iso(now.getTime() - (30 + (c % 900)) * DAY), 1, created)
    grant.add(`g${c}`, id, 'clerk', null)
    out.clerks.push(`s${c}`)
    if (c === size.clerks - 1) (user.flush(), grant.flush())
  })
  const perClerk = Math.min(Math.max(1, Math.round(size.reads / size.clerks)), modules.length)
  const reads = Math.min(size.reads, size.clerks * perClerk)
  chunked('reads', reads, (r) => {
    const c = Math.floor(r / perClerk)
    const module = modules[(c + (r % perClerk)) % modules.length]
    read.add(`r${r}`, `u${c}`, module.id, module.courseId, module.slug, iso(now.getTime() - random() * 180 * DAY))
    if (r === reads - 1) read.flush()
  })
  // the roll-up by (clerk index × quiz index) in typed arrays: no key string or object per attempt
  const pairs = size.clerks * quizzes.length
  const submitted = new Int32Array(pairs)
  const firstPassedAt = new Float64Array(pairs).fill(Infinity)
  const lastSubmittedAt = new Float64Array(pairs)
  // a short stored result: the figures the manager pages read (items and their points), not the full review
  const results = [0, 1, 2].map((n) => `{"items":[{"itemId":"i1","points":${n > 0 ? 1 : 0},"maxPoints":1},{"itemId":"i2","points":${n > 1 ? 1 : 0},"maxPoints":1}],"reviews":[]}`)
  chunked('attempts', size.attempts, (a) => {
    const q = a % quizzes.length
    const quiz = quizzes[q]
    const percent = Math.round(40 + random() * 60)
    const started = now.getTime() - random() * 180 * DAY
    const c = a % size.clerks
    const submittedAt = started + 600_000
    const passed = percent >= 80
    attempt.add(`a${a}`, `u${c}`, quiz.id, quiz.versionId, `s${a}`, 'submitted', iso(started), iso(submittedAt), 'clerk', percent / 10, 10, percent, passed ? 1 : 0, results[percent > 80 ? 2 : percent > 60 ? 1 : 0])
    const pair = c * quizzes.length + q
    submitted[pair]++
    if (submittedAt > lastSubmittedAt[pair]) lastSubmittedAt[pair] = submittedAt
    if (passed && submittedAt < firstPassedAt[pair]) firstPassedAt[pair] = submittedAt
    if (a === size.attempts - 1) attempt.flush()
  })
  chunked('roll-up', size.clerks, (c) => {
    for (let q = 0; q < quizzes.length; q++) {
      const pair = c * quizzes.length + q
      if (submitted[pair] === 0) continue
      const passed = firstPassedAt[pair] !== Infinity
      rollup.add(`u${c}`, quizzes[q].id, submitted[pair], passed ? 1 : 0, passed ? iso(firstPassedAt[pair]) : null, iso(lastSubmittedAt[pair]))
    }
    if (c === size.clerks - 1) rollup.flush()
  })
}
