// Checks the quiz statistics against Moodle's reference figures, the edges of the data, and the refusals.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import {
  finiteOrNull,
  maximumCovariance,
  mean,
  median,
  sampleCovariance,
  sampleVariance,
} from './descriptive-statistics'
import { parseStatsInput, quizStatistics, StatsInputSchema, type StatsInput } from './quiz-statistics'

const fixtureFolder = path.resolve(process.cwd(), 'tests/fixtures/moodle-quiz-stats')
const readFixture = (name: string): unknown => JSON.parse(readFileSync(path.join(fixtureFolder, name), 'utf8'))

const Figures = z.record(z.string(), z.union([z.number(), z.string(), z.null()]))
const ExpectedSchema = z.object({ quiz: Figures, items: z.array(Figures.and(z.object({ id: z.string() }))) })
const expected = ExpectedSchema.parse(readFixture('expected.json'))
const fixtureInput = StatsInputSchema.parse(readFixture('attempts.json'))
const report = quizStatistics(fixtureInput)

// Moodle's own test tolerances, relative to the expected value (see the fixture README).
const QUIZ_TOLERANCE = 1.5e-5
const ITEM_TOLERANCE: Record<string, number> = {
  facility: 1e-6,
  sd: 1e-6,
  markVariance: 1e-6,
  restVariance: 1e-6,
  covarianceWithRest: 1e-5,
  maxCovarianceWithRest: 1e-5,
  discriminationIndex: 1e-5,
  discriminativeEfficiency: 1e-5,
  effectiveWeight: 1e-5,
}

function expectWithin(actual: unknown, wanted: unknown, relative: number) {
  if (typeof wanted !== 'number') return expect(actual).toEqual(wanted)
  expect(typeof actual).toBe('number')
  expect(Math.abs(Number(actual) - wanted)).toBeLessThanOrEqual(relative * Math.abs(wanted))
}

describe('Moodle reference data set (results00.csv, 25 attempts × 7 items)', () => {
  it.each(Object.entries(expected.quiz))('quiz %s matches Moodle', (figure, wanted) => {
    const figures: Record<string, unknown> = report.quiz
    expectWithin(figures[figure], wanted, QUIZ_TOLERANCE)
  })

  it('lists the items in input order, one per item', () => {
    expect(report.items.map((item) => item.id)).toEqual(expected.items.map((item) => item.id))
  })

  const itemRows = expected.items.flatMap((item, index) =>
    Object.keys(ITEM_TOLERANCE).map((figure) => ({ id: item.id, index, figure, wanted: item[figure] })),
  )
  it.each(itemRows)('item $id $figure = $wanted', ({ index, figure, wanted }) => {
    expect(wanted).toBeDefined()
    const figures: Record<string, unknown> = report.items[index]
    expectWithin(figures[figure], wanted, ITEM_TOLERANCE[figure])
  })
})

/** A quiz whose items are q1, q2, … (each out of `maxMark`) and whose attempts a1, a2, … have these marks. */
function quizOf(markRows: number[][], maxMark = 1): StatsInput {
  const itemIds = (markRows[0] ?? []).map((_, i) => `q${i + 1}`)
  return {
    quiz: 'q',
    items: itemIds.map((id) => ({ id, maxMark })),
    attempts: markRows.map((row, j) => ({
      id: `a${j + 1}`,
      user: `u${j + 1}`,
      marks: Object.fromEntries(row.map((mark, i) => [itemIds[i], mark])),
    })),
  }
}

