// The refusals a loader or action throws; the root error boundary renders them in the user's language.
import type { ZodType } from 'zod'

export function badRequest(detail = 'bad request'): never {
  throw new Response(detail, { status: 400, statusText: 'Bad Request' })
}
export function forbidden(detail = 'forbidden'): never {
  throw new Response(detail, { status: 403, statusText: 'Forbidden' })
}
export function notFound(detail = 'not found'): never {
  throw new Response(detail, { status: 404, statusText: 'Not Found' })
}

/**
 * A unit code (hall, branch, region) the viewer may not open, whether it exists or not: one status and one body
 * for both, so that codes outside one's scope cannot be tried out (docs/decisions/0023-edge-scope-refusals.md).
 */
export function unitRefused(): never {
  forbidden('unit not in your scope')
}

/** Parses route params with a zod schema; a bad shape is a 404 (no such page), never a crash. */
export function parseParams<T>(schema: ZodType<T>, params: unknown): T {
  const parsed = schema.safeParse(params)
  if (!parsed.success) notFound('malformed address')
  return parsed.data
}
