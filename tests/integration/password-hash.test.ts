// Issue 13, sign-in hashing: scrypt written everywhere a password is set, bcrypt hashes from before still verify
// and become scrypt at the next right sign-in (in the transaction that refunds its charge), a wrong password
// against a bcrypt hash is still charged to the limit.
import bcrypt from 'bcryptjs'
import { parseStoredHash } from '~/core/password/hash-format'
import { changeOwnPassword, resetPassword } from '~/server/accounts.server'
import { signIn } from '~/server/auth.server'
import { loadSessionUser } from '~/server/people.server'
import { PASSWORD_SCRYPT, ONE_TIME_SCRYPT, verifyPassword } from '~/server/password-hash.server'
import { seedDemo } from '~/server/seed/demo.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'

let db: PrismaClient
const now = new Date('2026-11-25T02:00:00Z')
const hashOf = async (username: string) => (await db.user.findUniqueOrThrow({ where: { username }, select: { passwordHash: true } })).passwordHash
const kindOf = async (username: string) => parseStoredHash(await hashOf(username))

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now })
})
afterAll(() => db.$disconnect())
beforeEach(() => db.signInFailure.deleteMany())

it('seeds scrypt hashes at the full cost, one shared hash for the demo accounts', async () => {
  expect(await kindOf('clerk01')).toMatchObject({ kind: 'scrypt', params: PASSWORD_SCRYPT })
  expect(await hashOf('clerk01')).toBe(await hashOf('admin'))
})

it('signs a bcrypt account in and rewrites its hash as scrypt, refunding the charge', async () => {
  await db.user.update({ where: { username: 'clerk07' }, data: { passwordHash: await bcrypt.hash('Test@2026', 10) } })
  expect((await signIn('clerk07', 'Test@2026', '10.7.0.1', now)).ok).toBe(true)
  expect(await kindOf('clerk07')).toMatchObject({ kind: 'scrypt', params: PASSWORD_SCRYPT })
  expect(await db.signInFailure.count()).toBe(0)
  // and the new hash signs in as well, without another rewrite
  const rehashed = await hashOf('clerk07')
  expect((await signIn('clerk07', 'Test@2026', '10.7.0.1', now)).ok).toBe(true)
  expect(await hashOf('clerk07')).toBe(rehashed)
})

it('charges a wrong password against a bcrypt hash to the limit and leaves the hash as it was', async () => {
  const old = await bcrypt.hash('Test@2026', 10)
  await db.user.update({ where: { username: 'clerk08' }, data: { passwordHash: old } })
  for (let i = 0; i < 5; i++) expect(await signIn('clerk08', `wrong${i}`, '10.8.0.1', now)).toEqual({ ok: false, reason: 'invalid' })
  expect(await signIn('clerk08', 'Test@2026', '10.8.0.1', now)).toMatchObject({ ok: false, reason: 'locked' })
  expect(await db.signInFailure.count({ where: { key: { startsWith: 'pair:clerk08|' } } })).toBe(5)
  expect(await hashOf('clerk08')).toBe(old)
})

it('refuses an account whose hash is unreadable, like a wrong password', async () => {
  await db.user.update({ where: { username: 'clerk09' }, data: { passwordHash: 'x' } })
  expect(await signIn('clerk09', 'x', '10.9.0.1', now)).toEqual({ ok: false, reason: 'invalid' })
  expect(await hashOf('clerk09')).toBe('x')
})

it('an admin reset writes a one-time scrypt hash, rewritten at full cost by the first sign-in', async () => {
  const admin = (await loadSessionUser((await db.user.findUniqueOrThrow({ where: { username: 'admin' } })).id))!
  const { oneTimePassword } = await resetPassword(admin.viewer, 'clerk10', now)
  expect(await kindOf('clerk10')).toMatchObject({ kind: 'scrypt', params: ONE_TIME_SCRYPT })
  expect((await signIn('clerk10', oneTimePassword, '10.10.0.1', now)).ok).toBe(true)
  expect(await kindOf('clerk10')).toMatchObject({ kind: 'scrypt', params: PASSWORD_SCRYPT })
  expect((await verifyPassword(oneTimePassword, await hashOf('clerk10'))).matches).toBe(true)
})

it('a password change checks a bcrypt hash and writes scrypt', async () => {
  await db.user.update({ where: { username: 'clerk11' }, data: { passwordHash: await bcrypt.hash('Test@2026', 10) } })
  const { id } = await db.user.findUniqueOrThrow({ where: { username: 'clerk11' } })
  expect(await changeOwnPassword(id, 'Test@2026', 'Lotus-Hall-2027', now)).toEqual({ ok: true })
  expect(await kindOf('clerk11')).toMatchObject({ kind: 'scrypt', params: PASSWORD_SCRYPT })
  expect((await signIn('clerk11', 'Lotus-Hall-2027', '10.11.0.1', now)).ok).toBe(true)
})

it('a second seed turns a bcrypt demo hash into scrypt, keeping a password someone changed', async () => {
  const shared = await bcrypt.hash('Test@2026', 4)
  await db.user.updateMany({ where: { username: { in: ['admin', 'clerk12'] } }, data: { passwordHash: shared } })
  const own = await hashOf('clerk11') // changed in the test above
  await seedDemo(db, { password: 'Test@2026', now })
  expect(await kindOf('admin')).toMatchObject({ kind: 'scrypt', params: PASSWORD_SCRYPT })
  expect(await hashOf('clerk12')).toBe(await hashOf('admin'))
  expect(await hashOf('clerk11')).toBe(own)
})