describe('edges of the data', () => {
  it.each([
    {
      case: 'two attempts: sd defined, too few attempts for skewness and kurtosis',
      input: quizOf([
        [1, 1],
        [0, 1],
      ]),
      quiz: {
        attempts: 2, mean: 1.5, median: 1.5, sd: expect.closeTo(Math.SQRT1_2, 12),
        skewness: null, kurtosis: null, cic: expect.closeTo(0, 12), errorRatio: expect.closeTo(100, 10),
        standardError: expect.closeTo(Math.SQRT1_2, 12),
      },
      items: [
        { id: 'q1', facility: 0.5, sd: expect.closeTo(Math.SQRT1_2, 12), discriminationIndex: null,
          discriminativeEfficiency: null, effectiveWeight: 100 },
        { id: 'q2', facility: 1, sd: 0, discriminationIndex: null, discriminativeEfficiency: null,
          effectiveWeight: 0 },
      ],
    },
    {
      // Three equal marks whose plain mean rounds (0.8 + 0.8 + 0.8 = 2.4000000000000004) must still give a
      // spread of exactly 0, not rounding noise that would make the ratios look defined.
      case: 'every attempt has the same marks: sd 0, so every ratio is null',
      input: quizOf(
        [
          [0.2, 0.6],
          [0.2, 0.6],
          [0.2, 0.6],
        ],
        2,
      ),
      quiz: {
        attempts: 3, mean: expect.closeTo(0.8, 12), median: expect.closeTo(0.8, 12), sd: 0, skewness: null,
        kurtosis: null, cic: null, errorRatio: null, standardError: null,
      },
      items: [
        { id: 'q1', facility: 0.1, sd: 0, discriminationIndex: null, discriminativeEfficiency: null,
          effectiveWeight: null },
        { id: 'q2', facility: 0.3, sd: 0, discriminationIndex: null, discriminativeEfficiency: null,
          effectiveWeight: null },
      ],
    },
    {
      case: 'an item nobody got right: facility 0, no discrimination, weight 0',
      input: quizOf([
        [1, 1, 0],
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 0],
      ]),
      quiz: { attempts: 4, mean: 1, median: 1, sd: expect.closeTo(Math.sqrt(2 / 3), 12) },
      items: [
        { id: 'q1', facility: 0.5, discriminationIndex: expect.closeTo(0, 12),
          effectiveWeight: expect.closeTo(50, 10) },
        { id: 'q2', facility: 0.5, discriminationIndex: expect.closeTo(0, 12),
          effectiveWeight: expect.closeTo(50, 10) },
        { id: 'q3', facility: 0, sd: 0, discriminationIndex: null, discriminativeEfficiency: null,
          effectiveWeight: 0 },
      ],
    },
    {
      case: 'an item that moves against the total gets no effective weight',
      input: quizOf([
        [1, 1, 0],
        [1, 1, 0],
        [0, 0, 1],
        [0, 0, 0],
      ]),
      quiz: { attempts: 4, mean: 1.25, median: 1.5 },
      items: [
        // q1 against its rest [1, 1, 1, 0]: cov 1/6, variances 1/3 and 1/4
        { id: 'q1', effectiveWeight: expect.closeTo(50, 10),
          discriminationIndex: expect.closeTo(100 / 6 / Math.sqrt(1 / 12), 10) },
        { id: 'q2', effectiveWeight: expect.closeTo(50, 10) },
        // q3 against its rest [2, 2, 0, 0]: cov −1/3, variances 1/4 and 4/3
        { id: 'q3', effectiveWeight: null, discriminationIndex: expect.closeTo(-100 / 3 / Math.sqrt(1 / 3), 10) },
      ],
    },
  ])('$case', ({ input, quiz, items }) => {
    const result = quizStatistics(input)
    expect(result.quiz).toMatchObject(quiz)
    expect(result.items).toHaveLength(items.length)
    items.forEach((item, i) => expect(result.items[i]).toMatchObject(item))
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/)
  })
})

