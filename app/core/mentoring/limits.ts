// The mentoring limits trainers may change without code (content/mentoring.yaml): who may mentor, how many
// mentees at once, when a pairing counts as stalled. Defaults are the issue's: ★★★, 2 mentees, 14 days.
import { z } from 'zod'

export const MentoringLimitsSchema = z
  .object({
    /** The lowest star level a mentor must hold. */
    minMentorStars: z.number().int().min(0).max(5).default(3),
    /** Active pairings one mentor may hold at once. */
    maxActiveMentees: z.number().int().min(1).max(10).default(2),
    /** same-hall: the mentor works in the mentee's hall; same-branch with a written reason is the exception. */
    allowSameBranchWithReason: z.boolean().default(true),
    /** Days without a sign-off after which an active pairing is flagged as stalled. */
    stalledAfterDays: z.number().int().min(1).max(90).default(14),
    /** Longest note, observation, reason or reflection, in characters. */
    maxNoteLength: z.number().int().min(50).max(2000).default(500),
  })
  .strict()

export type MentoringLimits = z.infer<typeof MentoringLimitsSchema>

export const DEFAULT_MENTORING_LIMITS: MentoringLimits = MentoringLimitsSchema.parse({})
