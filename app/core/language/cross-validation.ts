// k-fold cross-validation of the detector on a labelled corpus, and the choice of the decision policy from
// the pooled out-of-fold judgements. Used by the training script (which stores the chosen policy), the bench
// and the evaluation test; never by anything that has seen the held-out split.
import { OK_CLASS, trainModel, DEFAULT_TRAINING, type LanguageModel, type TrainingOptions } from './classifier'
import { judgeReply, replyFeatures, type ReplyJudgement } from './judge'
import { normaliseReply } from './normalise'
import { segmentWords } from './segment'
import { decideWith, type DetectorPolicy, type Span } from './verdict'
import { kFolds, type LabelledReply } from './evaluation'

export const CATEGORY_CLASSES = ['推诿', '斥责', '不耐烦', '冷漠', '顶撞', '轻视', '催促', '不当称呼'] as const
export const MODEL_CLASSES = [OK_CLASS, ...CATEGORY_CLASSES]

export interface LabelledCase extends LabelledReply {
  listed: Span[] // the listed phrases found in it (no classifier)
}

export function classOf(reply: LabelledReply): string | null {
  if (!reply.forbidden) return OK_CLASS
  return reply.category && (MODEL_CLASSES as readonly string[]).includes(reply.category) ? reply.category : null
}

/** Trains on every reply with a known class (forbidden replies without a category are left out). */
export function trainOn(replies: readonly LabelledReply[], options: TrainingOptions = DEFAULT_TRAINING, sha256 = ''): LanguageModel {
  const examples = replies.flatMap((reply) => {
    const label = classOf(reply)
    if (label === null) return []
    const normalised = normaliseReply(reply.text)
    return [{ features: replyFeatures(normalised, segmentWords(normalised)), label }]
  })
  return trainModel(examples, MODEL_CLASSES, options, { replies: examples.length, sha256 })
}

export interface OutOfFold {
  cases: LabelledCase[]
  judgements: ReplyJudgement[] // judgement of cases[i] by the model trained without its fold
}

/** Out-of-fold judgements; `alwaysTrain` replies (another labelled set) join every fold's training data. */
export function crossValidate(cases: readonly LabelledCase[], k: number, alwaysTrain: readonly LabelledReply[] = []): OutOfFold {
  const folds = kFolds(cases.map((reply) => classOf(reply) ?? 'forbidden'), k)
  const judgements: ReplyJudgement[] = new Array(cases.length)
  for (const fold of folds) {
    const held = new Set(fold)
    const model = trainOn([...cases.filter((_, index) => !held.has(index)), ...alwaysTrain])
    for (const index of fold) judgements[index] = judgeReply(cases[index].text, model)
  }
  return { cases: [...cases], judgements }
}

export interface PolicyScore {
  precision: number
  recall: number
  flagged: number
}

export function scorePolicy(outOfFold: OutOfFold, policy: DetectorPolicy): PolicyScore {
  let truePositives = 0
  let flagged = 0
  let forbidden = 0
  outOfFold.cases.forEach((reply, index) => {
    const verdict = decideWith(outOfFold.judgements[index], reply.listed, policy)
    const isFlagged = verdict.listed.length > 0 || verdict.model !== null
    if (reply.forbidden) forbidden++
    if (isFlagged) flagged++
    if (isFlagged && reply.forbidden) truePositives++
  })
  return { precision: flagged === 0 ? 1 : truePositives / flagged, recall: forbidden === 0 ? 1 : truePositives / forbidden, flagged }
}

/** The policy with the best recall whose cross-validated precision reaches `minPrecision` (ties: precision). */
export function choosePolicy(outOfFold: OutOfFold, minPrecision: number): { policy: DetectorPolicy; score: PolicyScore } {
  let best: { policy: DetectorPolicy; score: PolicyScore } | null = null
  const steps = (from: number, to: number, step: number) =>
    Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => Math.round((from + i * step) * 100) / 100)
  for (const alignWords of [true, false])
    for (const veto of steps(0, 0.4, 0.05))
      for (const threshold of steps(0.3, 0.95, 0.05))
        for (const clauseThreshold of [...steps(0.6, 0.95, 0.05), 1]) {
          const policy = { threshold, clauseThreshold, veto, alignWords }
          const score = scorePolicy(outOfFold, policy)
          if (score.precision < minPrecision) continue
          if (!best || score.recall > best.score.recall || (score.recall === best.score.recall && score.precision > best.score.precision)) {
            best = { policy, score }
          }
        }
  return best ?? { policy: { threshold: 1, clauseThreshold: 1, veto: 0, alignWords: true }, score: scorePolicy(outOfFold, { threshold: 1, clauseThreshold: 1, veto: 0, alignWords: true }) }
}
