// The quizzes as they are offered now: each quiz's current version with its titles. Pages that name a quiz
// (a course's quiz list, the practice corner, the quiz statistics list) read them here.
import { preparedRead, type Queries } from './kysely.server'

export interface CurrentQuiz {
  quizId: string
  versionId: string
  kind: string
  courseId: string
  titleZh: string
  titleEn: string
}

/** Every current quiz version (or those of the given quizzes), by course then quiz id. */
export async function currentQuizzes(quizIds?: readonly string[]): Promise<CurrentQuiz[]> {
  if (quizIds?.length === 0) return []
  return quizIds ? currentQuizRowsOf(quizIds) : allCurrentQuizRows()
}

const currentQuizRows = (q: Queries) =>
  q
    .selectFrom('Quiz as q')
    .innerJoin('QuizVersion as v', 'v.id', 'q.currentVersionId')
    .select(['q.id as quizId', 'v.id as versionId', 'v.kind', 'v.courseId', 'v.titleZh', 'v.titleEn'])
    .orderBy('v.courseId')
    .orderBy('q.id')
const allCurrentQuizRows = preparedRead((q) => currentQuizRows(q))
const currentQuizRowsOf = preparedRead((q, quizIds: readonly string[]) => currentQuizRows(q).where('q.id', 'in', quizIds))

/** The titles of these quizzes, in the order given; a quiz without a current version is named by its id. */
export async function quizTitles(quizIds: readonly string[]): Promise<Array<{ id: string; titleZh: string; titleEn: string }>> {
  const current = await currentQuizzes(quizIds)
  return quizIds.map((id) => {
    const quiz = current.find((q) => q.quizId === id)
    return { id, titleZh: quiz?.titleZh ?? id, titleEn: quiz?.titleEn ?? id }
  })
}
