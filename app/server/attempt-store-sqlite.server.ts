// The attempt store on SQLite: prepared statements on a connection of its own to the app's database file, each
// write one synchronous IMMEDIATE transaction (check, then write). This is the quiz engine's only raw SQL: Prisma's
// per-query machinery cost 4–6 ms of CPU per answer save, these statements cost a few hundredths of that.
// Values are stored exactly as Prisma stores them (DateTime as ISO text with "+00:00", Boolean as 0/1), so Prisma
// reads these rows like its own. The SQL is plain and double-quotes its names, as PostgreSQL would need too.
import path from 'node:path'
import Database from 'better-sqlite3'
import type { LoggedStep } from '~/core/quiz/attempt-steps'
import type { AttemptRow, AttemptStore, RemarkOutcome, RemarkPlan } from './attempt-store.server'

/** Prisma's SQLite DateTime text (its better-sqlite3 adapter's default "iso8601" format). */
const stored = (date: Date) => date.toISOString().replace('Z', '+00:00')
const dateOrNull = (text: unknown) => (typeof text === 'string' ? new Date(text) : null)

interface RawAttempt {
  id: string
  userId: string
  quizId: string
  quizVersionId: string
  seed: string
  status: string
  startedAt: string
  deadline: string | null
  submittedAt: string | null
  closedBy: string | null
  result: string | null
}

// A write waiting for another connection's lock must not block the event loop (that connection may be Prisma's,
// waiting on this loop to commit): the busy timeout is 0 and a busy write is retried after a short pause instead.
const RETRY_FOR_MS = 5000
const isBusy = (error: unknown) => error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_BUSY')

async function retryWhileBusy<T>(write: () => T): Promise<T> {
  const until = Date.now() + RETRY_FOR_MS
  for (let pause = 1; ; pause = Math.min(pause * 2, 20)) {
    try {
      return write()
    } catch (error) {
      if (!isBusy(error) || Date.now() > until) throw error
      await new Promise((resolve) => setTimeout(resolve, pause))
    }
  }
}

export function sqliteAttemptStore(file: string): AttemptStore {
  const db = new Database(path.resolve(file), { fileMustExist: true, timeout: 0 })
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  const sql = {
    attempt: db.prepare<[string], RawAttempt>(
      `SELECT "id", "userId", "quizId", "quizVersionId", "seed", "status", "startedAt", "deadline", "submittedAt", "closedBy", "result" FROM "Attempt" WHERE "id" = ?`,
    ),
    steps: db.prepare<[string], LoggedStep>(`SELECT "itemId", "kind", "payload" FROM "AttemptStep" WHERE "attemptId" = ? ORDER BY "id"`),
    isOpen: db.prepare<[string], { open: number }>(`SELECT 1 AS "open" FROM "Attempt" WHERE "id" = ? AND "status" = 'in_progress'`),
    latestAnswer: db.prepare<[string, string], { payload: string }>(
      `SELECT "payload" FROM "AttemptStep" WHERE "attemptId" = ? AND "itemId" = ? AND "kind" = 'answer' ORDER BY "id" DESC LIMIT 1`,
    ),
    replies: db.prepare<[string, string], { n: number }>(
      `SELECT COUNT(*) AS "n" FROM "AttemptStep" WHERE "attemptId" = ? AND "itemId" = ? AND "kind" = 'reply'`,
    ),
    insertStep: db.prepare<[string, string, string, string, string]>(
      `INSERT INTO "AttemptStep" ("attemptId", "itemId", "kind", "payload", "createdAt") VALUES (?, ?, ?, ?, ?)`,
    ),
    close: db.prepare(
      `UPDATE "Attempt" SET "status" = 'submitted', "openKey" = NULL, "submittedAt" = @at, "closedBy" = @by, "points" = @points,
         "maxPoints" = @maxPoints, "percent" = @percent, "passed" = @passed, "result" = @result
       WHERE "id" = @id AND "status" = 'in_progress'`,
    ),
    remark: db.prepare(
      `UPDATE "Attempt" SET "quizVersionId" = @quizVersionId, "points" = @points, "maxPoints" = @maxPoints, "percent" = @percent,
         "passed" = @passed, "result" = @result
       WHERE "id" = @id AND "status" = 'submitted'`,
    ),
  }

  /** Logs the answers that differ from each item's latest; inside a caller's transaction. */
  const logChangedAnswers = (attemptId: string, answers: Readonly<Record<string, unknown>>, now: Date): number => {
    let logged = 0
    for (const [itemId, value] of Object.entries(answers)) {
      const payload = JSON.stringify(value)
      if (sql.latestAnswer.get(attemptId, itemId)?.payload === payload) continue
      sql.insertStep.run(attemptId, itemId, 'answer', payload, stored(now))
      logged++
    }
    return logged
  }

  const appendAnswers = db.transaction((attemptId: string, answers: Readonly<Record<string, unknown>>, now: Date): number | 'closed' =>
    sql.isOpen.get(attemptId) ? logChangedAnswers(attemptId, answers, now) : 'closed',
  )
  const appendReply = db.transaction((attemptId: string, itemId: string, replyId: string, recordedBefore: number, now: Date) => {
    if (!sql.isOpen.get(attemptId)) return 'closed' as const
    if ((sql.replies.get(attemptId, itemId)?.n ?? 0) !== recordedBefore) return 'stale' as const
    sql.insertStep.run(attemptId, itemId, 'reply', JSON.stringify(replyId), stored(now))
    return 'recorded' as const
  })
  const close = db.transaction((attemptId: string, record: Parameters<AttemptStore['close']>[1], answers: Readonly<Record<string, unknown>>, now: Date) => {
    const { changes } = sql.close.run({ ...record, id: attemptId, at: stored(record.at), passed: record.passed ? 1 : 0 })
    if (changes === 0) return false
    logChangedAnswers(attemptId, answers, now)
    return true
  })

  const rowOf = (row: RawAttempt): AttemptRow => ({ ...row, startedAt: new Date(row.startedAt), deadline: dateOrNull(row.deadline), submittedAt: dateOrNull(row.submittedAt) })
  const remark = db.transaction((attemptId: string, plan: RemarkPlan, now: Date): RemarkOutcome => {
    const row = sql.attempt.get(attemptId)
    if (row?.status !== 'submitted') return { outcome: 'not-submitted' }
    const record = plan(rowOf(row), sql.steps.all(attemptId))
    if (!record) return { outcome: 'unchanged', result: row.result }
    const { step, ...score } = record
    sql.insertStep.run(attemptId, step.itemId, step.kind, step.payload, stored(now))
    sql.remark.run({ ...score, id: attemptId, passed: score.passed ? 1 : 0 })
    return { outcome: 'recorded', result: record.result }
  })

  return {
    async attempt(id): Promise<AttemptRow | null> {
      const row = sql.attempt.get(id)
      return row ? rowOf(row) : null
    },
    steps: async (attemptId) => sql.steps.all(attemptId),
    appendAnswers: (attemptId, answers, now) => retryWhileBusy(() => appendAnswers.immediate(attemptId, answers, now)),
    appendReply: (attemptId, itemId, replyId, recordedBefore, now) =>
      retryWhileBusy(() => appendReply.immediate(attemptId, itemId, replyId, recordedBefore, now)),
    close: (attemptId, record, answers, now) => retryWhileBusy(() => close.immediate(attemptId, record, answers, now)),
    remark: (attemptId, plan, now) => retryWhileBusy(() => remark.immediate(attemptId, plan, now)),
  }
}
