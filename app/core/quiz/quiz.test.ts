// Tests for a whole quiz: the schema, the view, reading a submission, scoring, the review and content problems.
import {
  extremeResponses,
  itemSeed,
  parseResponses,
  quizProblems,
  quizView,
  QuizSchema,
  reviewAttempt,
  reviewInShownOrder,
  scoreAttempt,
  type Quiz,
} from './quiz'
import { opaqueId } from './shuffle'
import { everyTypeQuizSource, leakedWords, scenarios, scoringContext } from './test-fixtures'

const raw = everyTypeQuizSource()
const quiz: Quiz = QuizSchema.parse(raw)
const seed = 'attempt-seed'
const ctx = { scenarios, seed }
const o = (itemId: string, id: string) => opaqueId(itemSeed(seed, itemId), id)
const submit = (answers: unknown, recorded: Record<string, unknown> = {}) => {
  const parsed = parseResponses(quiz, answers, recorded, ctx)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  return scoreAttempt(quiz, parsed.responses, scoringContext)
}
const perfect = {
  q1: o('q1', 'b'),
  q2: [o('q2', 'a'), o('q2', 'b')],
  q3: ['x', 'y', 'z'].map((id) => o('q3', id)),
  q4: { [o('q4', 'left/p1')]: o('q4', 'right/p1'), [o('q4', 'left/p2')]: o('q4', 'right/p2') },
  q5: '对不起，请稍等',
}

describe('QuizSchema', () => {
  it('reads shuffle as false when left out', () => expect(QuizSchema.parse({ ...raw, shuffle: undefined }).shuffle).toBe(false))

  it.each([
    { case: 'two items with one id', change: { items: [raw.items[0], raw.items[0]] }, path: 'items.1.id' },
    { case: 'a module listed twice', change: { modules: ['greeting', 'greeting'] }, path: 'modules.1' },
    { case: 'a pass mark over 100', change: { passMark: 101 }, path: 'passMark' },
    { case: 'negative attempts', change: { attemptsAllowed: -1 }, path: 'attemptsAllowed' },
    { case: 'fractional attempts', change: { attemptsAllowed: 1.5 }, path: 'attemptsAllowed' },
    { case: 'a negative delay', change: { minDelayMinutes: -5 }, path: 'minDelayMinutes' },
    { case: 'a zero time limit', change: { timeLimitMinutes: 0 }, path: 'timeLimitMinutes' },
    { case: 'no items', change: { items: [] }, path: 'items' },
    { case: 'a title without English', change: { title: { zh: '测验' } }, path: 'title.en' },
    {
      case: 'a bad item deep inside',
      change: { items: [raw.items[0], { ...raw.items[2], entries: [] }] },
      path: 'items.1.entries',
    },
  ])('refuses $case', ({ change, path }) =>
    expect(QuizSchema.safeParse({ ...raw, ...change }).error?.issues.map((issue) => issue.path.join('.'))).toContain(path),
  )
})

describe('quizView', () => {
  const view = quizView(quiz, ctx)

  it('has every item, under its own seed, and nothing only the server may know', () => {
    expect(view.items.map((item) => item.id).sort()).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6'])
    expect(leakedWords(view, ['FB-', 'ENDING-', 'GOOD-', 'BAD-', 'appearance', 'scoring', 'passMark', 'required'])).toEqual([])
    expect([view.timeLimitMinutes, view.title.en]).toEqual([20, 'Etiquette quiz'])
  })

  it('shuffles the items per attempt seed, or keeps them when the quiz does not shuffle', () => {
    const order = (q: Quiz, s: string) =>
      quizView(q, { scenarios, seed: s })
        .items.map((item) => item.id)
        .join()
    expect(order(quiz, 'a')).toBe(order(quiz, 'a'))
    expect(new Set(['a', 'b', 'c', 'd'].map((s) => order(quiz, s))).size).toBeGreaterThan(1)
    expect(order({ ...quiz, shuffle: false }, 'a')).toBe('q1,q2,q3,q4,q5,q6')
  })

  it('resumes a scenario item from what the server recorded', () => {
    const resumed = quizView(quiz, { ...ctx, recorded: { q6: ['r1'] } }).items.find((item) => item.id === 'q6')
    expect(resumed?.type === 'scenario' && resumed.transcript.length).toBe(1)
  })
})

