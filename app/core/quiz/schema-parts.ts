// Owns the schema pieces quiz and scenario files share: slugs, texts, the item base, unique ids, picking a schema by field.
import { z } from 'zod'

/**
 * A schema that parses with `choose(raw)`'s schema. Issues keep their paths (zod prefixes the position of
 * the value), so an error inside the third node still points at ['nodes', 2, …].
 */
export function dispatchSchema<Out>(
  choose: (raw: unknown) => z.ZodType<Out, z.ZodTypeDef, unknown>,
): z.ZodType<Out, z.ZodTypeDef, unknown> {
  return z.unknown().transform((raw, ctx): Out => {
    const result = choose(raw).safeParse(raw)
    if (result.success) return result.data
    for (const issue of result.error.issues) ctx.addIssue(issue)
    return z.NEVER
  })
}

/** The value of `key` when `raw` is a plain object, else undefined. */
export function fieldOf(raw: unknown, key: string): unknown {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>)[key] : undefined
}

/** Ids are stable slugs (content/README.md). */
export const SlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id 必须是 slug：小写字母、数字和连字符')

/** Text a clerk reads: not empty after trimming. */
// YAML reads an unquoted 0, 4 or true as a number or boolean: say so rather than "expected string".
export const TextSchema = z
  .string({ required_error: '不能为空', invalid_type_error: '应为文字；数字或 true/false 当文字用时请加引号，如 "0"' })
  .trim()
  .min(1, '不能为空')

/** A title or summary in both languages. */
export const LocalizedTextSchema = z.object({ zh: TextSchema, en: TextSchema }).strict()
export type LocalizedText = z.infer<typeof LocalizedTextSchema>

/** The fields every quiz item may have (see content/README.md); each item type adds `type` and its own. */
export const itemBaseShape = {
  id: SlugSchema,
  module: SlugSchema.optional(),
  points: z.number().finite().positive('分值必须大于 0'),
  feedback: TextSchema.optional(),
}

/** Adds an issue at `[...path, index, 'id']` for every id already used earlier in `list`. */
export function requireUniqueIds(list: readonly { id: string }[], path: (string | number)[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>()
  list.forEach((entry, index) => {
    if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', path: [...path, index, 'id'], message: `id「${entry.id}」重复` })
    seen.add(entry.id)
  })
}
