// The attempt store on SQLite: prepared statements on a connection of its own to the app's database file, each
// write one synchronous IMMEDIATE transaction (check, then write). Prisma's per-query machinery cost 4–6 ms of CPU
// per answer save; these statements cost a few hundredths of that. The statements are written with the typed query
// layer (Kysely over the generated row types) and compiled once; better-sqlite3 runs them synchronously, which
// Kysely's own SQLite driver (one async mutex around every query) cannot.
// Values are stored exactly as Prisma stores them (DateTime as ISO text with "+00:00", Boolean as 0/1), so Prisma
// reads these rows like its own.
import { sql } from 'kysely'
import { changedAnswers, SUBMITTED_ANSWERS, submittedAnswersStep, type LoggedStep } from '~/core/quiz/attempt-steps'
import { hallDay } from '~/core/dates'
import { quizRollupAfterClose, quizRollupOf, type QuizRollupFigures } from '~/core/quiz-rollup'
import type { AttemptRow, AttemptStore, ClosingRecord, RemarkOutcome, RemarkPlan } from './attempt-store.server'
import type { Queries } from './kysely.server'
import { sqliteLearnerProgress } from './learner-progress.server'
import { sqliteQualityForget } from './quality-rollup.server'
import { openWriteConnection, retryWhileBusy, writeStatement as statement } from './sqlite-writes.server'
import { flag, instant, instantOrNull, storedInstant } from './stored.server'

/** The id of each item's latest answer step of an attempt, read from the index on (attemptId, kind, itemId, id) alone,
 * in its order (no grouping b-tree): what the close and `currentSteps` select their rows by (decision 0044). */
const latestAnswerIds = (q: Queries, attemptId: string) =>
  q.selectFrom('AttemptStep').select((eb) => eb.fn.max('id').as('id')).where('attemptId', '=', attemptId).where('kind', '=', 'answer').groupBy('itemId')

// a literal in the SQL text, not a bound parameter: SQLite (3.49) lets a bound LIMIT steer the plan, so a statement
// with `LIMIT ?` is parsed and planned again on every run (sqlite3Reprepare: ~30 µs, 5 % of a save's CPU; decision 0034)
const ONE = sql.lit(1)

