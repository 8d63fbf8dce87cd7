// The quiz side of content:import: every quiz (with the scenarios it uses, frozen into its version) and one
// practice quiz per dialogue scenario, versioned by content hash like modules.
import { randomUUID } from 'node:crypto'
import type { Quiz } from '~/core/quiz/quiz'
import { contentReferencesOf } from '~/core/quiz/registry'
import type { Scenario } from '~/core/quiz/scenario-graph'
import type { PrismaClient } from '~/generated/prisma/client'
import { sha256 } from './check-courses.server'
import type { CheckedContent } from './check.server'

export const PRACTICE_PREFIX = 'practice-'
export const PRACTICE_POINTS = 10
export const PRACTICE_PASS_MARK = 60

export interface QuizDefinition {
  quiz: Quiz
  scenarios: Record<string, Scenario>
}

interface QuizRow {
  quizId: string
  kind: 'quiz' | 'practice'
  definition: QuizDefinition
  hash: string
}

export interface QuizImportPlan {
  rows: Array<QuizRow & { versionId: string; number: number }>
  changed: string[]
}

/** A one-item quiz to practise one scenario: unlimited attempts, no delay, passed at 60% of the best path. */
export function practiceQuiz(scenario: Scenario): Quiz {
  return {
    id: `${PRACTICE_PREFIX}${scenario.id}`,
    title: scenario.title,
    course: scenario.course,
    modules: [],
    passMark: PRACTICE_PASS_MARK,
    attemptsAllowed: 0,
    minDelayMinutes: 0,
    shuffle: true,
    items: [{ id: 'dialogue', type: 'scenario', points: PRACTICE_POINTS, scenario: scenario.id }],
  } as Quiz
}

function rowsOf(content: CheckedContent): QuizRow[] {
  const scenarios = new Map(content.scenarios.map((s) => [s.scenario.id, s.scenario]))
  const row = (quiz: Quiz, kind: QuizRow['kind']): QuizRow => {
    const used = contentReferencesOf(quiz.items).flatMap((ref) => (ref.kind === 'scenario' ? [ref.id] : []))
    const definition = { quiz, scenarios: Object.fromEntries(used.map((id) => [id, scenarios.get(id)!])) }
    return { quizId: quiz.id, kind, definition, hash: sha256(JSON.stringify(definition)) }
  }
  return [...content.quizzes.map((q) => row(q.quiz, 'quiz')), ...content.scenarios.map((s) => row(practiceQuiz(s.scenario), 'practice'))]
}

export async function planQuizImport(db: PrismaClient, content: CheckedContent): Promise<QuizImportPlan> {
  const current = await db.quiz.findMany({ select: { id: true, currentVersion: { select: { hash: true, number: true } } } })
  const byId = new Map(current.map((q) => [q.id, q.currentVersion]))
  const rows = rowsOf(content)
    .filter((row) => byId.get(row.quizId)?.hash !== row.hash)
    .map((row) => ({ ...row, versionId: randomUUID(), number: (byId.get(row.quizId)?.number ?? 0) + 1 }))
  return { rows, changed: rows.map((r) => r.quizId) }
}

/** Runs inside the import's transaction. */
export async function writeQuizImport(tx: PrismaClient, plan: QuizImportPlan): Promise<void> {
  for (const row of plan.rows) {
    const { quiz } = row.definition
    await tx.quiz.upsert({ where: { id: row.quizId }, create: { id: row.quizId }, update: {} })
    await tx.quizVersion.create({
      data: {
        id: row.versionId,
        quizId: row.quizId,
        number: row.number,
        hash: row.hash,
        courseId: quiz.course,
        kind: row.kind,
        titleZh: quiz.title.zh,
        titleEn: quiz.title.en,
        passMark: quiz.passMark,
        attemptsAllowed: quiz.attemptsAllowed,
        minDelayMinutes: quiz.minDelayMinutes,
        timeLimitMinutes: quiz.timeLimitMinutes ?? null,
        definition: JSON.stringify(row.definition),
      },
    })
    await tx.quiz.update({ where: { id: row.quizId }, data: { currentVersionId: row.versionId } })
  }
}
