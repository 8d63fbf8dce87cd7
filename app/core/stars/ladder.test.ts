import { LadderSchema } from './ladder'
import { ladderIssues } from './ladder-check'
import { KIND_NAMES } from './registry'
import { TEST_LADDER } from './test-ladder'
import zhCN from '~/i18n/zh-CN'
import en from '~/i18n/en'

const known = { courses: new Set(['etiquette', 'complaints']), quizzes: new Set(['etiquette-quiz', 'complaints-quiz']) }
const withLevel = (index: number, requirements: unknown[]) => ({
  ...TEST_LADDER,
  levels: TEST_LADDER.levels.map((l, i) => (i === index ? { ...l, requirements } : l)),
})

describe('the ladder file', () => {
  it('accepts the test ladder with no issue', () => {
    expect(ladderIssues(TEST_LADDER, known)).toEqual([])
  })

  it.each([
    { name: 'an unknown kind', ladder: withLevel(0, [{ kind: 'smile-count', min: 3 }]), path: 'levels.0.requirements.0.kind', message: /未知的要求类型「smile-count」/ },
    { name: 'a misspelt field of a known kind', ladder: withLevel(0, [{ kind: 'quiz-score', quiz: 'etiquette-quiz', minimum: 3 }]), path: 'levels.0.requirements.0', message: /minimum|Required/ },
    { name: 'a score above 100', ladder: withLevel(0, [{ kind: 'quiz-score', quiz: 'etiquette-quiz', min: 120 }]), path: 'levels.0.requirements.0.min', message: /100/ },
    { name: 'four levels', ladder: { ...TEST_LADDER, levels: TEST_LADDER.levels.slice(0, 4) }, path: 'levels', message: /五个星级/ },
    { name: 'levels out of order', ladder: { ...TEST_LADDER, levels: [TEST_LADDER.levels[1], TEST_LADDER.levels[0], ...TEST_LADDER.levels.slice(2)] }, path: 'levels.0.level', message: /第 1 级/ },
  ])('refuses $name at $path', ({ ladder, path, message }) => {
    const result = LadderSchema.safeParse(ladder)
    expect(result.success).toBe(false)
    const issue = result.error!.issues.find((i) => i.path.join('.').startsWith(path))
    expect(issue, JSON.stringify(result.error!.issues)).toBeDefined()
    expect(`${issue!.message} ${JSON.stringify(issue)}`).toMatch(message)
  })

  it.each([
    { name: 'an unknown course', ladder: withLevel(0, [{ kind: 'courses-completed', courses: ['etiquette', 'karaoke'] }]), issue: { code: 'unknown-course', path: ['levels', 0, 'requirements', 0, 'courses', 1] } },
    { name: 'an unknown quiz', ladder: withLevel(0, [{ kind: 'quiz-score', quiz: 'karaoke-quiz', min: 80 }]), issue: { code: 'unknown-quiz', path: ['levels', 0, 'requirements', 0, 'quiz'] } },
    {
      name: 'a quiz score going down from ★ to ★★',
      ladder: withLevel(1, [{ kind: 'quiz-score', quiz: 'etiquette-quiz', min: 70 }]),
      issue: { code: 'threshold-down', path: ['levels', 1, 'requirements', 0, 'min'] },
    },
    {
      name: 'a shorter clean-complaint period at ★★★★ than at ★★★',
      ladder: withLevel(3, [{ kind: 'no-liable-complaint', months: 3 }]),
      issue: { code: 'threshold-down', path: ['levels', 3, 'requirements', 0, 'months'] },
    },
    {
      name: 'fewer ratings at ★★★★★ than at ★★★★',
      ladder: withLevel(4, [{ kind: 'satisfaction-average', min: 4.8, minRatings: 50, months: 6 }]),
      issue: { code: 'threshold-down', path: ['levels', 4, 'requirements', 0, 'minRatings'] },
    },
  ])('finds $name', ({ ladder, issue }) => {
    expect(ladderIssues(LadderSchema.parse(ladder), known)).toEqual([expect.objectContaining(issue)])
  })

  it('lets the same threshold stay or rise', () => {
    expect(ladderIssues(LadderSchema.parse(withLevel(1, [{ kind: 'quiz-score', quiz: 'etiquette-quiz', min: 80 }, { kind: 'quiz-score', quiz: 'complaints-quiz', min: 60 }])), known)).toEqual([])
  })

  it('every requirement kind has its sentences in both catalogues', () => {
    for (const kind of KIND_NAMES) {
      expect(zhCN.stars.kinds[kind as keyof typeof zhCN.stars.kinds], kind).toBeDefined()
      expect(en.stars.kinds[kind as keyof typeof en.stars.kinds], kind).toBeDefined()
    }
  })
})
