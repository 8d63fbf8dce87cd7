// Issue 13, finding 12: on a fresh clone with DATABASE_URL outside data/, the demo crashed writing
// data/session-secret because the folder did not exist.
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sessionSecret } from './session-secret'

it('creates the folder, writes a 64-hex secret readable by the owner only, and reads it back next time', () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ssa-secret-')), 'data', 'session-secret')
  const secret = sessionSecret({}, file)
  expect(secret).toMatch(/^[0-9a-f]{64}$/)
  expect(statSync(file).mode & 0o777).toBe(0o600)
  expect(sessionSecret({}, file)).toBe(secret)
  expect(readFileSync(file, 'utf8').trim()).toBe(secret)
})

it('prefers SESSION_SECRET from the environment and writes nothing', () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ssa-secret-')), 'data', 'session-secret')
  expect(sessionSecret({ SESSION_SECRET: 'x'.repeat(40) }, file)).toBe('x'.repeat(40))
  expect(() => statSync(file)).toThrow()
})
