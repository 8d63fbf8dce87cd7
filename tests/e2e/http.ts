// Plain HTTP against the test server, as a signed-in user (no browser): for checks on raw responses.
import { inject } from 'vitest'

export interface Session {
  cookie: string
  get(path: string): Promise<Response>
  post(path: string, fields: Record<string, string>): Promise<Response>
}

export async function signInHttp(username: string, password = 'Demo@2026'): Promise<Session> {
  const base = inject('baseURL')
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    body: new URLSearchParams({ username, password }),
    redirect: 'manual',
  })
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]
  if (!cookie.startsWith('__ssa_session=')) throw new Error(`sign-in as ${username} failed: ${response.status}`)
  return {
    cookie,
    get: (path) => fetch(`${base}${path}`, { headers: { cookie }, redirect: 'manual' }),
    post: (path, fields) => fetch(`${base}${path}`, { method: 'POST', headers: { cookie }, body: new URLSearchParams(fields), redirect: 'manual' }),
  }
}
