// Server-side sessions and the guards every loader and action calls: requireUser, requireArea,
// requirePersonVisible. The cookie carries only a signed random session id; the Session row says whose it is,
// so deleting the row signs that browser out (sign-out, password change, deactivation, "sign out everywhere").
// The rules themselves are in app/core/permissions.ts and app/core/session-expiry.ts.
import { randomBytes } from 'node:crypto'
import { createCookie, redirect } from '@remix-run/node'
import { canEnter, canViewPerson, type Area, type PersonRef } from '~/core/permissions'
import { needsTouch, newSessionTimes, secureCookies, sessionPolicyFrom, sessionState } from '~/core/session-expiry'
import { rememberedPerCookieHeader } from './cookie-memo.server'
import { prisma } from './db.server'
import { requirePasswordCurrent } from './password-gate.server'
import { forbidden, notFound } from './responses.server'
import { sessionWithUser, type SessionUser } from './people.server'
import { touchSession } from './session-touch.server'

function sessionSecret(): string {
  const secret = process.env.SESSION_SECRET
  if (secret && secret.length >= 32) return secret
  if (process.env.NODE_ENV === 'production') {
    throw new Error('SESSION_SECRET (32+ characters) must be set; `npm run demo` generates one into data/')
  }
  return 'development-only-secret-not-for-production-use'
}

const policy = () => sessionPolicyFrom(process.env)

let cookie: ReturnType<typeof createCookie> | undefined
function sessionCookie() {
  cookie ??= createCookie('__ssa_session', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secrets: [sessionSecret()],
    secure: secureCookies(process.env),
    maxAge: Math.round(policy().absoluteHours * 3600),
  })
  return cookie
}

/** The session id the signed cookie carries (its signature checked once per distinct header), or null. */
const sessionIdOf = rememberedPerCookieHeader(async (header): Promise<string | null> => {
  const id: unknown = await sessionCookie().parse(header)
  return typeof id === 'string' && /^[A-Za-z0-9_-]{43}$/.test(id) ? id : null
})

/**
 * The user of a live session, or null. One prepared read of the session row with its user (every page view
 * runs this); forgets a session found expired, and writes "last seen" at most once a minute.
 */
async function userOfSession(id: string, now: Date): Promise<SessionUser | null> {
  const session = await sessionWithUser(id)
  if (!session) return null
  const rules = policy() // read from the environment once per request, not once per rule
  if (sessionState(session, now, rules) !== 'live') {
    await prisma.session.deleteMany({ where: { id } })
    return null
  }
  if (needsTouch(session.lastSeenAt, now, rules)) {
    await touchSession(id, now)
  }
  return session.user()
}

/**
 * What the guards read of a request: its address and its Cookie header. A Fetch `Request` is one; the lean attempt
 * posts (attempt-posts.server.ts) pass a plain object instead, because building an undici Request only to read one
 * header cost more than the session check itself (docs/decisions/0027-perf-save-submit-cpu.md).
 */
export interface GuardRequest {
  url: string
  headers: { get(name: string): string | null }
}

/** What the guards need of a loader's or action's arguments. */
export interface RequestScope {
  request: GuardRequest
  /** The load context: one object per request, the same for the root's and the page's loaders. */
  context: unknown
}

// The root loader and the page's loader run for the same request, each with its own copy of the Request
// (Remix strips its routing parameters): the load context is what they share, so the user is read once.
// (After an action the same request's loaders see the user as the request found them; actions that
// change who is signed in redirect.)
const usersByRequest = new WeakMap<object, Promise<SessionUser | null>>()

/** The signed-in user, or null. */
export function optionalUser({ request, context }: RequestScope): Promise<SessionUser | null> {
  const key = typeof context === 'object' && context !== null ? context : request
  let user = usersByRequest.get(key)
  if (!user) {
    user = sessionIdOf(request).then((id) => (id ? userOfSession(id, new Date()) : null))
    usersByRequest.set(key, user)
  }
  return user
}

/** The signed-in user; otherwise a redirect to /login that comes back here afterwards. */
export async function requireUser(scope: RequestScope): Promise<SessionUser> {
  const user = await optionalUser(scope)
  if (user) {
    requirePasswordCurrent(user, scope.request) // people and organisation: a one-time password is replaced first
    return user
  }
  const url = new URL(scope.request.url)
  const back = url.pathname + url.search
  throw redirect(back && back !== '/' ? `/login?redirectTo=${encodeURIComponent(back)}` : '/login')
}

/** The signed-in user, who must hold a role that opens this area of the app (403 otherwise). */
export async function requireArea(scope: RequestScope, area: Area): Promise<SessionUser> {
  const user = await requireUser(scope)
  if (!canEnter(user.viewer, area)) forbidden(`area ${area}`)
  return user
}

/**
 * 404 unless the user may read this person's records: the same answer, word for word, as for a username
 * that does not exist, so that names cannot be tried out one by one (issue 13, finding 9).
 */
export function requirePersonVisible(user: SessionUser, person: PersonRef): void {
  if (!canViewPerson(user.viewer, person)) notFound('person')
}

/**
 * Opens a new session for this user (a fresh 256-bit id at every sign-in) and returns the Set-Cookie value.
 * The request, when given, supplies the user agent shown in the list of sessions.
 */
export async function createSession(userId: string, request?: Request, now = new Date()): Promise<string> {
  const id = randomBytes(32).toString('base64url')
  const userAgent = request?.headers.get('User-Agent')?.slice(0, 200) ?? null
  await prisma.session.create({ data: { id, userId, userAgent, createdAt: now, ...newSessionTimes(now, policy()) } })
  return sessionCookie().serialize(id)
}

/** Signs in: a new session and a redirect (used by /login, and by tests to get a cookie). */
export async function startSession(userId: string, redirectTo: string, request?: Request): Promise<Response> {
  return redirect(redirectTo, { headers: { 'Set-Cookie': await createSession(userId, request) } })
}

/** The id of the session this request belongs to (for "keep this one" when ending the others), or null. */
export function currentSessionId(request: GuardRequest): Promise<string | null> {
  return sessionIdOf(request)
}

/** Signs this browser out: its session row is deleted and the cookie cleared; then a redirect. */
export async function endSession(request: Request, redirectTo = '/login'): Promise<Response> {
  const id = await sessionIdOf(request)
  if (id) await prisma.session.deleteMany({ where: { id } })
  return redirect(redirectTo, { headers: { 'Set-Cookie': await sessionCookie().serialize('', { maxAge: 0 }) } })
}

/**
 * Signs a person out of every browser (deactivation, password change or reset, an admin's "sign out
 * everywhere"); `except` keeps one session, e.g. the one that just changed its own password. Returns how many.
 */
export async function endAllSessionsOf(userId: string, options: { except?: string | null } = {}): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { userId, ...(options.except ? { id: { not: options.except } } : {}) } })
  return count
}

/** The live sessions of a person, newest first (for the admin's page). */
export async function sessionsOf(userId: string, now = new Date()) {
  const rows = await prisma.session.findMany({
    where: { userId, expiresAt: { gt: now } },
    select: { createdAt: true, lastSeenAt: true, expiresAt: true, userAgent: true },
    orderBy: { lastSeenAt: 'desc' },
  })
  return rows.filter((row) => sessionState(row, now, policy()) === 'live')
}

/** Deletes sessions past their absolute or idle end (server.js calls it every minute through the build). */
export async function sweepExpiredSessions(now = new Date()): Promise<number> {
  const idleSince = new Date(now.getTime() - policy().idleMinutes * 60_000)
  const { count } = await prisma.session.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: idleSince } }] } })
  return count
}
