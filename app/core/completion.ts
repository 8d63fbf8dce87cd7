// Course completion: every module read at its current version and every required quiz passed.
export interface CompletionInput {
  /** The course's modules now, in order, with the version being served. */
  modules: ReadonlyArray<{ slug: string; versionId: string }>
  /** Every read the learner recorded for this course, on any version. */
  reads: ReadonlyArray<{ slug: string; versionId: string }>
  requiredQuizIds: readonly string[]
  passedQuizIds: readonly string[]
}

/** The quizzes a learner passed, asked one id at a time (a list, or the stored text read in place: StoredPasses). */
export interface QuizIdsPassed {
  includes(quizId: string): boolean
}

export type ModuleState = 'unread' | 'read' | 'updated' // updated: read, but on an older version

export interface Completion {
  states: Record<string, ModuleState>
  read: number
  total: number
  /** 0–100, whole modules read at their current version. */
  percent: number
  quizzesPassed: number
  quizzesRequired: number
  complete: boolean
}

export function courseCompletion(input: CompletionInput): Completion {
  const states: Record<string, ModuleState> = {}
  for (const m of input.modules) {
    const mine = input.reads.filter((r) => r.slug === m.slug)
    states[m.slug] = mine.some((r) => r.versionId === m.versionId) ? 'read' : mine.length ? 'updated' : 'unread'
  }
  const read = Object.values(states).filter((s) => s === 'read').length
  return { states, ...completionOfCounts({ read, total: input.modules.length, requiredQuizIds: input.requiredQuizIds, passedQuizIds: input.passedQuizIds }) }
}

/**
 * The same rule from counts alone: `read` modules of `total` read at their current version (the clerk's page counts
 * its reads above; the managers' pages take the count from the read roll-up, app/core/read-rollup.ts).
 */
export function completionOfCounts(input: { read: number; total: number; requiredQuizIds: readonly string[]; passedQuizIds: QuizIdsPassed }): Omit<Completion, 'states'> {
  const { read, total } = input
  let quizzesPassed = 0
  for (const quizId of input.requiredQuizIds) if (input.passedQuizIds.includes(quizId)) quizzesPassed++
  return {
    read,
    total,
    percent: total === 0 ? 0 : Math.floor((read / total) * 100),
    quizzesPassed,
    quizzesRequired: input.requiredQuizIds.length,
    complete: total > 0 && read === total && quizzesPassed === input.requiredQuizIds.length,
  }
}
