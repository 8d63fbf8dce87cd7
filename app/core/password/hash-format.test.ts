import { formatScryptHash, needsRehash, parseStoredHash } from './hash-format'

const SALT = 'c2FsdHNhbHRzYWx0c2FsdA' // 16 bytes
const KEY = 'a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U' // 32 bytes
const BCRYPT = '$2b$10$akxfkEfoTsEo.u/1l7YAkOPWdweyevpW5AwTDKiMV/slwWYz.VaGe'

describe('parseStoredHash', () => {
  it.each([
    ['scrypt, the current parameters', `$scrypt$ln=15,r=8,p=1$${SALT}$${KEY}`, { kind: 'scrypt', params: { ln: 15, r: 8, p: 1 }, salt: SALT, key: KEY }],
    ['scrypt, one-time parameters', `$scrypt$ln=12,r=8,p=1$${SALT}$${KEY}`, { kind: 'scrypt', params: { ln: 12, r: 8, p: 1 }, salt: SALT, key: KEY }],
    ['bcrypt $2b$ cost 10', BCRYPT, { kind: 'bcrypt', cost: 10 }],
    ['bcrypt $2a$ cost 4', BCRYPT.replace('$2b$10$', '$2a$04$'), { kind: 'bcrypt', cost: 4 }],
    ['bcrypt $2y$ (PHP)', BCRYPT.replace('$2b$', '$2y$'), { kind: 'bcrypt', cost: 10 }],
  ])('reads %s', (_, stored, expected) => expect(parseStoredHash(stored)).toEqual(expected))

  it.each([
    ['an empty text', ''],
    ['a placeholder', 'x'],
    ['bcrypt cut short', BCRYPT.slice(0, -1)],
    ['bcrypt with cost 3', BCRYPT.replace('$2b$10$', '$2b$03$')],
    ['bcrypt with cost 32', BCRYPT.replace('$2b$10$', '$2b$32$')],
    ['scrypt with ln=30 (128 GB)', `$scrypt$ln=30,r=8,p=1$${SALT}$${KEY}`],
    ['scrypt with ln=9', `$scrypt$ln=9,r=8,p=1$${SALT}$${KEY}`],
    ['scrypt with r=0', `$scrypt$ln=15,r=0,p=1$${SALT}$${KEY}`],
    ['scrypt with p=17', `$scrypt$ln=15,r=8,p=17$${SALT}$${KEY}`],
    ['scrypt with the parameters in another order', `$scrypt$r=8,ln=15,p=1$${SALT}$${KEY}`],
    ['scrypt with a missing parameter', `$scrypt$ln=15,r=8$${SALT}$${KEY}`],
    ['scrypt with an 8-byte salt', `$scrypt$ln=15,r=8,p=1$c2FsdHNhbHQ$${KEY}`],
    ['scrypt with a 16-byte key', `$scrypt$ln=15,r=8,p=1$${SALT}$${SALT}`],
    ['scrypt with padding', `$scrypt$ln=15,r=8,p=1$${SALT}==$${KEY}`],
    ['scrypt with a character outside base64', `$scrypt$ln=15,r=8,p=1$${SALT.slice(0, -1)}*$${KEY}`],
    ['scrypt with an impossible base64 length', `$scrypt$ln=15,r=8,p=1$${SALT}AAA$${KEY}`],
    ['scrypt without its key', `$scrypt$ln=15,r=8,p=1$${SALT}`],
    ['scrypt with one part too many', `$scrypt$ln=15,r=8,p=1$${SALT}$${KEY}$x`],
    ['argon2', `$argon2id$v=19$m=65536,t=3,p=4$${SALT}$${KEY}`],
  ])('refuses %s', (_, stored) => expect(parseStoredHash(stored)).toBeNull())

  it('reads back what it writes', () => {
    const written = formatScryptHash({ ln: 15, r: 8, p: 1 }, SALT, KEY)
    expect(written).toBe(`$scrypt$ln=15,r=8,p=1$${SALT}$${KEY}`)
    expect(parseStoredHash(written)).toMatchObject({ params: { ln: 15, r: 8, p: 1 }, salt: SALT, key: KEY })
  })
})

describe('needsRehash', () => {
  const target = { ln: 15, r: 8, p: 1 }
  const scrypt = (ln: number, r: number, p: number) => ({ kind: 'scrypt' as const, params: { ln, r, p }, salt: SALT, key: KEY })
  it.each([
    ['bcrypt, whatever its cost', { kind: 'bcrypt' as const, cost: 12 }, true],
    ['scrypt at the target', scrypt(15, 8, 1), false],
    ['scrypt stronger than the target', scrypt(16, 8, 2), false],
    ['scrypt with a lower N (a one-time password)', scrypt(12, 8, 1), true],
    ['scrypt with a smaller block', scrypt(15, 4, 1), true],
    ['scrypt with fewer lanes than a target of 2', scrypt(15, 8, 1), true, { ln: 15, r: 8, p: 2 }],
  ])('%s → %s', (_, stored, expected, other = target) => expect(needsRehash(stored, other)).toBe(expected))
})
