// Test-only fixtures shared by the quiz tests: a small 服务禁语 list, a small dialogue scenario, contexts.
import { compilePhraseList, ForbiddenPhraseListSchema } from '../phrases'
import type { ParseContext, ScoringContext, ViewContext } from './item-type'
import { ScenarioSchema, type Scenario } from './scenario-graph'
import { parse } from 'yaml'

export const phrases = compilePhraseList(
  ForbiddenPhraseListSchema.parse({
    phrases: [
      { id: 'dont-know', phrase: '不知道', suggestion: '我帮您查询一下，请稍等。', unless: ['您不知道'], category: '推诿' },
      { id: 'ask-someone-else', phrase: '找别人去', suggestion: '我来帮您办理。', category: '推诿' },
      { id: 'what-is-the-hurry', phrase: '急什么', suggestion: '请您稍等。', category: '不耐烦' },
    ],
  }),
)

/** n1 → (r1 3 pts → n2 | r2 0 pts → end-complaint); n2 → (r1 2 → end-ok | r2 1 → end-escalated). Best 5, worst 0. */
export const dialogue: Scenario = ScenarioSchema.parse({
  id: 'queue',
  title: { zh: '排队', en: 'Queue' },
  course: 'phrasing',
  source: { seed: '003_642412ae15415cb4.txt', situation: '客户排队' },
  start: 'n1',
  nodes: [
    {
      id: 'n1',
      customer: '怎么又要排队？',
      mood: 'annoyed',
      replies: [
        { id: 'r1', text: '让您久等了，我马上办。', points: 3, feedback: 'GOOD-N1', next: 'n2' },
        { id: 'r2', text: '急什么，排着。', points: 0, feedback: 'BAD-N1', next: 'end-complaint' },
      ],
    },
    {
      id: 'n2',
      customer: '要多久？',
      mood: 'calm',
      replies: [
        { id: 'r1', text: '大约五分钟。', points: 2, feedback: 'GOOD-N2', next: 'end-ok' },
        { id: 'r2', text: '我也说不好。', points: 1, feedback: 'MEH-N2', next: 'end-escalated' },
      ],
    },
    { id: 'end-ok', end: 'satisfied', text: 'ENDING-OK' },
    { id: 'end-escalated', end: 'escalated', text: 'ENDING-ESCALATED' },
    { id: 'end-complaint', end: 'complaint', text: 'ENDING-COMPLAINT' },
  ],
})

export const scenarios = new Map([[dialogue.id, dialogue]])
export const viewContext = (seed = 'seed-1', shuffle = true, recorded?: unknown): ViewContext => ({
  scenarios,
  seed,
  shuffle,
  recorded,
})
export const parseContext = (seed = 'seed-1'): ParseContext => ({ scenarios, seed })
export const scoringContext: ScoringContext = { scenarios, phrases }

/** Asserts that a view does not give the answer away: no key or text that only the server may know. */
export function leakedWords(view: unknown, secrets: readonly string[]): string[] {
  const json = JSON.stringify(view)
  return ['correct', 'points', 'feedback', 'next', ...secrets].filter((word) => json.includes(word))
}

export interface FixtureReply {
  points: number
  /** An ending id (end-ok, end-escalated, end-bad), or 'next': the next node, the satisfied ending after the last. */
  next: string
  text?: string
}

/** A scenario built from its nodes' replies, for the content rules' table tests (fairness, test-wise). */
export function scenarioOfReplies(nodes: readonly FixtureReply[][]): Scenario {
  const target = (next: string, i: number) => (next !== 'next' ? next : i + 1 < nodes.length ? `n${i + 1}` : 'end-ok')
  return ScenarioSchema.parse({
    id: 's',
    title: { zh: '情景', en: 'Scenario' },
    course: 'demo',
    source: { seed: '000_70bcd773849c5a89.txt', situation: '情景' },
    start: 'n0',
    nodes: [
      ...nodes.map((replies, i) => ({
        id: `n${i}`,
        customer: '客户说话',
        mood: 'calm',
        replies: replies.map((reply, j) => ({ id: `r${j + 1}`, text: reply.text ?? `回复${j + 1}`, points: reply.points, feedback: '反馈', next: target(reply.next, i) })),
      })),
      { id: 'end-ok', end: 'satisfied', text: '满意' },
      { id: 'end-escalated', end: 'escalated', text: '升级' },
      { id: 'end-bad', end: 'complaint', text: '投诉' },
    ],
  })
}

/**
 * A quiz with one item of every type (q6 plays `dialogue`), written as a content author would (content/README.md),
 * parsed as content:check parses it; a fresh copy per call.
 */
export const everyTypeQuizSource = () =>
  parse(`
id: etiquette-quiz
title: { zh: 服务礼仪测验, en: Etiquette quiz }
course: etiquette
modules: [appearance, greeting]
passMark: 80
attemptsAllowed: 3
minDelayMinutes: 10
timeLimitMinutes: 20
shuffle: true
items:
  - { id: q1, type: single, module: appearance, points: 1, prompt: 工牌丢了？, feedback: FB-Q1, options: [
      { id: a, text: 不戴, feedback: FB-Q1A },
      { id: b, text: 报告, correct: true, feedback: FB-Q1B } ] }
  - { id: q2, type: multiple, scoring: partial, module: greeting, points: 2, prompt: 哪些是禁语？, options: [
      { id: a, text: 不知道, correct: true, feedback: FB-Q2A },
      { id: b, text: 找别人去, correct: true, feedback: FB-Q2B },
      { id: c, text: 请稍等, feedback: FB-Q2C } ] }
  - { id: q3, type: ordering, module: greeting, points: 2, prompt: 排序, feedback: FB-Q3,
      entries: [ { id: x, text: 问候 }, { id: y, text: 办理 }, { id: z, text: 送别 } ] }
  - { id: q4, type: matching, module: greeting, points: 2, prompt: 配对, feedback: FB-Q4,
      pairs: [ { id: p1, left: 不知道, right: 我帮您查 }, { id: p2, left: 急什么, right: 请稍等 } ] }
  - { id: q5, type: text, module: greeting, points: 1, prompt: 回答排队的客户, required: [[稍等], [抱歉, 对不起]],
      forbidden: true, feedback: FB-Q5 }
  - { id: q6, type: scenario, module: greeting, points: 2, scenario: queue, feedback: FB-Q6 }
`) as { items: Record<string, unknown>[] } & Record<string, unknown>
