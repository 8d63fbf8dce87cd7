// How a stored password hash is written and read. New hashes are scrypt in the PHC string format
// (`$scrypt$ln=15,r=8,p=1$<salt>$<key>`, base64 without padding), so each hash carries its own parameters and a
// stronger setting later only needs the rehash at sign-in. bcrypt hashes from before (issue 13) are still read.

export interface ScryptParams {
  /** log2 of N, scrypt's CPU and memory cost (memory = 128 × N × r bytes). */
  ln: number
  /** Block size. */
  r: number
  /** Parallelisation (Node computes the p lanes one after another, so time grows with p). */
  p: number
}

export type StoredHash =
  | { kind: 'scrypt'; params: ScryptParams; salt: string; key: string }
  | { kind: 'bcrypt'; cost: number }

/**
 * The bounds a stored hash must keep to be read at all: a hash with ln=30 would ask for 128 GB. A value outside
 * them is treated like garbage (it never matches), not computed.
 */
export const SCRYPT_BOUNDS = { ln: [10, 20], r: [1, 32], p: [1, 16], saltBytes: [16, 64], keyBytes: [32, 64] } as const

const BASE64 = /^[A-Za-z0-9+/]+$/
const SCRYPT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([^$]+)\$([^$]+)$/
const BCRYPT = /^\$2[abxy]?\$(\d{2})\$[./A-Za-z0-9]{53}$/

const within = (value: number, [low, high]: readonly [number, number]) => value >= low && value <= high
/** Bytes in an unpadded base64 text, or -1 when it is not one. */
const base64Bytes = (text: string) => (BASE64.test(text) && text.length % 4 !== 1 ? Math.floor((text.length * 3) / 4) : -1)

export function parseStoredHash(stored: string): StoredHash | null {
  const bcrypt = BCRYPT.exec(stored)
  if (bcrypt) {
    const cost = Number(bcrypt[1])
    return within(cost, [4, 31]) ? { kind: 'bcrypt', cost } : null
  }
  const scrypt = SCRYPT.exec(stored)
  if (!scrypt) return null
  const [ln, r, p] = [scrypt[1], scrypt[2], scrypt[3]].map(Number)
  const [salt, key] = [scrypt[4], scrypt[5]]
  const ok =
    within(ln, SCRYPT_BOUNDS.ln) &&
    within(r, SCRYPT_BOUNDS.r) &&
    within(p, SCRYPT_BOUNDS.p) &&
    within(base64Bytes(salt), SCRYPT_BOUNDS.saltBytes) &&
    within(base64Bytes(key), SCRYPT_BOUNDS.keyBytes)
  return ok ? { kind: 'scrypt', params: { ln, r, p }, salt, key } : null
}

export function formatScryptHash(params: ScryptParams, salt: string, key: string): string {
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${salt}$${key}`
}

/** True when a hash that just matched should be written again with `target`: bcrypt, or scrypt weaker than it. */
export function needsRehash(stored: StoredHash, target: ScryptParams): boolean {
  if (stored.kind === 'bcrypt') return true
  const { ln, r, p } = stored.params
  return ln < target.ln || r < target.r || p < target.p
}
