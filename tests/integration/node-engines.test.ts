// package.json "engines" lists the Node versions the suite has passed on (decision 0038). This suite runs on each of
// them (`npm run test:node -- 22`), so a run on a Node the range does not admit fails here instead of passing
// quietly, and the range cannot claim a major nobody ran.
import { readFileSync } from 'node:fs'

type Version = [number, number, number]

const parse = (text: string): Version => {
  const [major = 0, minor = 0, patch = 0] = text.replace(/^v/, '').split('.').map(Number)
  return [major, minor, patch]
}
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]

/** Whether `version` satisfies a range written as `>=A.B <C || >=D.E <F` (the only form "engines" uses here). */
function admits(range: string, version: string): boolean {
  const node = parse(version)
  return range.split('||').some((set) =>
    set.trim().split(/\s+/).every((comparator) => {
      const match = /^(>=|<)(\d+(?:\.\d+){0,2})$/.exec(comparator)
      if (!match) throw new Error(`engines: cannot read "${comparator}"`)
      const order = compare(node, parse(match[2]!))
      return match[1] === '>=' ? order >= 0 : order < 0
    }),
  )
}

const range = (JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }).engines.node

it.each([
  ['>=20.11 <21', 'v20.20.2', true],
  ['>=20.11 <21', 'v20.10.0', false],
  ['>=20.11 <21', 'v21.0.0', false],
  ['>=20.11 <21 || >=22.11 <23', 'v22.23.5', true],
  ['>=20.11 <21 || >=22.11 <23', 'v22.10.0', false],
  ['>=20.11 <21 || >=22.11 <23', 'v23.1.0', false],
])('reads the range %s: %s admitted %s', (written, version, expected) => {
  expect(admits(written, version)).toBe(expected)
})

it('admits the Node this suite runs on', () => {
  expect(admits(range, process.version), `"engines": "${range}" does not admit ${process.version}`).toBe(true)
})

it('admits the Node 20, 22 and 24 LTS lines the suite passed on, and no major in between', () => {
  expect(['v20.20.2', 'v22.23.5', 'v24.22.3'].map((version) => admits(range, version))).toEqual([true, true, true])
  expect(['v21.7.3', 'v23.11.1', 'v25.0.0'].map((version) => admits(range, version))).toEqual([false, false, false])
})
