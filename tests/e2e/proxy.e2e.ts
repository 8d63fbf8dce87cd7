// Behind a reverse proxy: with TRUST_PROXY the sign-in limit counts the client's address from
// X-Forwarded-For; without it the header is ignored, so writing it does not spread guesses over addresses.
// Each case gets its own server and database (locking 127.0.0.1 on the shared test server would lock every
// other test out).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort, waitFor } from './server-setup'

const dir = mkdtempSync(path.join(os.tmpdir(), 'ssa-proxy-'))
const seeded = path.join(dir, 'seeded.db')
const baseEnv: NodeJS.ProcessEnv = {
  ...process.env,
  SESSION_SECRET: 'proxy-secret-0123456789abcdef0123456789',
  DEMO_PASSWORD: 'Demo@2026',
  NODE_ENV: 'production',
}
const servers: ChildProcess[] = []

beforeAll(() => {
  execFileSync('npx', ['tsx', 'scripts/seed.ts'], { env: { ...baseEnv, DATABASE_URL: `file:${seeded}` }, stdio: ['ignore', 'ignore', 'inherit'] })
})
afterAll(() => {
  for (const server of servers) server.kill()
  rmSync(dir, { recursive: true, force: true })
})

async function startServer(name: string, extra: Record<string, string>): Promise<string> {
  const db = path.join(dir, `${name}.db`)
  copyFileSync(seeded, db)
  const port = await freePort()
  const env = { ...baseEnv, ...extra, DATABASE_URL: `file:${db}`, PORT: String(port), HOST: '127.0.0.1' }
  servers.push(spawn(process.execPath, ['server.js'], { env, stdio: 'inherit' }))
  const base = `http://127.0.0.1:${port}`
  await waitFor(`${base}/login`, 30_000)
  return base
}

function signIn(base: string, username: string, password: string, forwardedFor: string) {
  return fetch(`${base}/login`, {
    method: 'POST',
    headers: { 'X-Forwarded-For': forwardedFor },
    body: new URLSearchParams({ username, password }),
    redirect: 'manual',
  })
}

/** 6 wrong passwords for clerk01 (past the 5 free ones of a username and address), sent with `forwardedFor(i)`. */
async function guess(base: string, forwardedFor: (i: number) => string) {
  for (let i = 0; i < 6; i++) {
    const response = await signIn(base, 'clerk01', 'wrong', forwardedFor(i))
    expect(response.status).toBe(i < 5 ? 401 : 429)
  }
}

it('with TRUST_PROXY=loopback the limit holds the forwarded address, not the proxy', async () => {
  const base = await startServer('trusted', { TRUST_PROXY: 'loopback' })
  await guess(base, () => '203.0.113.7')
  expect((await signIn(base, 'clerk01', 'Demo@2026', '203.0.113.7')).status).toBe(429)
  // the clerk herself, behind the same proxy from another address, signs in
  expect((await signIn(base, 'clerk01', 'Demo@2026', '203.0.113.8')).status).toBe(302)
})

it('without TRUST_PROXY a written X-Forwarded-For does not spread the guesses over addresses', async () => {
  const base = await startServer('untrusted', {})
  // were each header believed, every guess would be its first from that address and answer 401
  await guess(base, (i) => `198.51.100.${i + 1}`)
  expect((await signIn(base, 'clerk01', 'Demo@2026', '198.51.100.200')).status).toBe(429)
})
