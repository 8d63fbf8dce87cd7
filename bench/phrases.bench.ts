// 服务禁语 detector: 5-fold cross-validation on the corpus, the held-out split (aggregate figures only: see
// content/phrases/holdout/README.md), and replies checked per second on one core with the trained detector.
import { CATEGORY_CLASSES, crossValidate, scorePolicy } from '../app/core/language/cross-validation.ts'
import { aggregateScore } from '../app/core/language/evaluation.ts'
import { findForbiddenPhrases } from '../app/core/phrases.ts'
import { loadHoldout, loadTrainingData, SHORT_HOLDOUT_FILE } from '../app/server/language-corpus.server.ts'
import { loadForbiddenPhrases } from '../app/server/phrases.server.ts'
import { detectorCpuThroughput, detectorThroughput } from './lib/phrases-throughput.ts'
import { benchLine, type Bench } from './report.ts'

const bench: Bench = async (print) => {
  const compiled = loadForbiddenPhrases('content/phrases/forbidden.yaml')
  const policy = compiled.detector?.policy
  if (!policy) throw new Error('content/phrases/detector.json is missing: npm run language:train')

  const data = loadTrainingData()
  const cv = scorePolicy(crossValidate(data.cases, 5, data.fixture), policy)
  print(benchLine('phrases-cv5-precision', cv.precision, 'ratio', { op: '>=', value: 0.95 }))
  print(benchLine('phrases-cv5-recall', cv.recall, 'ratio', { op: '>=', value: 0.9 }))

  // two held-out splits, each written apart by someone who never saw the detector: replies of every length, and
  // short counter replies (2–14 characters), where a word or two decides
  // (scored on the replies not also in the training data: a short reply may have been written twice)
  const training = new Set([...data.cases, ...data.fixture].map((reply) => reply.text))
  for (const [name, file] of [['holdout', undefined], ['holdout-short', SHORT_HOLDOUT_FILE]] as const) {
    const unseen = loadHoldout(file).filter((reply) => !training.has(reply.text))
    const holdout = aggregateScore(unseen, (text) => {
      const hits = findForbiddenPhrases(text, compiled)
      return { flagged: hits.length > 0, category: hits[0]?.category ?? null }
    })
    print(benchLine(`phrases-${name}-replies`, holdout.replies, 'replies'))
    print(benchLine(`phrases-${name}-precision`, holdout.precision, 'ratio', { op: '>=', value: 0.95 }))
    print(benchLine(`phrases-${name}-recall`, holdout.recall, 'ratio', { op: '>=', value: 0.9 }))
    CATEGORY_CLASSES.forEach((category, index) =>
      print(benchLine(`phrases-${name}-recall-c${index + 1}-${category}`, holdout.recallByCategory[category] ?? 0, 'ratio')),
    )
    print(benchLine(`phrases-${name}-category-agreement`, holdout.categoryAgreement, 'ratio'))
  }

  const median = detectorThroughput(compiled, data.cases.map((reply) => reply.text), 10_000, 3)
  print(benchLine('phrases-throughput', median, 'replies/s', { op: '>=', value: 10_000 }))
  const perCpuSecond = detectorCpuThroughput(compiled, data.cases.map((reply) => reply.text))
  print(benchLine('phrases-throughput-cpu', perCpuSecond, 'replies/cpu-s', { op: '>=', value: 10_000 }))
  // per reply, for comparing runs on a machine whose load changes: wall clock and this process's CPU time
  print(benchLine('phrases-wall-per-reply', Math.round(1e7 / median) / 10, 'µs'))
  print(benchLine('phrases-cpu-per-reply', Math.round(1e7 / perCpuSecond) / 10, 'µs', { op: '<=', value: 100 }))
}

export default bench
