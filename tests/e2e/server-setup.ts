// Starts the built app on a free port with a freshly seeded database, for the whole browser run.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

export async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms
  while (Date.now() < until) {
    try {
      await fetch(url, { redirect: 'manual' })
      return
    } catch {
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  throw new Error(`server did not answer at ${url}`)
}

export default async function setup({ provide }: { provide: (key: string, value: string) => void }) {
  if (!existsSync('build/index.js')) throw new Error('build/index.js is missing: run `npm run build` first')
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ssa-e2e-'))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${path.join(dir, 'e2e.db')}`,
    SESSION_SECRET: 'e2e-secret-0123456789abcdef0123456789',
    DEMO_PASSWORD: 'Demo@2026',
    NODE_ENV: 'production' as const,
    INSECURE_COOKIES: '1',
  }
  execFileSync('npx', ['tsx', 'scripts/seed.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] })
  const port = await freePort()
  const server = spawn(process.execPath, ['server.js'], { env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'inherit' })
  const baseURL = `http://127.0.0.1:${port}`
  await waitFor(`${baseURL}/login`, 30_000)
  provide('baseURL', baseURL)
  // journeys that need a state no form can make (a due day in the past) set it in this file directly
  provide('databaseFile', path.join(dir, 'e2e.db'))
  return () => {
    server.kill()
    rmSync(dir, { recursive: true, force: true })
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
    databaseFile: string
  }
}
