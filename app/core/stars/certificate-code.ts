// Certificate codes: 100 random bits in Crockford-free RFC 4648 base32 (A–Z, 2–7), 20 characters, shown in
// groups of four. The bytes come in as an argument (crypto on the server), so the format is testable.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
export const CODE_LENGTH = 20 // 20 × 5 bits = 100 bits ≥ 96

export function encodeCertificateCode(random: Uint8Array): string {
  if (random.length < 13) throw new Error('a certificate code needs at least 13 random bytes')
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of random) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5 && out.length < CODE_LENGTH) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
  }
  return out
}

/** A code as typed or scanned: spaces and dashes dropped, upper case; null when it cannot be a code. */
export function normaliseCertificateCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase()
  return code.length === CODE_LENGTH && /^[A-Z2-7]+$/.test(code) ? code : null
}

export function formatCertificateCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code
}