export function sqliteAttemptStore(file: string): AttemptStore {
  const db = openWriteConnection(file)
  const forgetQualityDay = sqliteQualityForget(db) // the managers' quality roll-up of a closed day (decision 0033)
  const learnerProgress = sqliteLearnerProgress(db) // the people export's row per learner (decision 0041)
  const id = ''
  const sql = {
    attempt: statement(
      db,
      (q, id: string) =>
        q
          .selectFrom('Attempt')
          .select(['id', 'userId', 'quizId', 'quizVersionId', 'seed', 'status', 'startedAt', 'deadline', 'submittedAt', 'closedBy', 'result'])
          .where('id', '=', id),
      [id],
    ),
    steps: statement(db, (q, attemptId: string) => q.selectFrom('AttemptStep').select(['itemId', 'kind', 'payload']).where('attemptId', '=', attemptId).orderBy('id'), [id]),
    // each item's latest answer, every reply and the submission's answers (a closed attempt's), oldest first
    currentSteps: statement<[string, string], LoggedStep>(
      db,
      (q, attemptId: string) =>
        q
          .selectFrom('AttemptStep')
          .select(['itemId', 'kind', 'payload'])
          .where((eb) =>
            eb.or([
              eb('id', 'in', latestAnswerIds(q, attemptId)),
              eb.and([eb('attemptId', '=', attemptId), eb('kind', 'in', ['reply', SUBMITTED_ANSWERS])]),
            ]),
          )
          .orderBy('id'),
      [id, id],
    ),
    isOpen: statement(db, (q, attemptId: string) => q.selectFrom('Attempt').select('id').where('id', '=', attemptId).where('status', '=', 'in_progress'), [id]),
    // one item's answer logged if the attempt is open and the answer differs from the item's latest: the check and
    // the write in ONE statement (SQLite runs a statement as one transaction), for the page's per-item save
    saveIfChanged: statement(
      db,
      (q, attemptId: string, itemId: string, payload: string, createdAt: string) =>
        q
          .insertInto('AttemptStep')
          .columns(['attemptId', 'itemId', 'kind', 'payload', 'createdAt'])
          .expression(
            q
              .selectFrom('Attempt as a')
              .select((eb) => ['a.id', eb.val(itemId).as('itemId'), eb.val('answer').as('kind'), eb.val(payload).as('payload'), eb.val(createdAt).as('createdAt')])
              .where('a.id', '=', attemptId)
              .where('a.status', '=', 'in_progress')
              .where((eb) =>
                eb(
                  eb
                    .selectFrom('AttemptStep as s')
                    .select('s.payload')
                    .where('s.attemptId', '=', attemptId)
                    .where('s.itemId', '=', itemId)
                    .where('s.kind', '=', 'answer')
                    .orderBy('s.id', 'desc')
                    .limit(ONE),
                  'is not',
                  payload,
                ),
              ),
          ),
      [id, id, id, id],
    ),
    // each item's latest answer (one read for all the items of a close): an attempt's log holds every autosave, ~100
    // rows after a long session, of which a close needs one per item (decision 0044)
    answers: statement(
      db,
      (q, attemptId: string) =>
        q
          .selectFrom('AttemptStep')
          .select(['itemId', 'payload'])
          .where('id', 'in', latestAnswerIds(q, attemptId)),
      [id],
    ),
    replies: statement(
      db,
      (q, attemptId: string, itemId: string) =>
        q.selectFrom('AttemptStep').select((eb) => eb.fn.countAll<number>().as('n')).where('attemptId', '=', attemptId).where('itemId', '=', itemId).where('kind', '=', 'reply'),
      [id, id],
    ),
    insertStep: statement(
      db,
      (q, attemptId: string, itemId: string, kind: string, payload: string, createdAt: string) => q.insertInto('AttemptStep').values({ attemptId, itemId, kind, payload, createdAt }),
      [id, id, id, id, id],
    ),
    close: statement(
      db,
      (q, attemptId: string, at: string, by: string, points: number, maxPoints: number, percent: number, passed: number, result: string) =>
        q
          .updateTable('Attempt')
          .set({ status: 'submitted', openKey: null, submittedAt: at, closedBy: by, points, maxPoints, percent, passed, result })
          .where('id', '=', attemptId)
          .where('status', '=', 'in_progress')
          .returning(['userId', 'quizId']), // whose roll-up to refresh, without reading the row again
      [id, id, id, 0, 0, 0, 0, id],
    ),
    remark: statement(
      db,
      (q, attemptId: string, quizVersionId: string, points: number, maxPoints: number, percent: number, passed: number, result: string) =>
        q
          .updateTable('Attempt')
          .set({ quizVersionId, points, maxPoints, percent, passed, result })
          .where('id', '=', attemptId)
          .where('status', '=', 'submitted'),
      [id, id, 0, 0, 0, 0, id],
    ),
    // the managers' per learner and quiz roll-up (QuizRollup): a close adds its attempt to the row, a re-mark recomputes it
    // from the attempts
    rollup: statement(
      db,
      (q, userId: string, quizId: string) => q.selectFrom('QuizRollup').select(['submitted', 'passed', 'firstPassedAt', 'lastSubmittedAt']).where('userId', '=', userId).where('quizId', '=', quizId),
      [id, id],
    ),
    attemptsOfQuiz: statement(
      db,
      (q, userId: string, quizId: string) => q.selectFrom('Attempt').select(['status', 'passed', 'submittedAt']).where('userId', '=', userId).where('quizId', '=', quizId),
      [id, id],
    ),
    putRollup: statement(
      db,
      (q, userId: string, quizId: string, submitted: number, passed: number, firstPassedAt: string | null, lastSubmittedAt: string | null) =>
        q
          .insertInto('QuizRollup')
          .values({ userId, quizId, submitted, passed, firstPassedAt, lastSubmittedAt })
          .onConflict((oc) => oc.columns(['userId', 'quizId']).doUpdateSet((eb) => ({
            submitted: eb.ref('excluded.submitted'),
            passed: eb.ref('excluded.passed'),
            firstPassedAt: eb.ref('excluded.firstPassedAt'),
            lastSubmittedAt: eb.ref('excluded.lastSubmittedAt'),
          }))),
      [id, id, 0, 0, id, id],
    ),
    dropRollup: statement(db, (q, userId: string, quizId: string) => q.deleteFrom('QuizRollup').where('userId', '=', userId).where('quizId', '=', quizId), [id, id]),
  }

  /** Recomputes one learner's roll-up of one quiz from their attempts; inside a caller's transaction. */
  const refreshRollup = (userId: string, quizId: string) => {
    const attempts = sql.attemptsOfQuiz.all(userId, quizId).map((a) => ({ status: a.status, passed: a.passed === null ? null : flag(a.passed), submittedAt: instantOrNull(a.submittedAt) }))
    const figures = quizRollupOf(attempts)
    if (!figures) return void sql.dropRollup.run(userId, quizId)
    putRollup(userId, quizId, figures)
  }
  const putRollup = (userId: string, quizId: string, figures: QuizRollupFigures) => {
    const at = (d: Date | null) => (d ? storedInstant(d) : null)
    sql.putRollup.run(userId, quizId, figures.submitted, figures.passed ? 1 : 0, at(figures.firstPassedAt), at(figures.lastSubmittedAt))
  }

  // the changed answers of a multi-item save (up to a quiz's items) in one INSERT of n rows, compiled once per n
  const insertAnswers = new Map<number, ReturnType<typeof answersInsert>>()
  const answersInsert = (n: number) =>
    statement(
      db,
      (q, attemptId: string, itemIds: string[], payloads: string[], createdAt: string) =>
        q.insertInto('AttemptStep').values(itemIds.map((itemId, i) => ({ attemptId, itemId, kind: 'answer', payload: payloads[i], createdAt }))),
      [id, Array<string>(n).fill(id), Array<string>(n).fill(id), id],
    )
  const ROWS_PER_INSERT = 64 // a bound on the statements compiled (5 parameters a row, far below SQLite's limit)

  /** The sent answers that differ from each item's latest: one read of the attempt's answers for all, none if none sent. */
  const changedOf = (attemptId: string, answers: Readonly<Record<string, unknown>>) =>
    Object.keys(answers).length === 0 ? [] : changedAnswers(new Map(sql.answers.all(attemptId).map((step) => [step.itemId, step.payload])), answers)

  /**
   * Logs the answers that differ from each item's latest, a step each; inside a caller's transaction. One read of the
   * attempt's answers and one INSERT for all (a 30-item save ran 30 reads, each walking the attempt's steps, and 30 INSERTs).
   */
  const logChangedAnswers = (attemptId: string, answers: Readonly<Record<string, unknown>>, now: Date): number => {
    const changed = changedOf(attemptId, answers)
    for (let from = 0; from < changed.length; from += ROWS_PER_INSERT) {
      const rows = changed.slice(from, from + ROWS_PER_INSERT)
      let insert = insertAnswers.get(rows.length)
      if (!insert) insertAnswers.set(rows.length, (insert = answersInsert(rows.length)))
      insert.run(attemptId, rows.map(([itemId]) => itemId), rows.map(([, payload]) => payload), storedInstant(now))
    }
    return changed.length
  }

  const appendAnswers = db.transaction((attemptId: string, answers: Readonly<Record<string, unknown>>, now: Date): number | 'closed' =>
    sql.isOpen.get(attemptId) ? logChangedAnswers(attemptId, answers, now) : 'closed',
  )
  /** The per-item save: one statement, no BEGIN/COMMIT around it; nothing logged tells apart closed and unchanged. */
  const appendOneAnswer = (attemptId: string, itemId: string, value: unknown, now: Date): number | 'closed' => {
    if (sql.saveIfChanged.run(attemptId, itemId, JSON.stringify(value), storedInstant(now)) === 1) return 1
    return sql.isOpen.get(attemptId) ? 0 : 'closed'
  }
  const appendReply = db.transaction((attemptId: string, itemId: string, replyId: string, recordedBefore: number, now: Date) => {
    if (!sql.isOpen.get(attemptId)) return 'closed' as const
    if (Number(sql.replies.get(attemptId, itemId)?.n ?? 0) !== recordedBefore) return 'stale' as const
    sql.insertStep.run(attemptId, itemId, 'reply', JSON.stringify(replyId), storedInstant(now))
    return 'recorded' as const
  })
  const close = db.transaction((attemptId: string, record: ClosingRecord, answers: Readonly<Record<string, unknown>>, now: Date) => {
    const owner = sql.close.get(attemptId, storedInstant(record.at), record.by, record.points, record.maxPoints, record.percent, record.passed ? 1 : 0, record.result)
    if (!owner) return false
    // the sent answers that changed, as ONE step (a row and an index entry, not one an answer: decision 0050)
    const step = submittedAnswersStep(changedOf(attemptId, answers))
    if (step) sql.insertStep.run(attemptId, step.itemId, step.kind, step.payload, storedInstant(now))
    // the roll-up before plus this attempt (one row read), not recomputed from all of the learner's attempts at the quiz
    const row = sql.rollup.get(owner.userId, owner.quizId)
    const before = row ? { submitted: row.submitted, passed: flag(row.passed), firstPassedAt: instantOrNull(row.firstPassedAt), lastSubmittedAt: instantOrNull(row.lastSubmittedAt) } : null
    const after = quizRollupAfterClose(before, { passed: record.passed, submittedAt: record.at })
    putRollup(owner.userId, owner.quizId, after)
    learnerProgress.afterClose(owner.userId, owner.quizId, before?.passed ?? false, after.passed, record.at) // one upsert
    if (hallDay(record.at) < hallDay(now)) forgetQualityDay(owner.userId, record.at) // a late deadline close: that closed day folds again
    return true
  })

  type StoredAttempt = NonNullable<ReturnType<typeof sql.attempt.get>>
  const rowOf = (row: StoredAttempt): AttemptRow => ({ ...row, startedAt: instant(row.startedAt), deadline: instantOrNull(row.deadline), submittedAt: instantOrNull(row.submittedAt) })
  const remark = db.transaction((attemptId: string, plan: RemarkPlan, now: Date): RemarkOutcome => {
    const row = sql.attempt.get(attemptId)
    if (row?.status !== 'submitted') return { outcome: 'not-submitted' }
    const record = plan(rowOf(row), sql.steps.all(attemptId))
    if (!record) return { outcome: 'unchanged', result: row.result }
    const { step, ...score } = record
    sql.insertStep.run(attemptId, step.itemId, step.kind, step.payload, storedInstant(now))
    sql.remark.run(attemptId, score.quizVersionId, score.points, score.maxPoints, score.percent, score.passed ? 1 : 0, score.result)
    refreshRollup(row.userId, row.quizId) // a re-mark can turn a pass into a fail
    learnerProgress.recount(row.userId)
    if (row.submittedAt) forgetQualityDay(row.userId, instant(row.submittedAt)) // its day's item figures fold again
    return { outcome: 'recorded', result: record.result }
  })

  return {
    async attempt(id): Promise<AttemptRow | null> {
      const row = sql.attempt.get(id)
      return row ? rowOf(row) : null
    },
    steps: async (attemptId) => sql.steps.all(attemptId),
    currentSteps: async (attemptId) => sql.currentSteps.all(attemptId, attemptId),
    appendAnswers: (attemptId, answers, now) => {
      const items = Object.keys(answers)
      if (items.length === 1) return retryWhileBusy(() => appendOneAnswer(attemptId, items[0], answers[items[0]], now))
      return retryWhileBusy(() => appendAnswers.immediate(attemptId, answers, now))
    },
    appendReply: (attemptId, itemId, replyId, recordedBefore, now) =>
      retryWhileBusy(() => appendReply.immediate(attemptId, itemId, replyId, recordedBefore, now)),
    close: (attemptId, record, answers, now) => retryWhileBusy(() => close.immediate(attemptId, record, answers, now)),
    remark: (attemptId, plan, now) => retryWhileBusy(() => remark.immediate(attemptId, plan, now)),
  }
}
