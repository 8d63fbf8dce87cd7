// The shape of an on-the-job checklist template (content/checklists/<id>.yaml; content/README.md documents it):
// items grouped by week, each observable at the counter, optionally linked to a module or a quiz, citing a source.
import { z } from 'zod'
import { Bilingual, Slug, SourceSchema } from '../content/course-schema'

export const ChecklistItemSchema = z
  .object({
    id: Slug,
    title: Bilingual,
    /** What the mentor watches for before signing. */
    observe: Bilingual,
    /** "<course>/<module>": the module that teaches it. */
    module: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'module 应写作「课程/模块」/ write module as course/module').optional(),
    /** A quiz the mentee must have passed before the item can be signed. */
    quiz: Slug.optional(),
    sources: z.array(SourceSchema).min(1, '每一项都要注明来源 / every item cites a source'),
  })
  .strict()

export const ChecklistWeekSchema = z.object({ week: z.number().int().min(1).max(26), title: Bilingual, items: z.array(ChecklistItemSchema).min(1) }).strict()

export const CheckInCadenceSchema = z
  .object({
    /** Weekly check-ins while the pairing is younger than this many days… */
    weeklyForDays: z.number().int().min(0).max(180).default(28),
    /** …then one every this many days. */
    thenEveryDays: z.number().int().min(1).max(60).default(14),
  })
  .strict()

export const ChecklistTemplateSchema = z
  .object({
    id: Slug,
    title: Bilingual,
    summary: Bilingual,
    /** The planned length of a pairing that uses this template; an extension moves the end. */
    durationDays: z.number().int().min(7).max(365).default(90),
    checkIns: CheckInCadenceSchema.default({}),
    weeks: z.array(ChecklistWeekSchema).min(1),
  })
  .strict()

export type ChecklistTemplate = z.infer<typeof ChecklistTemplateSchema>
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>
export type CheckInCadence = z.infer<typeof CheckInCadenceSchema>

/** Every item with the week it belongs to, in order. */
export function itemsOf(template: Pick<ChecklistTemplate, 'weeks'>): Array<ChecklistItem & { week: number }> {
  return template.weeks.flatMap((w) => w.items.map((item) => ({ ...item, week: w.week })))
}

/** Problems the schema cannot see: repeated item ids and weeks out of order. Paths point into the file. */
export function checklistProblems(template: ChecklistTemplate): Array<{ path: Array<string | number>; reason: string }> {
  const problems: Array<{ path: Array<string | number>; reason: string }> = []
  const seen = new Set<string>()
  template.weeks.forEach((week, w) => {
    if (w > 0 && week.week <= template.weeks[w - 1].week) problems.push({ path: ['weeks', w, 'week'], reason: `第 ${week.week} 周排在第 ${template.weeks[w - 1].week} 周之后 / weeks must ascend` })
    week.items.forEach((item, i) => {
      if (seen.has(item.id)) problems.push({ path: ['weeks', w, 'items', i, 'id'], reason: `清单项 id「${item.id}」重复 / duplicate item id` })
      seen.add(item.id)
    })
  })
  return problems
}
