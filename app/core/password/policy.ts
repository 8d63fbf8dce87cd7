// What a new password must be: long enough (or a Chinese passphrase), not one of the 10 000 most common
// passwords, not built on the 工号, and at most 72 bytes (what bcrypt read; kept with scrypt as a cap on the work).
import commonPasswords from './common-passwords.json'

export const PASSWORD_POLICY = {
  minLength: 10,
  /** A passphrase of Chinese characters carries far more per character than letters do: six is enough. */
  minChineseCharacters: 6,
  /** bcrypt ignored every byte after the 72nd; scrypt reads them all, but the cap stays (old hashes, hashing work). */
  maxBytes: 72,
  minDistinctCharacters: 4,
} as const

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_username' | 'repetitive'

const COMMON = new Set<string>(commonPasswords)

const CHINESE = /\p{Script=Han}/gu

export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = []
  const characters = [...password]
  const chinese = password.match(CHINESE)?.length ?? 0
  if (characters.length < PASSWORD_POLICY.minLength && chinese < PASSWORD_POLICY.minChineseCharacters) problems.push('too_short')
  if (new TextEncoder().encode(password).length > PASSWORD_POLICY.maxBytes) problems.push('too_long')
  if (isCommonPassword(password)) problems.push('common')
  if (containsUsername(password, username)) problems.push('contains_username')
  if (new Set(characters).size < PASSWORD_POLICY.minDistinctCharacters) problems.push('repetitive')
  return problems
}

/** In the list, ignoring case and the spaces people put around a word. */
export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.trim().toLowerCase())
}

// A short 工号 ("a1") would refuse half the dictionary if matched anywhere; below 4 characters only equality counts.
function containsUsername(password: string, username: string): boolean {
  const p = password.toLowerCase()
  const u = username.trim().toLowerCase()
  if (!u) return false
  return u.length >= 4 ? p.includes(u) : p === u
}
