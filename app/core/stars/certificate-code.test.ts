import { CODE_LENGTH, encodeCertificateCode, formatCertificateCode, normaliseCertificateCode } from './certificate-code'
import { maskedName } from './masked-name'

describe('certificate codes', () => {
  it('encodes 13 bytes as 20 base32 characters (100 bits)', () => {
    const code = encodeCertificateCode(new Uint8Array(13).fill(255))
    expect(code).toBe('7'.repeat(20))
    expect(encodeCertificateCode(new Uint8Array(13))).toBe('A'.repeat(20))
    expect(CODE_LENGTH * 5).toBeGreaterThanOrEqual(96)
  })
  it('refuses fewer than 13 random bytes', () => expect(() => encodeCertificateCode(new Uint8Array(12))).toThrow())
  it.each([
    ['ABCD-EFGH-IJKL-MNOP-QRST', 'ABCDEFGHIJKLMNOPQRST'],
    ['abcd efgh ijkl mnop qrst', 'ABCDEFGHIJKLMNOPQRST'],
    ['ABCDEFGHIJKLMNOPQRS', null], // too short
    ['ABCDEFGHIJKLMNOPQRS1', null], // 1 is not base32
    ['ABCDEFGHIJKLMNOPQRST2', null], // too long
    ["' OR 1=1 --", null],
  ])('%s → %s', (input, expected) => expect(normaliseCertificateCode(input)).toBe(expected))
  it('shows groups of four', () => expect(formatCertificateCode('ABCDEFGHIJKLMNOPQRST')).toBe('ABCD-EFGH-IJKL-MNOP-QRST'))
})

describe('masked names', () => {
  it.each([
    ['张晓明', '张*明'],
    ['欧阳小明', '欧**明'],
    ['李静', '李*'],
    ['王', '王*'],
    ['Wang Min', 'Wang M*'],
  ])('%s → %s', (name, masked) => expect(maskedName(name)).toBe(masked))
})
