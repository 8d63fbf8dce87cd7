// How many replies the 服务禁语 detector checks per second on one core (median of several runs after a warm-up).
import { performance } from 'node:perf_hooks'
import { findForbiddenPhrases, type CompiledPhraseList } from '../../app/core/phrases.ts'

export function detectorThroughput(compiled: CompiledPhraseList, sample: readonly string[], perRun = 200_000, runs = 5): number {
  const replies = Array.from({ length: perRun }, (_, i) => sample[i % sample.length])
  let hitsSeen = 0 // summed so the work cannot be optimised away
  const checkAll = () => {
    for (const reply of replies) hitsSeen += findForbiddenPhrases(reply, compiled).length
  }
  checkAll() // warm-up: let the JIT settle before timing
  const rates: number[] = []
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    checkAll()
    rates.push(perRun / ((performance.now() - started) / 1000))
  }
  if (hitsSeen === 0) throw new Error('the detector found nothing in the sample')
  return Math.round(rates.sort((a, b) => a - b)[Math.floor(runs / 2)])
}

/**
 * Replies checked per second of this process's own CPU time (user + system): on a shared machine the wall-clock
 * rate mostly measures the other processes; this one measures the detector.
 */
export function detectorCpuThroughput(compiled: CompiledPhraseList, sample: readonly string[], perRun = 10_000): number {
  let hitsSeen = 0
  for (const reply of sample) hitsSeen += findForbiddenPhrases(reply, compiled).length // warm-up
  const before = process.cpuUsage()
  for (let i = 0; i < perRun; i++) hitsSeen += findForbiddenPhrases(sample[i % sample.length], compiled).length
  const used = process.cpuUsage(before)
  if (hitsSeen === 0) throw new Error('the detector found nothing in the sample')
  return Math.round(perRun / ((used.user + used.system) / 1e6))
}
