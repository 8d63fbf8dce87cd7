// The classifier's view of one reply: how likely it is 服务禁语, which category, and which clause carries it.
// Reads the whole reply and each clause on its own, so a bad clause in the middle of a polite sentence still shows.
import { forbiddenProbability, OK_CLASS, type LanguageModel } from './classifier'
import { clausesOf, featuresOf } from './features'
import { classifyRange } from './hashed-classifier'
import { normaliseReply } from './normalise'
import { segmentWords, type Token } from './segment'

export interface ClauseJudgement {
  start: number // offsets into the original reply (normalising keeps length)
  end: number
  probability: number // of 服务禁语
  category: string // the likeliest forbidden category (even when the probability is low)
}

export interface ReplyJudgement {
  normalised: string
  tokens: Token[]
  whole: ClauseJudgement | null // null for a reply with nothing but separators
  /** Each clause judged on its own (only for a reply of more than one clause); computed on first use. */
  clauses(): ClauseJudgement[]
}

/** Features of a normalised reply, or of the part [start, end) of it. */
export function replyFeatures(normalised: string, tokens: readonly Token[], start = 0, end = normalised.length): Set<string> {
  const whole = start === 0 && end === normalised.length
  return featuresOf(whole ? normalised : normalised.slice(start, end), whole ? tokens : tokens.filter((token) => token.start >= start && token.end <= end))
}

export function judgeReply(text: string, model: LanguageModel): ReplyJudgement {
  const normalised = normaliseReply(text)
  const tokens = segmentWords(normalised)
  const spans = clausesOf(normalised)
  if (spans.length === 0) return { normalised, tokens, whole: null, clauses: () => [] }
  const judge = (start: number, end: number): ClauseJudgement => {
    // hashed features: the same sums as classify(model, replyFeatures(...)) without building strings
    const probabilities = classifyRange(model, normalised, tokens, start, end)
    return { start, end, probability: forbiddenProbability(model, probabilities), category: likeliestCategory(model, probabilities) }
  }
  const whole = judge(spans[0].start, spans[spans.length - 1].end)
  let clauses: ClauseJudgement[] | null = null
  return { normalised, tokens, whole, clauses: () => (clauses ??= spans.length > 1 ? spans.map((span) => judge(span.start, span.end)) : []) }
}

function likeliestCategory(model: LanguageModel, probabilities: readonly number[]): string {
  let best = -1
  model.classes.forEach((name, index) => {
    if (name !== OK_CLASS && (best < 0 || probabilities[index] > probabilities[best])) best = index
  })
  return best < 0 ? OK_CLASS : model.classes[best]
}