describe('validation refusals', () => {
  const valid = quizOf([
    [1, 0],
    [0, 1],
  ])
  const withAttempt = (index: number, marks: Record<string, unknown>) => ({
    ...valid,
    attempts: valid.attempts.map((attempt, j) => (j === index ? { ...attempt, marks } : attempt)),
  })

  it.each([
    { case: 'a missing mark', raw: withAttempt(1, { q1: 0 }), error: 'attempt "a2", item "q2": mark is missing' },
    {
      case: 'a mark above the maximum',
      raw: withAttempt(0, { q1: 1.5, q2: 0 }),
      error: 'attempt "a1", item "q1": mark 1.5 is out of range 0 to 1',
    },
    {
      case: 'a negative mark',
      raw: withAttempt(1, { q1: 0, q2: -0.5 }),
      error: 'attempt "a2", item "q2": mark -0.5 is out of range 0 to 1',
    },
    {
      case: 'a mark for an unknown item',
      raw: withAttempt(0, { q1: 1, q2: 0, q9: 1 }),
      error: 'attempt "a1", item "q9": unknown item id, not among the quiz\'s items',
    },
    {
      case: 'a mark that is not a number',
      raw: withAttempt(0, { q1: '1', q2: 0 }),
      error: 'attempt "a1", item "q1": Expected number, received string',
    },
    { case: 'a single attempt', raw: { ...valid, attempts: valid.attempts.slice(0, 1) },
      error: 'quiz "q": 1 attempt, at least 2 are needed' },
    { case: 'no attempts', raw: { ...valid, attempts: [] }, error: 'quiz "q": 0 attempts, at least 2 are needed' },
    { case: 'the same item twice', raw: { ...valid, items: [...valid.items, valid.items[0]] },
      error: 'item "q1" is listed more than once' },
    { case: 'the same attempt twice', raw: { ...valid, attempts: [...valid.attempts, valid.attempts[0]] },
      error: 'attempt "a1" is listed more than once' },
    { case: 'an attempt without an id', raw: { ...valid, attempts: [valid.attempts[0], { user: 'u', marks: {} }] },
      error: 'attempt #2, id: Required' },
    { case: 'an item out of 0 marks', raw: { ...valid, items: [{ id: 'q1', maxMark: 0 }, valid.items[1]] },
      error: 'item "q1", maxMark: Number must be greater than 0' },
    { case: 'a file that is not an object', raw: [], error: 'file: Expected object, received array' },
  ])('refuses $case', ({ raw, error }) => {
    const result = parseStatsInput(raw)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors).toContain(error)
  })

  it('accepts a valid file and returns its typed input', () => {
    expect(parseStatsInput(valid)).toEqual({ ok: true, input: valid })
  })

  it('refuses to compute figures for an invalid input instead of returning NaN', () => {
    const single = { ...valid, attempts: valid.attempts.slice(0, 1) }
    expect(() => quizStatistics(single)).toThrow(/at least 2 are needed/)
  })
})

describe('descriptive statistics helpers', () => {
  it.each([
    { name: 'mean', value: () => mean([1, 2, 3, 6]), wanted: 3 },
    { name: 'mean of a constant list is exact', value: () => mean([0.1, 0.1, 0.1]), wanted: 0.1 },
    { name: 'median of an odd count', value: () => median([5, 1, 3]), wanted: 3 },
    { name: 'median of an even count averages the middle two', value: () => median([4, 1, 3, 2]), wanted: 2.5 },
    { name: 'sample variance divides by n − 1', value: () => sampleVariance([1, 2, 3, 4]), wanted: 5 / 3 },
    { name: 'sample covariance', value: () => sampleCovariance([1, 2, 3], [3, 2, 1]), wanted: -1 },
    { name: 'maximum covariance sorts each list', value: () => maximumCovariance([1, 2, 3], [3, 2, 1]), wanted: 1 },
    { name: 'variance of one value is undefined', value: () => finiteOrNull(sampleVariance([7])), wanted: null },
    { name: 'mean of nothing is undefined', value: () => finiteOrNull(mean([])), wanted: null },
  ])('$name → $wanted', ({ value, wanted }) => {
    if (wanted === null) expect(value()).toBeNull()
    else expect(value()).toBeCloseTo(wanted, 12)
  })
})
