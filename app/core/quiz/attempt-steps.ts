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

/** Folds steps (oldest first) into the latest answers and the recorded replies; later saves replace earlier ones. */
export function answersOfSteps(steps: readonly LoggedStep[]): AttemptAnswers {
  const saved: Record<string, unknown> = {}
  const recorded: Record<string, string[]> = {}
  for (const step of steps) {
    const value: unknown = JSON.parse(step.payload)
    if (step.kind === 'answer') saved[step.itemId] = value
    else if (step.kind === 'reply' && typeof value === 'string') (recorded[step.itemId] ??= []).push(value)
  }
  return { saved, recorded }
}
