// Owns reading an attempt's step log: the latest answer saved per item, and the dialogue replies in order.

/** One logged step: an answer saved (`payload` the raw answer) or a dialogue reply (`payload` its authored id). */
export interface LoggedStep {
  itemId: string
  kind: string
  payload: string
}

export interface AttemptAnswers {
  /** The latest raw answer per item (what the client last sent for it). */
  saved: Record<string, unknown>
  /** The authored reply ids recorded per dialogue item, in the order chosen. */
  recorded: Record<string, string[]>
}

/**
 * The steps `answersOfSteps` reads, of a whole log (oldest first): each item's latest answer and every reply, in log
 * order. What a store's `currentSteps` returns (the Prisma store computes it so; the SQLite store reads it through
 * an index).
 */
export function currentOfSteps<Step extends LoggedStep>(steps: readonly Step[]): Step[] {
  const lastAnswer = new Map<string, number>()
  steps.forEach((step, i) => {
    if (step.kind === 'answer') lastAnswer.set(step.itemId, i)
  })
  return steps.filter((step, i) => step.kind === 'reply' || (step.kind === 'answer' && lastAnswer.get(step.itemId) === i))
}

/**
 * Folds steps (oldest first) into the latest answers and the recorded replies; later saves replace earlier ones.
 * Only each item's latest answer is parsed: an attempt's log holds every autosave, and a submit reads it whole.
 */
export function answersOfSteps(steps: readonly LoggedStep[]): AttemptAnswers {
  const latest = new Map<string, string>()
  const recorded: Record<string, string[]> = {}
  for (const step of steps) {
    if (step.kind === 'answer') latest.set(step.itemId, step.payload)
    else if (step.kind === 'reply') {
      const value: unknown = JSON.parse(step.payload)
      if (typeof value === 'string') (recorded[step.itemId] ??= []).push(value)
    }
  }
  const saved: Record<string, unknown> = {}
  for (const [itemId, payload] of latest) saved[itemId] = JSON.parse(payload)
  return { saved, recorded }
}
