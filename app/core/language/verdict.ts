// How the listed phrases and the classifier decide together (the policy is chosen by cross-validation in
// scripts/language-train.ts and stored with the model): a listed phrase names the span and the 文明用语, the
// classifier vetoes a listed phrase used courteously and flags a reply no phrase covers.
import { z } from 'zod'
import { LanguageModelSchema, type LanguageModel } from './classifier'
import { judgeReply, type ClauseJudgement, type ReplyJudgement } from './judge'
import type { Token } from './segment'

export const DetectorPolicySchema = z
  .object({
    threshold: z.number().min(0).max(1), // the whole reply is 服务禁语 from this probability on
    clauseThreshold: z.number().min(0).max(1), // one clause of a longer reply is, from this one on
    veto: z.number().min(0).max(1), // a listed phrase is dropped when the reply's probability is below this
    alignWords: z.boolean(), // a listed phrase must start and end on word boundaries (看不清楚 ≠ 不清楚)
  })
  .strict()
export type DetectorPolicy = z.infer<typeof DetectorPolicySchema>

export const TrainedDetectorSchema = z.object({ policy: DetectorPolicySchema, model: LanguageModelSchema }).strict()
export type TrainedDetector = z.infer<typeof TrainedDetectorSchema>

export interface Span {
  start: number
  end: number
}

export interface Verdict<Hit extends Span> {
  listed: Hit[] // listed phrases that stand
  model: ClauseJudgement | null // the classifier's own finding when no listed phrase stands
  judgement: ReplyJudgement
}

/** Decides a reply given the listed-phrase hits found in it. */
export function decide<Hit extends Span>(text: string, hits: readonly Hit[], detector: TrainedDetector): Verdict<Hit> {
  const judgement = judgeReply(text, detector.model)
  return decideWith(judgement, hits, detector.policy)
}

export function decideWith<Hit extends Span>(judgement: ReplyJudgement, hits: readonly Hit[], policy: DetectorPolicy): Verdict<Hit> {
  const probability = judgement.whole?.probability ?? 0
  const listed = hits.filter(
    (hit) => probability >= policy.veto && (!policy.alignWords || alignsWithWords(hit, judgement.tokens)),
  )
  if (listed.length > 0) return { listed, model: null, judgement }
  return { listed, model: modelFinding(judgement, policy), judgement }
}

function modelFinding(judgement: ReplyJudgement, policy: DetectorPolicy): ClauseJudgement | null {
  const whole = judgement.whole
  if (!whole) return null
  // clauses are judged only when they can change the answer or name the span (they cost a classification each)
  if (whole.probability < policy.threshold && policy.clauseThreshold >= 1) return null
  const worstClause = judgement.clauses().reduce<ClauseJudgement | null>(
    (worst, clause) => (!worst || clause.probability > worst.probability ? clause : worst),
    null,
  )
  if (worstClause && worstClause.probability >= policy.clauseThreshold) return worstClause
  if (whole.probability < policy.threshold) return null
  // name the clause that carries it when there is one, with the whole reply's category
  return worstClause && worstClause.probability >= whole.probability - 0.1 ? { ...worstClause, category: whole.category } : whole
}

/** False when the span starts or ends strictly inside a word of three or more characters. */
export function alignsWithWords(span: Span, tokens: readonly Token[]): boolean {
  return !tokens.some(
    (token) =>
      token.end - token.start >= 3 &&
      ((token.start < span.start && span.start < token.end) || (token.start < span.end && span.end < token.end)),
  )
}

export type { LanguageModel }
