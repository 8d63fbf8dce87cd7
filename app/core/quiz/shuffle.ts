// Owns the seeded randomness of quizzes: a string hash, a seeded shuffle and the opaque ids the client sees.

/** cyrb53 (bryc, public domain): a fast 53-bit string hash; deterministic, not cryptographic. */
export function hashString(text: string, salt = 0): number {
  let h1 = 0xdeadbeef ^ salt
  let h2 = 0x41c6ce57 ^ salt
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ unit, 2654435761)
    h2 = Math.imul(h2 ^ unit, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/** mulberry32: a tiny seeded PRNG returning numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A new array with the items in an order fixed by `seed` (Fisher–Yates); the input is not changed. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const random = mulberry32(hashString(seed))
  const result = [...items]
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const swap = result[i]
    result[i] = result[j]
    result[j] = swap
  }
  return result
}

/**
 * Like `seededShuffle`, but never returns the authored order when there are two or more items (it rotates
 * by one instead): for ordering and matching items the authored order is the answer.
 */
export function shuffleAwayFromAuthoredOrder<T>(items: readonly T[], seed: string): T[] {
  const shuffled = seededShuffle(items, seed)
  const unchanged = shuffled.every((item, index) => item === items[index])
  return unchanged && items.length > 1 ? [...items.slice(1), items[0]] : shuffled
}

/**
 * The id the client sees for an authored id: a hash of the attempt's secret seed and the id, in base 36.
 * The server maps back by recomputing; without the seed the client cannot tell which authored id it is.
 */
export function opaqueId(seed: string, authoredId: string): string {
  return 'o' + base36(hashString(`${seed}\u0000${authoredId}`))
}

const FIVE_DIGITS = 36 ** 5 // below 2^31: both halves of a hash are small integers

/**
 * `n.toString(36)` for a safe non-negative integer, the same digits. V8 converts a number above 2^31 digit by digit
 * in floating point (~2 µs; a real quiz's submit maps ~200 option ids back, a tenth of its CPU); split into two small
 * integers it takes a tenth of that. The digits must stay the same: the ids are in pages already sent.
 */
export function base36(n: number): string {
  if (n < FIVE_DIGITS) return n.toString(36)
  const high = Math.floor(n / FIVE_DIGITS)
  return high.toString(36) + (n - high * FIVE_DIGITS).toString(36).padStart(5, '0')
}

/** The authored id whose opaque id (under `seed`) is `opaque`, or null when none is. */
export function authoredIdOf(seed: string, opaque: string, authoredIds: readonly string[]): string | null {
  return authoredIds.find((id) => opaqueId(seed, id) === opaque) ?? null
}
