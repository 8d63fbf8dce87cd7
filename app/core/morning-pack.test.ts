import { selectMorningPack, rightPath, type QuizDefinition } from './morning-pack'
import { overdueByCourse } from './overdue-by-course'
import { compilePhraseList, ForbiddenPhraseListSchema } from './phrases'
import type { Scenario } from './quiz/scenario-graph'
import { foldItems, foldPhrases, type AttemptFacts } from './unit-quality'

const phrases = compilePhraseList(
  ForbiddenPhraseListSchema.parse({
    phrases: [
      { id: 'not-mine', phrase: '不归我管', suggestion: '我帮您联系负责的同事。', category: '推诿' },
      { id: 'dont-know', phrase: '不知道', suggestion: '我马上帮您查询。', category: '推诿' },
      { id: 'hurry', phrase: '快点', suggestion: '请您稍等，我尽快办理。', category: '不耐烦' },
      { id: 'closed', phrase: '下班了', suggestion: '我先为您登记。', category: '冷漠' },
    ],
  }),
)
const scenario: Scenario = {
  id: 'fee',
  title: { zh: '老人问费用', en: 'An elderly customer asks about a fee' },
  course: 'c',
  source: { seed: 's', situation: 's' },
  start: 'n1',
  nodes: [
    { id: 'n1', customer: '这个钱怎么多扣了？', mood: 'annoyed', replies: [
      { id: 'good', text: '您别着急，我帮您查明细。', points: 2, feedback: '先安抚再查询。', next: 'end-ok' },
      { id: 'bad', text: '不知道，不归我管。', points: 0, feedback: '推诿。', next: 'end-bad' },
    ] },
    { id: 'end-ok', end: 'satisfied', text: '客户满意离开。' },
    { id: 'end-bad', end: 'complaint', text: '客户投诉。' },
  ],
}
const definitions = new Map<string, QuizDefinition>([
  ['q', { items: [{ id: 'i1', type: 'single', prompt: '挂牌上岗？' }, { id: 'i2', type: 'text', prompt: '写出问候语' }, { id: 'i3', type: 'single', prompt: '一米线？' }, { id: 'i4', type: 'single', prompt: '首问负责？' }, { id: 'd1', type: 'scenario', scenario: 'fee' }], scenarios: new Map([['fee', scenario]]) }],
])
const attempt = (userId: string, scores: Record<string, number>, texts: { i2?: string; reply?: string } = {}): AttemptFacts => ({
  userId,
  quizId: 'q',
  items: Object.entries(scores).map(([itemId, points]) => ({ itemId, points, maxPoints: 1 })),
  reviews: [
    { itemId: 'i2', review: { type: 'text', text: texts.i2 ?? '您好' } },
    { itemId: 'd1', review: { type: 'scenario', steps: texts.reply ? [{ reply: texts.reply }] : [] } },
    ...['i1', 'i3', 'i4'].map((itemId) => ({ itemId, review: { type: 'single' } })),
  ],
})
// the pack reads the quality roll-up: each attempt folded as a day of its own, so the selection also sees its
// sums added up across days (what a page reads) rather than one fold of every attempt
const packOf = (attempts: readonly AttemptFacts[], overdue: Array<{ username: string; name: string; courses: string[] }> = []) =>
  selectMorningPack({ items: attempts.flatMap((a) => foldItems([a])), phraseHits: attempts.flatMap((a) => foldPhrases([a], phrases)), phrases, definitions, overdue })
const perfect = { i1: 1, i2: 1, i3: 1, i4: 1, d1: 1 }

describe('selectMorningPack', () => {
  it.each([
    {
      case: 'phrases ranked by clerks who said them, three at most, each once per answer',
      attempts: [
        attempt('a', perfect, { i2: '不归我管，不归我管', reply: '不知道，不归我管。' }),
        attempt('b', perfect, { i2: '快点说', reply: '不知道，不归我管。' }),
        attempt('c', perfect, { i2: '下班了' }),
        attempt('d', perfect, { i2: '快点' }),
        attempt('e', perfect, { i2: '您快点' }),
      ],
      phrases: ['hurry', 'not-mine', 'dont-know'], // 3 clerks; 2 clerks and 3 hits; 2 clerks and 2 hits (下班了: 1 clerk, left out)
    },
    { case: 'nobody said one: no phrases to drill', attempts: [attempt('a', perfect), attempt('b', perfect), attempt('c', perfect)], phrases: [] },
  ])('$case', ({ attempts, phrases: expected }) => {
    expect(packOf(attempts).phrases.map((p) => p.id)).toEqual(expected)
  })

  it.each([
    { case: 'the three items missed most, lowest facility first', scores: [{ i1: 0, i3: 0, i4: 1, i2: 0 }, { i1: 0, i3: 1, i4: 1, i2: 0 }, { i1: 0, i3: 0, i4: 0, i2: 1 }], items: ['i1', 'i2', 'i3'] },
    { case: 'items everyone got right are not drilled', scores: [perfect, perfect, perfect], items: [] },
    { case: 'fewer than three answers: too few to say', scores: [{ i1: 0 }, { i1: 0 }], items: [] },
  ])('$case', ({ scores, items }) => {
    const attempts = scores.map((s, n) => attempt(`u${n}`, s))
    expect(packOf(attempts).items.map((i) => i.itemId)).toEqual(items)
  })

  it('the dialogue failed most comes with its right path and why', () => {
    const attempts = [0, 0.5, 0].map((d1, n) => attempt(`u${n}`, { d1 }))
    const pack = packOf(attempts)
    expect(pack.dialogue).toMatchObject({ scenarioId: 'fee', facility: 17, path: [{ customer: '这个钱怎么多扣了？', reply: '您别着急，我帮您查明细。', why: '先安抚再查询。' }], ending: '客户满意离开。' })
  })

  it('no dialogue attempts: no dialogue', () => expect(packOf([]).dialogue).toBeNull())

  it('overdue people, most overdue courses first, then by employee number', () => {
    const overdue = [{ username: 'clerk09', name: 'a', courses: ['x'] }, { username: 'clerk01', name: 'b', courses: ['x'] }, { username: 'clerk05', name: 'c', courses: ['x', 'y'] }]
    expect(packOf([], overdue).overdue.map((p) => p.username)).toEqual(['clerk05', 'clerk01', 'clerk09'])
  })
})

it('rightPath walks the best replies to the ending', () => {
  expect(rightPath(scenario).path.map((s) => s.reply)).toEqual(['您别着急，我帮您查明细。'])
})

describe('overdueByCourse', () => {
  const p = (username: string, courses: string[]) => ({ username, name: username.toUpperCase(), courses })
  it.each([
    { case: 'nobody overdue', overdue: [], grouped: [] },
    { case: 'one person, two courses', overdue: [p('c1', ['礼仪', '投诉'])], grouped: [['投诉', ['c1']], ['礼仪', ['c1']]] },
    {
      case: 'the course with most people first, people in the given order',
      overdue: [p('c5', ['礼仪', '投诉']), p('c1', ['投诉']), p('c9', ['投诉'])],
      grouped: [['投诉', ['c5', 'c1', 'c9']], ['礼仪', ['c5']]],
    },
  ])('$case', ({ overdue, grouped }) => {
    expect(overdueByCourse(overdue).map((g) => [g.course, g.people.map((x) => x.username)])).toEqual(grouped)
  })
})
