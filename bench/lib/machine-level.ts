// The machine's level: the CPU time of a fixed piece of work (arithmetic and reads scattered over 8 MB, more than this
// machine's caches), printed before and after each bench. On this shared 2-core virtual machine the same code's CPU
// per request or per row moves up to twice over within minutes, and within one process (decisions 0044, 0047, 0048);
// a figure is comparable with another only when their levels are alike.

const WORDS = 2 * 1024 * 1024 // 8 MB of Int32
const table = new Int32Array(WORDS).map((_, i) => (i * 2654435761) >>> 11)

function fixedWork(): number {
  let at = 1
  let sum = 0
  for (let i = 0; i < 1_500_000; i++) {
    at = (at * 1103515245 + 12345) & (WORDS - 1)
    sum = (sum + table[at] * (i & 15)) | 0
  }
  return sum
}

/** ms of this thread's CPU (the process's, with nothing else running in it) for the fixed work: the median of 7. */
export function machineLevelMs(): number {
  const times: number[] = []
  let keep = 0
  for (let i = 0; i < 7; i++) {
    const before = process.cpuUsage()
    keep ^= fixedWork()
    const used = process.cpuUsage(before)
    times.push((used.user + used.system) / 1000)
  }
  if (keep === 0.5) console.log(keep) // never: keeps the work from being optimised away
  return times.sort((a, b) => a - b)[3]
}
