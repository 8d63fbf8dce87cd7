// The mentoring limits in effect: content/mentoring.yaml (checked by content:check), or the defaults when the
// file is absent. Read once per process; content:import runs at start, and `forgetMentoringLimits` re-reads.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { DEFAULT_MENTORING_LIMITS, MentoringLimitsSchema, type MentoringLimits } from '~/core/mentoring/limits'

let cached: MentoringLimits | null = null

export function mentoringLimits(root = process.env.CONTENT_DIR ?? 'content'): MentoringLimits {
  if (cached) return cached
  const file = path.join(root, 'mentoring.yaml')
  // A broken file is reported by content:check; the app keeps to the defaults rather than stop serving.
  const parsed = existsSync(file) ? MentoringLimitsSchema.safeParse(parse(readFileSync(file, 'utf8')) ?? {}) : null
  cached = parsed?.success ? parsed.data : DEFAULT_MENTORING_LIMITS
  return cached
}

export function forgetMentoringLimits(): void {
  cached = null
}
