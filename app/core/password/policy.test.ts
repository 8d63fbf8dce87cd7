import { isCommonPassword, passwordProblems } from './policy'
import commonPasswords from './common-passwords.json'

describe('the shipped list', () => {
  it('holds the 10 000 most common passwords, most common first, without repeats', () => {
    expect(commonPasswords).toHaveLength(10_000)
    expect(new Set(commonPasswords).size).toBe(10_000)
    expect(commonPasswords.slice(0, 3)).toEqual(['123456', 'password', '12345678'])
  })
})

describe('passwordProblems', () => {
  it.each([
    { password: 'Lotus-Hall-2026', username: 'E1001', problems: [] },
    { password: '春眠不觉晓处处', username: 'E1001', problems: [] }, // 7 Chinese characters: a passphrase
    { password: '滕州龙泉路营业厅真好', username: 'E1001', problems: [] },
    { password: 'blue cat sun', username: 'E1001', problems: [] }, // 12 characters with spaces
    { password: 'Short1!', username: 'E1001', problems: ['too_short'] },
    { password: '我的密码', username: 'E1001', problems: ['too_short'] }, // 4 Chinese characters are not enough
    { password: '123456789', username: 'E1001', problems: ['too_short', 'common'] },
    { password: '1qaz2wsx3edc', username: 'E1001', problems: ['common'] },
    { password: 'qwertyuiop', username: 'E1001', problems: ['common'] },
    { password: 'QWERTYUIOP', username: 'E1001', problems: ['common'] }, // case does not help
    { password: 'E1234', username: 'E1234', problems: ['too_short', 'contains_username'] },
    { password: 'my-e1001-password', username: 'E1001', problems: ['contains_username'] },
    { password: 'zaq1xsw2cde3', username: 'ab', problems: [] }, // a 2-character 工号 counts only when equal
    { password: 'ababababababab', username: 'E1001', problems: ['repetitive'] },
    { password: 'x'.repeat(73), username: 'E1001', problems: ['too_long', 'repetitive'] },
    { password: '春'.repeat(20) + '夏秋冬天', username: 'E1001', problems: [] }, // 72 bytes exactly
    { password: '春'.repeat(21) + '夏秋冬天', username: 'E1001', problems: ['too_long'] }, // 75 bytes
  ])('$password (工号 $username) → $problems', ({ password, username, problems }) =>
    expect(passwordProblems(password, username)).toEqual(problems))

  it('the demo password is refused as too short', () => expect(passwordProblems('Demo@2026', 'clerk01')).toEqual(['too_short']))
  it('matches the list ignoring case and surrounding spaces', () => {
    expect(isCommonPassword(' Password ')).toBe(true)
    expect(isCommonPassword('Lotus-Hall-2026')).toBe(false)
  })
})
