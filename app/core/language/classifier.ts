// A small multinomial logistic regression over the features in features.ts: 'ok' or one of the 服务禁语 categories.
// Trained deterministically (fixed example order from a seeded shuffle, fixed epochs), so the same files give
// the same model byte for byte. Pure: no I/O; scripts/language-train.ts writes the model file.
import { z } from 'zod'

export const OK_CLASS = 'ok'

export const LanguageModelSchema = z
  .object({
    version: z.literal(1),
    classes: z.array(z.string()).min(2),
    bias: z.array(z.number()),
    // feature → one weight per class, rounded; features seen in fewer than `minCount` training replies are dropped
    weights: z.record(z.array(z.number())),
    trainedOn: z.object({ replies: z.number(), sha256: z.string() }),
  })
  .strict()
export type LanguageModel = z.infer<typeof LanguageModelSchema>

export interface TrainingExample {
  features: Iterable<string>
  label: string // OK_CLASS or a category
}

export interface TrainingOptions {
  epochs: number
  learningRate: number
  l2: number
  minCount: number
  seed: number
}

// The scores are plain sums of the weights: a 1/√n scale over the number of features made every weight count more in
// a short reply, and with the features every reply has (^, $) let "short" itself read as cold. Chosen by 5-fold CV
// on the corpus (docs/decisions/0009-lang-engine.md, session 6), as were the unchanged options below.
export const DEFAULT_TRAINING: TrainingOptions = { epochs: 30, learningRate: 0.2, l2: 1e-4, minCount: 2, seed: 19 }

/** Trains on the examples; `classes` fixes the class order (OK_CLASS first). */
export function trainModel(
  examples: readonly TrainingExample[],
  classes: readonly string[],
  options: TrainingOptions = DEFAULT_TRAINING,
  trainedOn: LanguageModel['trainedOn'] = { replies: examples.length, sha256: '' },
): LanguageModel {
  const counts = new Map<string, number>()
  for (const example of examples) for (const feature of example.features) counts.set(feature, (counts.get(feature) ?? 0) + 1)
  const kept = [...counts.keys()].filter((feature) => (counts.get(feature) ?? 0) >= options.minCount).sort()
  const index = new Map(kept.map((feature, position) => [feature, position]))
  const k = classes.length
  const weights = new Float64Array(kept.length * k)
  const bias = new Float64Array(k)
  const rows = examples.map((example) => ({
    features: [...example.features].flatMap((feature) => (index.has(feature) ? [index.get(feature) as number] : [])),
    label: Math.max(0, classes.indexOf(example.label)),
  }))
  const order = rows.map((_, position) => position)
  let random = options.seed >>> 0
  const probabilities = new Float64Array(k)
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      random = (Math.imul(random, 1664525) + 1013904223) >>> 0
      const j = random % (i + 1)
      ;[order[i], order[j]] = [order[j], order[i]]
    }
    const rate = options.learningRate / (1 + epoch * 0.1)
    for (const position of order) {
      const row = rows[position]
      scoresInto(probabilities, bias, weights, row.features, k)
      softmaxInPlace(probabilities)
      for (let c = 0; c < k; c++) {
        const gradient = probabilities[c] - (c === row.label ? 1 : 0)
        bias[c] -= rate * gradient
        for (const feature of row.features) {
          const at = feature * k + c
          weights[at] -= rate * (gradient + options.l2 * weights[at])
        }
      }
    }
  }
  const record: Record<string, number[]> = {}
  kept.forEach((feature, position) => {
    const row = Array.from(weights.subarray(position * k, position * k + k), round)
    if (row.some((weight) => weight !== 0)) record[feature] = row
  })
  return { version: 1, classes: [...classes], bias: Array.from(bias, round), weights: record, trainedOn }
}

function scoresInto(out: Float64Array, bias: Float64Array, weights: Float64Array, features: number[], k: number): void {
  for (let c = 0; c < k; c++) {
    let sum = 0
    for (const feature of features) sum += weights[feature * k + c]
    out[c] = bias[c] + sum
  }
}

function softmaxInPlace(values: Float64Array | number[]): void {
  let max = -Infinity
  for (const value of values) max = Math.max(max, value)
  let total = 0
  for (let c = 0; c < values.length; c++) total += values[c] = Math.exp(values[c] - max)
  for (let c = 0; c < values.length; c++) values[c] /= total
}

const round = (value: number) => Math.round(value * 1e4) / 1e4

// The weights as a Map of typed rows, built once per model: a plain object of ~10 000 keys is slow to probe.
const compiledWeights = new WeakMap<LanguageModel, Map<string, Float64Array>>()

function weightsOf(model: LanguageModel): Map<string, Float64Array> {
  let weights = compiledWeights.get(model)
  if (!weights) {
    weights = new Map(Object.entries(model.weights).map(([feature, row]) => [feature, Float64Array.from(row)]))
    compiledWeights.set(model, weights)
  }
  return weights
}

/** Class probabilities for one reply's features, in the model's class order. */
export function classify(model: LanguageModel, features: Iterable<string>): number[] {
  const weights = weightsOf(model)
  const k = model.classes.length
  const sums = new Float64Array(k)
  for (const feature of features) {
    const row = weights.get(feature)
    if (row) for (let c = 0; c < k; c++) sums[c] += row[c]
  }
  const scores = model.bias.map((bias, c) => bias + sums[c])
  softmaxInPlace(scores)
  return scores
}

/** The probability that a reply is 服务禁语 (every class but OK_CLASS). */
export function forbiddenProbability(model: LanguageModel, probabilities: readonly number[]): number {
  const ok = model.classes.indexOf(OK_CLASS)
  return ok < 0 ? 0 : 1 - probabilities[ok]
}
