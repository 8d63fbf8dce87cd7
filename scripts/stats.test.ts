// Runs the stats CLI as a child process: the reference file's figures on stdout, refusals on stderr with exit 1.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { z } from 'zod'

const repoRoot = process.cwd()
const fixtureFolder = path.resolve(repoRoot, 'tests/fixtures/moodle-quiz-stats')
const scratch = mkdtempSync(path.join(tmpdir(), 'stats-cli-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function runStats(...args: string[]) {
  const run = spawnSync('npx', ['tsx', 'scripts/stats.ts', ...args], { cwd: repoRoot, encoding: 'utf8' })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

const Figures = z.record(z.string(), z.union([z.number(), z.string(), z.null()]))
const Report = z.object({ quiz: Figures, items: z.array(Figures) })

// The fixture README's tolerances, relative to the expected value.
const tolerance = (section: 'quiz' | 'item', figure: string) =>
  section === 'quiz' ? 1.5e-5 : ['facility', 'sd', 'markVariance', 'restVariance'].includes(figure) ? 1e-6 : 1e-5

function expectWithin(actual: unknown, wanted: unknown, relative: number) {
  if (typeof wanted !== 'number') return expect(actual).toEqual(wanted)
  expect(typeof actual).toBe('number')
  expect(Math.abs(Number(actual) - wanted)).toBeLessThanOrEqual(relative * Math.abs(wanted))
}

describe('npm run stats on the Moodle reference file', () => {
  it('prints figures matching expected.json and nothing on stderr', () => {
    const run = runStats(path.join(fixtureFolder, 'attempts.json'))
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const printed = Report.parse(JSON.parse(run.stdout))
    const expected = Report.parse(JSON.parse(readFileSync(path.join(fixtureFolder, 'expected.json'), 'utf8')))

    for (const [figure, wanted] of Object.entries(expected.quiz)) {
      expectWithin(printed.quiz[figure], wanted, tolerance('quiz', figure))
    }
    expect(printed.items.map((item) => item.id)).toEqual(expected.items.map((item) => item.id))
    expected.items.forEach((item, i) => {
      for (const [figure, wanted] of Object.entries(item)) {
        expectWithin(printed.items[i][figure], wanted, tolerance('item', figure))
      }
    })
  })
})

describe('npm run stats refuses a bad file', () => {
  const items = [{ id: 's1', maxMark: 1 }, { id: 's2', maxMark: 2 }]
  const attempt = (id: string, marks: Record<string, unknown>) => ({ id, user: `user-${id}`, marks })
  const good = attempt('a1', { s1: 1, s2: 2 })

  it.each([
    {
      case: 'a missing mark',
      content: JSON.stringify({ quiz: 'q', items, attempts: [good, attempt('a2', { s1: 0 })] }),
      stderr: 'attempt "a2", item "s2": mark is missing',
    },
    {
      case: 'a mark out of range',
      content: JSON.stringify({ quiz: 'q', items, attempts: [good, attempt('a2', { s1: 0, s2: 2.5 })] }),
      stderr: 'attempt "a2", item "s2": mark 2.5 is out of range 0 to 2',
    },
    {
      case: 'an unknown item id',
      content: JSON.stringify({ quiz: 'q', items, attempts: [good, attempt('a2', { s1: 0, s2: 0, s3: 1 })] }),
      stderr: 'attempt "a2", item "s3": unknown item id',
    },
    {
      case: 'fewer than 2 attempts',
      content: JSON.stringify({ quiz: 'q', items, attempts: [good] }),
      stderr: 'quiz "q": 1 attempt, at least 2 are needed',
    },
    {
      case: 'a mark that is not a number',
      content: JSON.stringify({ quiz: 'q', items, attempts: [good, attempt('a2', { s1: null, s2: 0 })] }),
      stderr: 'attempt "a2", item "s1": Expected number, received null',
    },
    { case: 'a file that is not JSON', content: '{ "quiz": ', stderr: 'JSON' },
  ])('$case: exit 1, stderr says so, stdout empty', ({ case: name, content, stderr }) => {
    const file = path.join(scratch, `${name.replace(/\W+/g, '-')}.json`)
    writeFileSync(file, content)
    const run = runStats(file)
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(`${file}: `)
    expect(run.stderr).toContain(stderr)
  })

  it.each([
    { case: 'a file that does not exist', args: [path.join(scratch, 'missing.json')], stderr: 'ENOENT' },
    { case: 'no file argument', args: [], stderr: 'usage:' },
  ])('$case: exit 1, stderr says so, stdout empty', ({ args, stderr }) => {
    const run = runStats(...args)
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(stderr)
  })
})
