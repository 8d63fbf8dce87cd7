// Quiz versions as the engine needs them: the parsed definition (with its scenarios) and the scoring
// context, cached by version id (versions never change).
import type { ScoringContext } from '~/core/quiz/item-type'
import type { Quiz } from '~/core/quiz/quiz'
import type { Scenario } from '~/core/quiz/scenario-graph'
import { prisma } from './db.server'
import { preparedReadFor, type TransactionReader } from './kysely.server'
import { loadForbiddenPhrases } from './phrases.server'
import { notFound } from './responses.server'

export interface LoadedQuizVersion {
  id: string
  quizId: string
  kind: string
  courseId: string
  titleZh: string
  titleEn: string
  passMark: number
  attemptsAllowed: number
  minDelayMinutes: number
  timeLimitMinutes: number | null
  quiz: Quiz
  context: ScoringContext
}

const cache = new Map<string, LoadedQuizVersion>()

function contextFor(scenarios: Record<string, Scenario>): ScoringContext {
  return { scenarios: new Map(Object.entries(scenarios)), phrases: loadForbiddenPhrases() }
}

type VersionRow = Omit<LoadedQuizVersion, 'quiz' | 'context'> & { definition: string }

function loadedOf(row: VersionRow): LoadedQuizVersion {
  const definition = JSON.parse(row.definition) as { quiz: Quiz; scenarios: Record<string, Scenario> }
  const loaded: LoadedQuizVersion = {
    id: row.id,
    quizId: row.quizId,
    kind: row.kind,
    courseId: row.courseId,
    titleZh: row.titleZh,
    titleEn: row.titleEn,
    passMark: row.passMark,
    attemptsAllowed: row.attemptsAllowed,
    minDelayMinutes: row.minDelayMinutes,
    timeLimitMinutes: row.timeLimitMinutes,
    quiz: definition.quiz,
    context: contextFor(definition.scenarios),
  }
  cache.set(row.id, loaded)
  return loaded
}

async function load(where: { id: string }): Promise<LoadedQuizVersion | null> {
  const cached = cache.get(where.id)
  if (cached) return cached
  const row = await prisma.quizVersion.findUnique({ where })
  return row ? loadedOf(row) : null
}

const versionRows = preparedReadFor((q, ids: readonly string[]) =>
  q
    .selectFrom('QuizVersion')
    .select(['id', 'quizId', 'kind', 'courseId', 'titleZh', 'titleEn', 'passMark', 'attemptsAllowed', 'minDelayMinutes', 'timeLimitMinutes', 'definition'])
    .where('id', 'in', ids),
)

/**
 * The versions with these ids (unknown ids left out), read through `db` when not cached: inside a check-then-write,
 * the transaction's own client, whose connection the transaction holds.
 */
export async function quizVersionsFor(db: TransactionReader, ids: Iterable<string>): Promise<Map<string, LoadedQuizVersion>> {
  const wanted = [...new Set(ids)]
  const missing = wanted.filter((id) => !cache.has(id))
  if (missing.length) for (const row of await versionRows(db, missing)) loadedOf(row)
  return new Map(wanted.flatMap((id) => (cache.has(id) ? [[id, cache.get(id)!] as const] : [])))
}

export async function quizVersionById(id: string): Promise<LoadedQuizVersion> {
  return (await load({ id })) ?? notFound('quiz version')
}

/** The version a new attempt uses: the current one. 404 for an unknown quiz. */
export async function currentQuizVersion(quizId: string): Promise<LoadedQuizVersion> {
  const quiz = await prisma.quiz.findUnique({ where: { id: quizId }, select: { currentVersionId: true } })
  if (!quiz?.currentVersionId) notFound('quiz')
  return quizVersionById(quiz.currentVersionId)
}
