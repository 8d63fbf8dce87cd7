// A synthetic organisation in its own SQLite file for `npm run bench -- scale`: regions → branches → halls, clerks,
// module reads and submitted attempts, written by better-sqlite3 prepared inserts in one transaction (Prisma's
// per-row cost would make 2 000 000 attempts take hours). Content comes from the real importer.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import Database from 'better-sqlite3'
import { hashString, mulberry32 } from '../../app/core/quiz/shuffle.ts'
import { writeReadRollups } from './scale-read-rollup.ts'

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

export function fillOrganisation(file: string, size: ScaleSize, now: Date): { regions: string[]; branches: string[]; halls: string[]; clerks: string[] } {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  const random = mulberry32(hashString(`scale/${size.clerks}`))
  const modules = db.prepare('SELECT m."id", m."slug", m."courseId" FROM "ModuleVersion" m JOIN "CourseModule" cm ON cm."moduleVersionId" = m."id" JOIN "Course" c ON c."currentVersionId" = cm."courseVersionId"').all() as Array<{ id: string; slug: string; courseId: string }>
  const quizzes = db.prepare('SELECT q."id", q."currentVersionId" AS versionId FROM "Quiz" q WHERE q."currentVersionId" IS NOT NULL').all() as Array<{ id: string; versionId: string }>
  const unit = db.prepare('INSERT INTO "OrgUnit" ("id", "kind", "code", "nameZh", "nameEn", "path", "parentId") VALUES (?, ?, ?, ?, ?, ?, ?)')
  const user = db.prepare('INSERT INTO "User" ("id", "username", "name", "passwordHash", "hallId", "hireDate", "active", "createdAt") VALUES (?, ?, ?, \'x\', ?, ?, 1, ?)')
  const grant = db.prepare('INSERT INTO "RoleGrant" ("id", "userId", "role", "unitId") VALUES (?, ?, ?, ?)')
  const read = db.prepare('INSERT INTO "ModuleRead" ("id", "userId", "moduleVersionId", "courseId", "slug", "readAt") VALUES (?, ?, ?, ?, ?, ?)')
  const attempt = db.prepare(
    'INSERT INTO "Attempt" ("id", "userId", "quizId", "quizVersionId", "seed", "status", "startedAt", "submittedAt", "closedBy", "points", "maxPoints", "percent", "passed", "result") VALUES (?, ?, ?, ?, ?, \'submitted\', ?, ?, \'clerk\', ?, 10, ?, ?, ?)',
  )
  // the managers' per learner and quiz roll-up (QuizRollup), folded here as the attempts are written (the rebuild
  // would read 2 000 000 attempts back); tests/integration/manage-figures.test.ts checks it equals the rebuild
  const rollup = db.prepare('INSERT INTO "QuizRollup" ("userId", "quizId", "submitted", "passed", "firstPassedAt", "lastSubmittedAt") VALUES (?, ?, ?, ?, ?, ?)')
  const rolled = new Map<string, { userId: string; quizId: string; submitted: number; firstPassedAt: number | null; lastSubmittedAt: number }>()
  const assignment = db.prepare('INSERT INTO "Assignment" ("id", "courseId", "unitId", "dueDay", "createdById", "createdAt", "requestKey") VALUES (?, ?, ?, ?, ?, ?, ?)')
  const day = 86_400_000
  const iso = (t: number) => new Date(t).toISOString().replace('Z', '+00:00')
  const out = { regions: [] as string[], branches: [] as string[], halls: [] as string[], clerks: [] as string[] }
  db.transaction(() => {
    const branchCount = Math.max(1, Math.round(size.halls / 10))
    const regionCount = Math.max(1, Math.round(branchCount / 5))
    user.run('u-admin', 'scale-admin', 'admin', null, null, iso(now.getTime()))
    for (let r = 0; r < regionCount; r++) {
      const code = `SR${r}`
      unit.run(code, 'region', code, `地市${r}`, `Region ${r}`, `/${code}/`, null)
      out.regions.push(code)
    }
    for (let b = 0; b < branchCount; b++) {
      const code = `SB${b}`
      const region = out.regions[b % regionCount]
      unit.run(code, 'branch', code, `区县${b}`, `Branch ${b}`, `/${region}/${code}/`, region)
      out.branches.push(code)
      assignment.run(`as-${code}`, modules[0].courseId, code, new Date(now.getTime() - 10 * day).toISOString().slice(0, 10), 'u-admin', iso(now.getTime() - 40 * day), `scale-${code}`)
    }
    for (let h = 0; h < size.halls; h++) {
      const code = `SH${h}`
      const branch = out.branches[h % branchCount]
      const region = out.regions[(h % branchCount) % regionCount]
      unit.run(code, 'hall', code, `营业厅${h}`, `Hall ${h}`, `/${region}/${branch}/${code}/`, branch)
      out.halls.push(code)
    }
    for (let c = 0; c < size.clerks; c++) {
      const id = `u${c}`
      user.run(id, `s${c}`, `员工${c}`, out.halls[c % size.halls], iso(now.getTime() - (30 + (c % 900)) * day), iso(now.getTime()))
      grant.run(`g${c}`, id, 'clerk', null)
      out.clerks.push(`s${c}`)
      progress('clerks', c + 1, size.clerks)
    }
    const perClerk = Math.max(1, Math.round(size.reads / size.clerks))
    let reads = 0
    for (let c = 0; c < size.clerks && reads < size.reads; c++) {
      for (let m = 0; m < Math.min(perClerk, modules.length) && reads < size.reads; m++) {
        const module = modules[(c + m) % modules.length]
        read.run(`r${reads}`, `u${c}`, module.id, module.courseId, module.slug, iso(now.getTime() - random() * 180 * day))
        progress('reads', ++reads, size.reads)
      }
    }
    for (let a = 0; a < size.attempts; a++) {
      const quiz = quizzes[a % quizzes.length]
      const percent = Math.round(40 + random() * 60)
      const started = now.getTime() - random() * 180 * day
      // a short stored result: the figures the manager pages read (items and their points), not the full review
      const result = `{"items":[{"itemId":"i1","points":${percent > 60 ? 1 : 0},"maxPoints":1},{"itemId":"i2","points":${percent > 80 ? 1 : 0},"maxPoints":1}],"reviews":[]}`
      const userId = `u${a % size.clerks}`
      const submittedAt = started + 600_000
      attempt.run(`a${a}`, userId, quiz.id, quiz.versionId, `s${a}`, iso(started), iso(submittedAt), percent / 10, percent, percent >= 80 ? 1 : 0, result)
      const key = `${userId} ${quiz.id}`
      const figures = rolled.get(key) ?? { userId, quizId: quiz.id, submitted: 0, firstPassedAt: null, lastSubmittedAt: submittedAt }
      figures.submitted++
      figures.lastSubmittedAt = Math.max(figures.lastSubmittedAt, submittedAt)
      if (percent >= 80) figures.firstPassedAt = Math.min(figures.firstPassedAt ?? submittedAt, submittedAt)
      rolled.set(key, figures)
      progress('attempts', a + 1, size.attempts)
    }
    for (const r of rolled.values()) rollup.run(r.userId, r.quizId, r.submitted, r.firstPassedAt === null ? 0 : 1, r.firstPassedAt === null ? null : iso(r.firstPassedAt), iso(r.lastSubmittedAt))
  })()
  writeReadRollups(db) // the managers' roll-up of these reads (CourseReadRollup), as mark-read keeps it
  db.pragma('optimize')
  db.close()
  return out
}
