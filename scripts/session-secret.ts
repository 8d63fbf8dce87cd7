// The demo's session secret: SESSION_SECRET, or one generated once into data/session-secret. The folder is
// created first: with DATABASE_URL elsewhere nothing else creates data/ on a fresh clone (issue 13, finding 12).
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export function sessionSecret(env: Record<string, string | undefined> = process.env, file = 'data/session-secret'): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  }
  return readFileSync(file, 'utf8').trim()
}
