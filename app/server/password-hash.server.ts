// Password hashing: scrypt from node:crypto, whose callback form runs on libuv's threadpool, so a sign-in no
// longer holds the main thread for ~90 ms as bcryptjs (pure JavaScript) did. Parameters and measurements:
// docs/decisions/0025-auth-scrypt-and-findings-proof.md. bcrypt hashes written before still verify, and the
// sign-in that proves one right writes it again as scrypt (see auth.server.ts).
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import bcrypt from 'bcryptjs'
import { formatScryptHash, needsRehash, parseStoredHash, type ScryptParams } from '~/core/password/hash-format'

/** Every password a person chose: N = 2^15 (32 MiB), r = 8, p = 1. */
export const PASSWORD_SCRYPT: ScryptParams = { ln: 15, r: 8, p: 1 }
/**
 * One-time passwords carry 60 random bits, so guessing stays hopeless at a far lower cost (N = 2^10, 1 MiB), and
 * an import of 2 000 accounts does not spend minutes hashing. They are rehashed at full cost at the first sign-in
 * and replaced at the forced password change.
 */
export const ONE_TIME_SCRYPT: ScryptParams = { ln: 10, r: 8, p: 1 }

const SALT_BYTES = 16
const KEY_BYTES = 32

function derive(password: string, salt: Buffer, params: ScryptParams, keyBytes: number): Promise<Buffer> {
  const N = 2 ** params.ln
  // Node refuses above 32 MiB by default; allow what these parameters need, with room to spare.
  const maxmem = 128 * N * params.r * params.p + 2 * 1024 * 1024
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyBytes, { N, r: params.r, p: params.p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )
}

const toBase64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '')

export async function hashPassword(password: string, params: ScryptParams = PASSWORD_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  return formatScryptHash(params, toBase64(salt), toBase64(await derive(password, salt, params, KEY_BYTES)))
}

// Compared against when the account is unknown or its hash unreadable, so that answer takes as long as a real one.
let dummy: Promise<string> | undefined
const dummyHash = () => (dummy ??= hashPassword(randomBytes(18).toString('base64')))

export interface Verdict {
  matches: boolean
  /** The password matched a hash weaker than PASSWORD_SCRYPT (bcrypt, or a one-time password's): write it again. */
  rehash: boolean
}

/** Checks a password against a stored hash (`null`: no such account — the same work is done, and it fails). */
export async function verifyPassword(password: string, stored: string | null): Promise<Verdict> {
  const parsed = stored === null ? null : parseStoredHash(stored)
  if (parsed === null) {
    await verifyPassword(password, await dummyHash())
    return { matches: false, rehash: false }
  }
  let matches: boolean
  if (parsed.kind === 'bcrypt') {
    matches = await bcrypt.compare(password, stored!)
  } else {
    const expected = Buffer.from(parsed.key, 'base64')
    const actual = await derive(password, Buffer.from(parsed.salt, 'base64'), parsed.params, expected.length)
    matches = timingSafeEqual(actual, expected)
  }
  return { matches, rehash: matches && needsRehash(parsed, PASSWORD_SCRYPT) }
}
