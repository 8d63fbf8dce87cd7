// Child-process servers for benchmarks and the browser tests (tests/e2e/server-setup.ts): the built app on a
// seeded temp database, or any script, on a free loopback port.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export interface RunningServer {
  baseURL: string
  /** The server's process id (for CPU accounting). */
  pid: number
  stop: () => Promise<void>
}

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

/** Resolves once `url` answers (any status); fails after `ms`, or at once when `child` has exited. */
export async function waitFor(url: string, ms: number, child?: ChildProcess): Promise<void> {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (child && child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode} before answering ${url}`)
    try {
      await fetch(url, { redirect: 'manual' })
      return
    } catch {
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  throw new Error(`server did not answer at ${url}`)
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill()
    })
}

/** Runs `node <args>` from the project root with PORT/HOST set; resolves once `probe` answers. */
export async function startNode(args: string[], env: NodeJS.ProcessEnv, probe = '/'): Promise<RunningServer> {
  const port = await freePort()
  // the server's standard output is dropped, or appended to BENCH_SERVER_STDOUT (e.g. the quiz bench's --trace-opt)
  const stdout = env.BENCH_SERVER_STDOUT ? openSync(env.BENCH_SERVER_STDOUT, 'a') : 'ignore'
  const child = spawn(process.execPath, args, { env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', stdout, 'inherit'] })
  if (typeof stdout === 'number') closeSync(stdout) // the child has its own copy
  const baseURL = `http://127.0.0.1:${port}`
  const stop = stopper(child)
  try {
    // generous: loading the build has taken over 30 s on the shared machine at load 15-20
    await waitFor(baseURL + probe, 120_000, child)
  } catch (error) {
    await stop()
    throw error
  }
  return { baseURL, pid: child.pid ?? 0, stop }
}

/** A process's user + system CPU in seconds, from /proc (clock ticks of 10 ms, USER_HZ = 100 on Linux). */
export function processCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100 // utime + stime
}

export const DEMO_PASSWORD = 'Demo@2026'

/** The production server (server.js + build/) on a fresh temp database seeded by scripts/seed.ts. */
export async function startSeededApp(nodeArgs: string[] = [], afterSeed?: (dbFile: string) => void): Promise<RunningServer & { dbFile: string }> {
  if (!existsSync('build/index.js')) throw new Error('build/index.js is missing: run `npm run build` first')
  if (readFileSync('build/index.js', 'utf8').includes('jsxDEV')) {
    throw new Error('build/index.js is a development build (is `remix dev` running?): run `npm run build` first')
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ssa-bench-'))
  const dbFile = path.join(dir, 'bench.db')
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${dbFile}`,
    SESSION_SECRET: 'bench-secret-0123456789abcdef0123456789',
    DEMO_PASSWORD,
    NODE_ENV: 'production',
  }
  try {
    execFileSync('npx', ['tsx', 'scripts/seed.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] })
    afterSeed?.(dbFile)
    const server = await startNode([...nodeArgs, 'server.js'], env, '/login')
    return {
      ...server,
      dbFile,
      stop: async () => {
        await server.stop()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
}

/** Signs in through the login form; returns the `__ssa_session=…` cookie pair. */
export async function signIn(baseURL: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await fetch(`${baseURL}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password }).toString(),
  })
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('__ssa_session='))
  if (response.status !== 302 || !cookie) throw new Error(`sign-in as ${username} failed: HTTP ${response.status}`)
  return cookie.split(';')[0]
}
