// The first sign-in with a one-time password must set a new password before anything else: every guarded page
// sends such a user to /account/password. Called once from requireUser (session.server.ts).
import { redirect } from '@remix-run/node'

export const CHANGE_PASSWORD_PATH = '/account/password'
const ALLOWED_PATHS = new Set([CHANGE_PASSWORD_PATH, '/logout', '/language'])

export function requirePasswordCurrent(user: { mustChangePassword: boolean }, request: { url: string }): void {
  if (!user.mustChangePassword) return
  if (ALLOWED_PATHS.has(new URL(request.url).pathname)) return
  throw redirect(CHANGE_PASSWORD_PATH)
}
