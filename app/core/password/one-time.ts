// One-time passwords for new and reset accounts: 12 symbols from an alphabet without look-alikes (0/O, 1/I),
// 32 symbols so each random byte maps without bias: 60 bits, read out or typed on a phone without confusion.
export const ONE_TIME_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const ONE_TIME_LENGTH = 12

/** The password for these random bytes (at least 12 of them), grouped by four: "K7MP-Q2XR-9TAB". */
export function oneTimePasswordFrom(random: Uint8Array): string {
  if (random.length < ONE_TIME_LENGTH) throw new Error(`need ${ONE_TIME_LENGTH} random bytes`)
  const symbols = Array.from(random.subarray(0, ONE_TIME_LENGTH), (byte) => ONE_TIME_ALPHABET[byte % 32])
  return [0, 4, 8].map((at) => symbols.slice(at, at + 4).join('')).join('-')
}
