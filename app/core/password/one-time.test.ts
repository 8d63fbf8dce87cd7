import { ONE_TIME_ALPHABET, oneTimePasswordFrom } from './one-time'

it('maps each byte to one of 32 unambiguous symbols, in three groups of four', () => {
  expect(ONE_TIME_ALPHABET).toHaveLength(32)
  expect(ONE_TIME_ALPHABET).not.toMatch(/[01IO]/)
  expect(oneTimePasswordFrom(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 31]))).toBe('ABCD-EFGH-JKL9')
  expect(oneTimePasswordFrom(new Uint8Array(12).fill(32 + 7))).toBe('HHHH-HHHH-HHHH') // 39 % 32 = 7
})
it('refuses too few random bytes', () => expect(() => oneTimePasswordFrom(new Uint8Array(11))).toThrow())
