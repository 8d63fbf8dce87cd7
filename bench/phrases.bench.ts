// 服务禁语 detector: precision and recall on the labelled set, and replies checked per second on one core.
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { findForbiddenPhrases, parseLabelledReplies, scoreDetector } from '../app/core/phrases.ts'
import { loadForbiddenPhrases } from '../app/server/phrases.server.ts'
import { benchLine, type Bench } from './report.ts'

const REPLIES_PER_RUN = 200_000
const RUNS = 5

const bench: Bench = async (print) => {
  const compiled = loadForbiddenPhrases('content/phrases/forbidden.yaml')
  const labelled = parseLabelledReplies(readFileSync('tests/fixtures/phrases/labelled.tsv', 'utf8'))
  const score = scoreDetector(labelled, compiled)
  print(benchLine('phrases-precision', score.precision, 'ratio', { op: '>=', value: 0.95 }))
  print(benchLine('phrases-recall', score.recall, 'ratio', { op: '>=', value: 0.8 }))

  const replies = Array.from({ length: REPLIES_PER_RUN }, (_, i) => labelled[i % labelled.length].text)
  let hitsSeen = 0 // summed so the work cannot be optimised away
  const checkAll = () => {
    for (const reply of replies) hitsSeen += findForbiddenPhrases(reply, compiled).length
  }
  checkAll() // warm-up: let the JIT settle before timing
  const rates: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now()
    checkAll()
    rates.push(REPLIES_PER_RUN / ((performance.now() - started) / 1000))
  }
  rates.sort((a, b) => a - b)
  const median = Math.round(rates[Math.floor(RUNS / 2)])
  if (hitsSeen === 0) throw new Error('the detector found nothing in the labelled set')
  print(benchLine('phrases-throughput', median, 'replies/s', { op: '>=', value: 10_000 }))
}

export default bench
