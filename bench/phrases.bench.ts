// 服务禁语 detector: precision and recall on the labelled set, and replies checked per second on one core.
import { readFileSync } from 'node:fs'
import { parseLabelledReplies, scoreDetector } from '../app/core/phrases.ts'
import { loadForbiddenPhrases } from '../app/server/phrases.server.ts'
import { detectorThroughput } from './lib/phrases-throughput.ts'
import { benchLine, type Bench } from './report.ts'

const bench: Bench = async (print) => {
  const compiled = loadForbiddenPhrases('content/phrases/forbidden.yaml')
  const labelled = parseLabelledReplies(readFileSync('tests/fixtures/phrases/labelled.tsv', 'utf8'))
  const score = scoreDetector(labelled, compiled)
  print(benchLine('phrases-precision', score.precision, 'ratio', { op: '>=', value: 0.95 }))
  print(benchLine('phrases-recall', score.recall, 'ratio', { op: '>=', value: 0.8 }))

  const median = detectorThroughput(compiled, labelled.map((reply) => reply.text))
  print(benchLine('phrases-throughput', median, 'replies/s', { op: '>=', value: 10_000 }))
}

export default bench