describe('parseResponses', () => {
  it.each([
    {
      case: 'an answer to an item the quiz does not have',
      answers: { q9: 'x' },
      errors: [{ itemId: 'q9', error: 'no such item in this quiz' }],
    },
    { case: 'a malformed answer', answers: { q1: 'b' }, errors: [{ itemId: 'q1', error: 'unknown option id "b"' }] },
    {
      case: 'answers that are not an object',
      answers: ['q1'],
      errors: [{ itemId: '', error: 'expected an object of item id → answer' }],
    },
  ])('refuses $case', ({ answers, errors }) => expect(parseResponses(quiz, answers, {}, ctx)).toEqual({ ok: false, errors }))

  it('takes a scenario item from the recorded path, never from the client', () => {
    const parsed = parseResponses(quiz, { q6: ['r1', 'r1'] }, { q6: ['r2'] }, ctx)
    expect(parsed.ok && parsed.responses.byItemId.get('q6')).toEqual({ replyIds: ['r2'] })
  })

  it('reads an empty submission as all blank', () => {
    const parsed = parseResponses(quiz, undefined, {}, ctx)
    expect(parsed.ok && [...parsed.responses.byItemId.values()]).toEqual([
      { optionId: null },
      { optionIds: [] },
      { order: [] },
      { matches: [] },
      { text: '' },
      { replyIds: [] },
    ])
  })
})

describe('scoreAttempt', () => {
  it.each([
    {
      case: 'every answer right, best scenario path',
      answers: perfect,
      recorded: { q6: ['r1', 'r1'] },
      points: 10,
      percent: 100,
      passed: true,
    },
    { case: 'blank at the deadline', answers: {}, recorded: {}, points: 0, percent: 0, passed: false },
    {
      case: 'exactly the pass mark: 8 of 10',
      answers: { ...perfect, q1: o('q1', 'a'), q5: '好的' },
      recorded: { q6: ['r1', 'r1'] },
      points: 8,
      percent: 80,
      passed: true,
    },
    {
      case: 'just under: 7.6 of 10',
      answers: { ...perfect, q1: o('q1', 'a'), q5: '好的' },
      recorded: { q6: ['r1', 'r2'] },
      points: 7.6,
      percent: 76,
      passed: false,
    },
    {
      case: 'one of two matches, one of two picks',
      answers: { ...perfect, q2: [o('q2', 'a')], q4: { [o('q4', 'left/p1')]: o('q4', 'right/p1') } },
      recorded: { q6: ['r1', 'r1'] },
      points: 8,
      percent: 80,
      passed: true,
    },
  ])('$case → $points points, $percent%', ({ answers, recorded, points, percent, passed }) => {
    const score = submit(answers, recorded)
    expect([score.points, score.maxPoints, score.percent, score.passed]).toEqual([points, 10, percent, passed])
  })

  it('scores the answers as the client saw them (view ids, matched by text)', () => {
    const view = quizView(quiz, ctx)
    const idOf = (itemId: string, text: string) => {
      const item = view.items.find((candidate) => candidate.id === itemId)
      const choices =
        item?.type === 'single' || item?.type === 'multiple' ? item.options : item?.type === 'ordering' ? item.entries : []
      return choices.find((choice) => choice.text === text)?.id
    }
    expect(submit({ q1: idOf('q1', '报告'), q3: ['问候', '办理', '送别'].map((text) => idOf('q3', text)) }).points).toBe(3)
  })

  it('lists each item with its module and feedback, in authored order', () => {
    const score = submit({ q1: o('q1', 'a') })
    expect(score.items.map((item) => [item.itemId, item.module, item.points])).toEqual([
      ['q1', 'appearance', 0],
      ['q2', 'greeting', 0],
      ['q3', 'greeting', 0],
      ['q4', 'greeting', 0],
      ['q5', 'greeting', 0],
      ['q6', 'greeting', 0],
    ])
    expect(score.items[0].feedback).toEqual(['FB-Q1A', 'FB-Q1'])
  })
})

