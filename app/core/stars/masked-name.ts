// A holder's name as the public verify page shows it: 张*明, 李*, Wang *. Enough to match a badge, not to look a person up.
export function maskedName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length <= 1) return chars.join('') + '*'
  if (chars.length === 2) return `${chars[0]}*`
  if (/^[\p{Script=Han}·]+$/u.test(name.trim())) return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
  const [first, ...rest] = name.trim().split(/\s+/)
  return rest.length ? `${first} ${rest.map((r) => `${r[0]}*`).join(' ')}` : `${chars[0]}${'*'.repeat(chars.length - 1)}`
}
