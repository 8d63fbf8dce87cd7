// The star ladder as trainers write it in content/stars.yaml: five levels, each with requirements of the
// registered kinds, validity, the renewal grace period and the 服务明星 weights. Checks beyond the shape
// (thresholds going down, references) are in ladder-check.ts.
import { z } from 'zod'
import { LocalizedTextSchema } from '../quiz/schema-parts'
import { RequirementSchema } from './registry'

export const STAR_LEVELS = [1, 2, 3, 4, 5] as const
export type StarLevel = (typeof STAR_LEVELS)[number]

const LevelSchema = z
  .object({
    level: z.number().int().min(1).max(5),
    title: LocalizedTextSchema,
    /** Who approves: the hall manager, or a manager of the branch (or above). */
    approver: z.enum(['hall', 'branch']),
    validityMonths: z.number().int().min(1).max(60).optional(),
    requirements: z.array(RequirementSchema).min(1),
  })
  .strict()

export const StarOfMonthSchema = z
  .object({
    /** A clerk with fewer ratings in the month is not shortlisted. */
    minRatings: z.number().int().min(0).default(20),
    /** How much each part weighs in the rank; the parts are each on 0–100. */
    weights: z
      .object({ satisfaction: z.number().min(0), inspection: z.number().min(0), quiz: z.number().min(0) })
      .strict()
      .refine((w) => w.satisfaction + w.inspection + w.quiz > 0, '权重之和必须大于 0 / the weights must not all be 0'),
    shortlist: z.number().int().min(1).max(20).default(5),
  })
  .strict()

export const LadderSchema = z
  .object({
    validityMonths: z.number().int().min(1).max(60).default(12),
    renewalGraceDays: z.number().int().min(0).max(365).default(60),
    reminderDays: z.array(z.number().int().min(1).max(365)).min(1).default([60, 30, 7]),
    levels: z.array(LevelSchema).length(5, '必须正好有五个星级（1–5）/ exactly five levels'),
    starOfMonth: StarOfMonthSchema,
  })
  .strict()
  .superRefine((ladder, ctx) => {
    ladder.levels.forEach((l, index) => {
      if (l.level !== index + 1) ctx.addIssue({ code: 'custom', path: ['levels', index, 'level'], message: `应为第 ${index + 1} 级 / expected level ${index + 1}` })
    })
  })

export type Ladder = z.infer<typeof LadderSchema>
export type LadderLevel = Ladder['levels'][number]
export type StarOfMonthRules = Ladder['starOfMonth']

export function validityMonthsOf(ladder: Ladder, level: number): number {
  return ladder.levels[level - 1]?.validityMonths ?? ladder.validityMonths
}

/** Every course a certificate at this level rests on (levels are cumulative). */
export function coursesUpTo(ladder: Ladder, level: number, referencesOf: (r: LadderLevel['requirements'][number]) => { courses: string[] }): string[] {
  return [...new Set(ladder.levels.slice(0, level).flatMap((l) => l.requirements.flatMap((r) => referencesOf(r).courses)))]
}