describe('reviewAttempt', () => {
  it('gives each item its review and the module to re-read', () => {
    const parsed = parseResponses(quiz, perfect, { q6: ['r2'] }, ctx)
    if (!parsed.ok) throw new Error('unexpected')
    const review = reviewAttempt(quiz, parsed.responses, scoringContext)
    expect(review.course).toBe('etiquette')
    expect(review.reviews.map((item) => [item.itemId, item.module, item.review.type])).toEqual([
      ['q1', 'appearance', 'single'],
      ['q2', 'greeting', 'multiple'],
      ['q3', 'greeting', 'ordering'],
      ['q4', 'greeting', 'matching'],
      ['q5', 'greeting', 'text'],
      ['q6', 'greeting', 'scenario'],
    ])
    expect(review.points).toBe(8)
  })
})

describe('quizProblems', () => {
  const withItems = (change: (items: typeof raw.items) => unknown[], extra: object = {}) =>
    QuizSchema.parse({ ...raw, ...extra, items: change(raw.items) })

  it('finds nothing wrong with a sound quiz', () => expect(quizProblems(quiz, scoringContext)).toEqual([]))

  it.each([
    {
      case: 'an item of a module the quiz does not cover',
      quiz: withItems((items) => [{ ...items[0], module: 'environment' }, ...items.slice(1)]),
      problems: [{ path: ['items', 0, 'module'], message: '题目「q1」的模块「environment」不在测验的 modules 中' }],
    },
    {
      case: 'a scenario that does not exist',
      quiz: withItems((items) => [...items.slice(0, 5), { ...items[5], scenario: 'gone' }]),
      problems: [{ path: ['items', 5, 'scenario'], message: '情景对话「gone」不存在' }],
    },
    {
      case: 'a text item whose every wording is a 禁语, weighing enough to miss the pass mark',
      quiz: withItems((items) => [
        ...items,
        {
          id: 'q7',
          type: 'text',
          module: 'greeting',
          points: 5,
          prompt: '?',
          required: [['急什么']],
          forbidden: true,
          feedback: 'f',
        },
      ]),
      problems: [
        { path: ['items', 6], message: '题目「q7」的最佳答案只能得 0/5 分' },
        { path: ['passMark'], message: '最佳答案只能得 66.67%，达不到及格线 80%' },
      ],
    },
    {
      case: 'a pass mark of 0',
      quiz: withItems((items) => items, { passMark: 0 }),
      problems: [{ path: ['passMark'], message: '最差答案也能得 0%，达到了及格线 0%，没人会不及格' }],
    },
  ])('reports $case', ({ quiz: candidate, problems }) => expect(quizProblems(candidate, scoringContext)).toEqual(problems))

  it('best answers score 100%, worst 0%', () => {
    expect(scoreAttempt(quiz, extremeResponses(quiz, 'best', scoringContext), scoringContext).percent).toBe(100)
    expect(scoreAttempt(quiz, extremeResponses(quiz, 'worst', scoringContext), scoringContext).percent).toBe(0)
  })
})

describe('reviewInShownOrder', () => {
  it.each(['a', 'b', 'c'])('lists the review in the order attempt %s showed the items', (seed) => {
    const shown = quizView(quiz, { scenarios, seed }).items.map((item) => item.id)
    const authored = quiz.items.map((item) => ({ itemId: item.id }))
    expect(reviewInShownOrder(quiz, seed, authored).map((row) => row.itemId)).toEqual(shown)
  })

  it('keeps the authored order when the quiz does not shuffle', () => {
    const authored = quiz.items.map((item) => ({ itemId: item.id }))
    expect(reviewInShownOrder({ ...quiz, shuffle: false }, 'a', authored).map((row) => row.itemId)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6'])
  })
})
