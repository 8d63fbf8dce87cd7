// The signed session cookie and the guards every loader and action calls: requireUser, requireArea,
// requirePersonVisible. The rules themselves are in app/core/permissions.ts.
import { createCookieSessionStorage, redirect } from '@remix-run/node'
import { canEnter, canViewPerson, type Area, type PersonRef } from '~/core/permissions'
import { rememberedPerCookieHeader } from './cookie-memo.server'
import { forbidden } from './responses.server'
import { requirePasswordCurrent } from './password-gate.server'
import { loadSessionUser, type SessionUser } from './people.server'

function sessionSecret(): string {
  const secret = process.env.SESSION_SECRET
  if (secret && secret.length >= 32) return secret
  if (process.env.NODE_ENV === 'production') {
    throw new Error('SESSION_SECRET (32+ characters) must be set; `npm run demo` generates one into data/')
  }
  return 'development-only-secret-not-for-production-use'
}

type SessionData = { userId: string }
let storage: ReturnType<typeof createCookieSessionStorage<SessionData>> | undefined
function sessionStorage() {
  storage ??= createCookieSessionStorage<SessionData>({
    cookie: {
      name: '__ssa_session',
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secrets: [sessionSecret()],
      secure: process.env.NODE_ENV === 'production' && process.env.INSECURE_COOKIES !== '1',
      maxAge: 60 * 60 * 12, // one working day
    },
  })
  return storage
}

async function sessionOf(request: Request) {
  return sessionStorage().getSession(request.headers.get('Cookie'))
}

/** The user id the signed session cookie names (its signature checked once per distinct header). */
export const userIdOf = rememberedPerCookieHeader(async (header): Promise<string | null> => {
  const id = (await sessionStorage().getSession(header)).get('userId')
  return typeof id === 'string' ? id : null
})

/** What the guards need of a loader's or action's arguments. */
export interface RequestScope {
  request: Request
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
    user = userIdOf(request).then((id) => (id ? loadSessionUser(id) : null))
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

/** 403 unless the user may read this person's records. */
export function requirePersonVisible(user: SessionUser, person: PersonRef): void {
  if (!canViewPerson(user.viewer, person)) forbidden('person out of scope')
}

export async function startSession(userId: string, redirectTo: string): Promise<Response> {
  const session = await sessionStorage().getSession()
  session.set('userId', userId)
  return redirect(redirectTo, { headers: { 'Set-Cookie': await sessionStorage().commitSession(session) } })
}

export async function endSession(request: Request): Promise<Response> {
  const session = await sessionOf(request)
  return redirect('/login', { headers: { 'Set-Cookie': await sessionStorage().destroySession(session) } })
}
