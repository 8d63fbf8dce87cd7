// The quiz engine's hot path to the database: an attempt's row, its step log, and the three writes (answers saved,
// a dialogue reply, the close at submission) and the trainer's re-marks of a submitted attempt (override, regrade). Each write checks and writes in ONE transaction. Two interchangeable
// implementations: prepared statements on SQLite (attempt-store-sqlite.server.ts, the only raw SQL of the quiz
// engine) and Prisma's typed client for any other database (attempt-store-prisma.server.ts). See
// docs/decisions/0010-quiz-attempt-writes-and-item-units.md for why and for the measured costs.
import type { LoggedStep } from '~/core/quiz/attempt-steps'
import { prisma } from './db.server'
import { prismaAttemptStore } from './attempt-store-prisma.server'
import { sqliteAttemptStore } from './attempt-store-sqlite.server'
import { forDatabaseFile } from './sqlite-writes.server'

export interface AttemptRow {
  id: string
  userId: string
  quizId: string
  quizVersionId: string
  seed: string
  status: string
  startedAt: Date
  deadline: Date | null
  submittedAt: Date | null
  closedBy: string | null
  result: string | null
}

/** What closing an attempt records: who or what closed it, when, and the score written once. */
export interface ClosingRecord {
  by: 'clerk' | 'deadline'
  at: Date
  points: number
  maxPoints: number
  percent: number
  passed: boolean
  /** The review as JSON. */
  result: string
}

/** What re-marking a submitted attempt writes: one step for the log and the attempt's new score. */
export interface RemarkRecord {
  step: { itemId: string; kind: 'override' | 'regrade'; payload: string }
  quizVersionId: string
  points: number
  maxPoints: number
  percent: number
  passed: boolean
  /** The review as JSON. */
  result: string
}

/** Decides a re-mark from the attempt as stored and its steps (oldest first); null when there is nothing to write. */
export type RemarkPlan = (attempt: AttemptRow, steps: readonly LoggedStep[]) => RemarkRecord | null

export type RemarkOutcome = { outcome: 'recorded' | 'unchanged'; result: string | null } | { outcome: 'not-submitted' }

export interface AttemptStore {
  attempt(id: string): Promise<AttemptRow | null>
  /** The attempt's steps, oldest first. */
  steps(attemptId: string): Promise<LoggedStep[]>
  /**
   * Of those, what the attempt's answers are made of (`currentOfSteps`): each item's latest answer and every reply,
   * oldest first. An attempt's log holds every autosave (~100 after a long session); a submit needs one per item.
   */
  currentSteps(attemptId: string): Promise<LoggedStep[]>
  /** Logs each answer that differs from the item's latest one, if the attempt is still open; how many were logged. */
  appendAnswers(attemptId: string, answers: Readonly<Record<string, unknown>>, now: Date): Promise<number | 'closed'>
  /**
   * Logs a dialogue reply if the attempt is still open and the item has exactly `recordedBefore` replies (the path
   * the reply was chosen on): of two replies sent from one state only the first counts.
   */
  appendReply(attemptId: string, itemId: string, replyId: string, recordedBefore: number, now: Date): Promise<'recorded' | 'closed' | 'stale'>
  /**
   * Closes an open attempt with its score and logs the answers sent with the submission that differ from each item's
   * latest as ONE step (`submittedAnswersStep`, none if none changed); false if already closed.
   */
  close(attemptId: string, record: ClosingRecord, answers: Readonly<Record<string, unknown>>, now: Date): Promise<boolean>
  /**
   * A trainer's override or a regrade of a submitted attempt: reads the attempt and its steps, asks `plan`, logs its
   * step and stores its score, all in one transaction, so parallel re-marks each see the steps logged before them.
   */
  remark(attemptId: string, plan: RemarkPlan, now: Date): Promise<RemarkOutcome>
}

const sqliteStore = forDatabaseFile(sqliteAttemptStore)

/** The store for DATABASE_URL: SQLite files get the prepared-statement path, anything else Prisma's client. */
export function attemptStore(): AttemptStore {
  return sqliteStore() ?? prismaAttemptStore(prisma)
}
