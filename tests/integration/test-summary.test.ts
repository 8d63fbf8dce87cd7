// scripts/test-summary.js: the last line CI reads, and above it the name of every failed test (CI shows only a log's tail).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const folder = mkdtempSync(join(tmpdir(), 'summary-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))
function report(name: string, body: object) {
  const file = join(folder, name)
  writeFileSync(file, JSON.stringify(body))
  return file
}
function summarise(...files: string[]) {
  const run = spawnSync(process.execPath, [resolve('scripts/test-summary.js'), ...files], { encoding: 'utf8' })
  return { status: run.status, lines: run.stdout.trim().split('\n') }
}

const passing = report('passing.json', {
  numPassedTests: 2,
  numFailedTests: 0,
  testResults: [{ name: resolve('tests/a.test.ts'), status: 'passed', assertionResults: [{ status: 'passed', fullName: 'a' }, { status: 'passed', fullName: 'b' }] }],
})
const failing = report('failing.json', {
  numPassedTests: 1,
  numFailedTests: 1,
  testResults: [
    {
      name: resolve('tests/b.test.ts'),
      status: 'failed',
      assertionResults: [
        { status: 'passed', fullName: 'c' },
        { status: 'failed', fullName: 'sessions end after an hour', failureMessages: ['\nAssertionError: expected 2 to be 1\n    at x.ts:1'] },
      ],
    },
    { name: resolve('tests/c.test.ts'), status: 'failed', message: 'SyntaxError: Unexpected token', assertionResults: [] },
  ],
})

it('sums the reports on the last line and exits 0 when nothing failed', () => {
  const { status, lines } = summarise(passing, passing)
  expect(lines).toEqual(['tests: 4 passed, 0 failed'])
  expect(status).toBe(0)
})

it('names each failed test and each file that did not load, with the first line of its message, above the last line', () => {
  const { status, lines } = summarise(passing, failing)
  expect(lines).toEqual([
    'failed:',
    '  tests/b.test.ts › sessions end after an hour: AssertionError: expected 2 to be 1',
    '  tests/c.test.ts: did not load: SyntaxError: Unexpected token',
    'tests: 3 passed, 2 failed',
  ])
  expect(status).toBe(1)
})

it('counts a missing report as a failure and names it', () => {
  const { status, lines } = summarise(passing, join(folder, 'absent.json'))
  expect(lines.at(-1)).toBe('tests: 2 passed, 1 failed')
  expect(lines).toContain(`  ${join(folder, 'absent.json')}: no report (the runner did not finish)`)
  expect(status).toBe(1)
})
