// An item type is one unit: a tiny fake type, added to the registry here and nowhere else, flows from a quiz file
// (YAML) through the client's view, the HTML form, parsing, scoring and the statistics (figures, its own response
// analysis, verdicts). If any of those steps special-cased the known types, this type would be dropped on the way.
import { parse } from 'yaml'
import { z } from 'zod'
import { itemVerdicts } from './item-verdicts'
import { answersFromForm } from './form-answers'
import { resultFromShare, type AnyItemType, type ItemType } from './item-type'
import { parseResponses, QuizSchema, quizView, scoreAttempt } from './quiz'
import { ITEM_TYPES } from './registry'
import { figuresOf, itemReports } from './statistics-report'
import { itemBaseShape, TextSchema } from './schema-parts'
import { scenarios, scoringContext } from './test-fixtures'

/** "How many …?": a whole number, right or wrong; its analysis counts each number given. */
const TallySchema = z.object({ ...itemBaseShape, type: z.literal('tally'), prompt: TextSchema, answer: z.number().int() }).strict()
type Tally = z.infer<typeof TallySchema>
type TallyResponse = { value: number | null }

const tally: ItemType<Tally, { id: string; type: 'tally'; prompt: string }, TallyResponse, { value: number | null }, Record<string, number>> = {
  kind: 'tally',
  schema: TallySchema,
  responseSource: 'client',
  contentReferences: () => [],
  problems: () => [],
  toView: (def) => ({ id: def.id, type: 'tally', prompt: def.prompt }),
  readForm: (def, form) => form.values(`a.${def.id}`)[0] || undefined,
  emptyResponse: () => ({ value: null }),
  parseResponse(_def, raw) {
    if (raw === null || raw === undefined) return { ok: true, response: { value: null } }
    return typeof raw === 'string' && /^\d{1,4}$/.test(raw) ? { ok: true, response: { value: Number(raw) } } : { ok: false, error: 'expected a number' }
  },
  maxPoints: (def) => def.points,
  score: (def, response) => resultFromShare(def, response.value === def.answer ? 1 : 0, []),
  bestResponse: (def) => ({ value: def.answer }),
  worstResponse: (def) => ({ value: def.answer + 1 }),
  review: (_def, response) => ({ value: response.value }),
  analyse: (_def, responses) => {
    const counts: Record<string, number> = {}
    for (const { response } of responses) if (response.value !== null) counts[response.value] = (counts[response.value] ?? 0) + 1
    return counts
  },
}

const registry = ITEM_TYPES as unknown as Record<string, AnyItemType>
beforeAll(() => {
  registry.tally = tally as unknown as AnyItemType
})
afterAll(() => {
  delete registry.tally
})

const QUIZ_YAML = `
id: tally-quiz
title: { zh: 计数测验, en: Tally quiz }
course: demo
modules: [intro]
passMark: 50
attemptsAllowed: 0
minDelayMinutes: 0
items:
  - id: queue
    type: tally
    points: 2
    prompt: 叫号机一次最多显示几个号？
    answer: 3
  - id: greet
    type: single
    points: 1
    prompt: 客户进门时？
    options:
      - { id: a, text: 起身问好, correct: true, feedback: 对 }
      - { id: b, text: 继续低头, feedback: 不对 }
`

it('a new item type flows from YAML through view, form, scoring and statistics', () => {
  const quiz = QuizSchema.parse(parse(QUIZ_YAML))
  expect(quiz.items.map((item) => item.type)).toEqual(['tally', 'single'])

  const view = quizView(quiz, { scenarios, seed: 's' })
  expect(view.items[0]).toEqual({ id: 'queue', type: 'tally', prompt: '叫号机一次最多显示几个号？' }) // no answer in it

  // six clerks: the form is read by the type, the answer parsed and scored; 3 is right
  const given = ['3', '3', '3', '4', '', '3']
  const analysed = given.map((value, index) => {
    const answers = answersFromForm(value ? [['a.queue', value]] : [], quiz.items)
    const parsed = parseResponses(quiz, answers, {}, { scenarios, seed: 's' })
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    const score = scoreAttempt(quiz, parsed.responses, scoringContext)
    return { id: `a${index}`, result: { items: score.items.map((item) => ({ itemId: item.itemId, points: item.points })) }, responses: parsed.responses }
  })
  expect(analysed.map((attempt) => attempt.result.items[0].points)).toEqual([2, 2, 2, 0, 0, 2])

  const figures = figuresOf(quiz, analysed)
  const [queue] = itemReports(quiz, analysed, scoringContext, figures)
  expect(queue.type).toBe('tally')
  expect(queue.analysis).toEqual({ 3: 4, 4: 1 }) // its own response analysis
  expect(queue.figures?.facility).toBeCloseTo(4 / 6, 10)
  expect(itemVerdicts([queue], analysed.length)[0]).toMatchObject({ itemId: 'queue', number: 1 })
})

it('a form answer the new type cannot parse is refused for that item only', () => {
  const quiz = QuizSchema.parse(parse(QUIZ_YAML))
  const parsed = parseResponses(quiz, answersFromForm([['a.queue', 'many']], quiz.items), {}, { scenarios, seed: 's' })
  expect(parsed).toEqual({ ok: false, errors: [{ itemId: 'queue', error: 'expected a number' }] })
})
