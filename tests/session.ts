// Requests as a signed-in user would send them, for calling loaders and actions directly.
import { startSession } from '~/server/session.server'
import type { PrismaClient } from '~/generated/prisma/client'

export async function cookieFor(db: PrismaClient, username: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { username }, select: { id: true } })
  const response = await startSession(user.id, '/')
  return (response.headers.get('Set-Cookie') ?? '').split(';')[0]
}

export function requestAs(cookie: string | null, url: string, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers)
  if (cookie) headers.set('Cookie', cookie)
  return new Request(new URL(url, 'http://localhost'), { ...init, headers })
}

/** Runs a loader or action and returns the Response it threw or returned (refusals are thrown). */
export async function outcome(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run()
    if (result instanceof Response) return result
    throw new Error(`expected a Response, got ${typeof result}`)
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}
