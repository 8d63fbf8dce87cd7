// Issue 13 against the built server, as an attacker would send it: bodies, redirects, sessions, headers.
import http from 'node:http'
import { inject } from 'vitest'
import { signInHttp } from './http'

const base = () => inject('baseURL')

function post(path: string, body: BodyInit | null, headers: Record<string, string> = {}) {
  return fetch(`${base()}${path}`, { method: 'POST', headers, body, redirect: 'manual' })
}

/** A raw request, for headers fetch would refuse to send. */
function raw(path: string, headers: Record<string, string>): Promise<number> {
  const url = new URL(base())
  return new Promise((resolve, reject) => {
    const request = http.request({ host: url.hostname, port: url.port, path, method: 'GET', headers }, (response) => {
      response.resume()
      resolve(response.statusCode ?? 0)
    })
    request.on('error', reject)
    request.end()
  })
}

describe('finding 2: no open redirect after sign-in or a language switch', () => {
  it.each(['/\t/evil.example', '/\n/evil.example', '//evil.example', '/\\evil.example'])('%j stays on this site', async (target) => {
    const response = await post('/login', new URLSearchParams({ username: 'trainer02', password: 'Demo@2026', redirectTo: target }))
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/trainer')
    const language = await post('/language', new URLSearchParams({ language: 'en', redirectTo: target }))
    expect(language.headers.get('Location')).toBe('/')
  })
})

describe('finding 3: sign-out ends the session on the server', () => {
  it('the cookie from before sign-out opens nothing afterwards', async () => {
    const session = await signInHttp('clerk21')
    expect((await session.get('/learn')).status).toBe(200)
    await session.post('/logout', {})
    const after = await session.get('/learn')
    expect(after.status).toBe(302)
    expect(after.headers.get('Location')).toMatch(/^\/login/)
  })
})

describe('finding 4: a body cap before Remix reads anything', () => {
  it('a declared 100 MB body is refused at once', async () => {
    let status: number | string
    try {
      const response = await post('/login', new Uint8Array(0), { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(100 * 1024 * 1024) })
      status = response.status
    } catch {
      status = 'closed'
    }
    expect([413, 'closed']).toContain(status)
  })

  it('a 1 MB form is refused with 413', async () => {
    const response = await post('/login', new URLSearchParams({ username: 'clerk01', password: 'x'.repeat(1024 * 1024) }))
    expect(response.status).toBe(413)
  })
})

describe('finding 7: malformed requests are a 400, not a 500', () => {
  it('a JSON body to /login', async () => {
    expect((await post('/login', '{"username":"clerk01","password":"x"}', { 'Content-Type': 'application/json' })).status).toBe(400)
  })
  it('a broken multipart body', async () => {
    expect((await post('/login', '--x\r\nContent-Disposition: form-data; name="username"\r\n\r\nclerk01', { 'Content-Type': 'multipart/form-data; boundary=x' })).status).toBe(400)
  })
  it('redirectTo=/%0A', async () => {
    const response = await post('/login', new URLSearchParams({ username: 'trainer02', password: 'Demo@2026', redirectTo: '/\n' }))
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/trainer')
  })
  it('a Host header that is not a host', async () => {
    expect(await raw('/login', { Host: 'bad host[' })).toBe(400)
  })
})
