// Owns reading an attempt's step log: the latest answer saved per item, and the dialogue replies in order.

/**
 * One logged step: an answer saved (`answer`, `payload` the raw answer), a dialogue reply (`reply`, `payload` its
 * authored id), the answers sent with the submission (`answers`, `payload` an object of raw answers by item id:
 * one step, not one an answer — decision 0050), or a trainer's re-mark (`override`, `regrade`).
 */
export interface LoggedStep {
  itemId: string
  kind: string
  payload: string
}

/** The kind of the one step a close logs: the sent answers that differ from each item's latest, by item id. */
export const SUBMITTED_ANSWERS = 'answers'

/**
 * Of the answers sent (raw, by item id), those to log: each whose JSON differs from the item's latest logged one
 * (`latest`: item id → payload), as [item id, payload] in the order sent.
 */
export function changedAnswers(latest: ReadonlyMap<string, string>, sent: Readonly<Record<string, unknown>>): [string, string][] {
  const changed: [string, string][] = []
  for (const itemId of Object.keys(sent)) {
    const payload = JSON.stringify(sent[itemId])
    if (latest.get(itemId) !== payload) changed.push([itemId, payload])
  }
  return changed
}

/**
 * The step a close logs for its changed answers (`changedAnswers`), or null when none changed: one row whatever the
 * number of items. The payloads are JSON already; the object is joined from them, not stringified again.
 */
export function submittedAnswersStep(changed: readonly (readonly [string, string])[]): LoggedStep | null {
  if (changed.length === 0) return null
  return { itemId: '', kind: SUBMITTED_ANSWERS, payload: `{${changed.map(([itemId, payload]) => `${JSON.stringify(itemId)}:${payload}`).join(',')}}` }
}

export interface AttemptAnswers {
  /** The latest raw answer per item (what the client last sent for it). */
  saved: Record<string, unknown>
  /** The authored reply ids recorded per dialogue item, in the order chosen. */
  recorded: Record<string, string[]>
}

/**
 * The steps `answersOfSteps` reads, of a whole log (oldest first): each item's latest answer, every reply and the
 * submission's answers, in log order. What a store's `currentSteps` returns (the Prisma store computes it so; the
 * SQLite store reads it through an index).
 */
export function currentOfSteps<Step extends LoggedStep>(steps: readonly Step[]): Step[] {
  const lastAnswer = new Map<string, number>()
  steps.forEach((step, i) => {
    if (step.kind === 'answer') lastAnswer.set(step.itemId, i)
  })
  return steps.filter((step, i) => step.kind === 'reply' || step.kind === SUBMITTED_ANSWERS || (step.kind === 'answer' && lastAnswer.get(step.itemId) === i))
}

/**
 * Folds steps (oldest first) into the latest answers and the recorded replies; later saves replace earlier ones, the
 * submission's answers replace what was saved before them. Only each item's latest answer is parsed: an attempt's log
 * holds every autosave, and a submit reads it whole.
 */
export function answersOfSteps(steps: readonly LoggedStep[]): AttemptAnswers {
  // an item's latest: a payload still to parse, or a value read from the submission's step
  const latest = new Map<string, string | { value: unknown }>()
  const recorded: Record<string, string[]> = {}
  for (const step of steps) {
    if (step.kind === 'answer') latest.set(step.itemId, step.payload)
    else if (step.kind === 'reply') {
      const value: unknown = JSON.parse(step.payload)
      if (typeof value === 'string') (recorded[step.itemId] ??= []).push(value)
    } else if (step.kind === SUBMITTED_ANSWERS) {
      const sent: unknown = JSON.parse(step.payload)
      if (typeof sent === 'object' && sent !== null && !Array.isArray(sent)) for (const [itemId, value] of Object.entries(sent)) latest.set(itemId, { value })
    }
  }
  const saved: Record<string, unknown> = {}
  for (const [itemId, answer] of latest) saved[itemId] = typeof answer === 'string' ? JSON.parse(answer) : answer.value
  return { saved, recorded }
}
