// Checks the real content/quizzes and content/scenarios files against the schemas, graph rules and pass marks.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { compilePhraseList, ForbiddenPhraseListSchema } from '../phrases'
import type { ScoringContext } from './item-type'
import { extremeResponses, quizProblems, QuizSchema, quizView, scoreAttempt, type Quiz } from './quiz'
import { isEndNode, nodeById, pathsToEnds, ScenarioSchema, scenarioProblems, type Scenario } from './scenario-graph'
import { applyReply, scenarioView, startScenario } from './scenario-play'

const contentDir = path.join(process.cwd(), 'content')
const yamlFiles = (folder: string) =>
  readdirSync(path.join(contentDir, folder))
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name, raw: parse(readFileSync(path.join(contentDir, folder, name), 'utf8')) as unknown }))

const scenarioFiles = yamlFiles('scenarios')
const quizFiles = yamlFiles('quizzes')
const scenarios = new Map<string, Scenario>()
for (const file of scenarioFiles) {
  const parsed = ScenarioSchema.safeParse(file.raw)
  if (parsed.success) scenarios.set(parsed.data.id, parsed.data)
}
const phrases = compilePhraseList(
  ForbiddenPhraseListSchema.parse(parse(readFileSync(path.join(contentDir, 'phrases/forbidden.yaml'), 'utf8'))),
)
const ctx: ScoringContext = { scenarios, phrases }
const issues = (error: { issues: { path: (string | number)[]; message: string }[] } | undefined) =>
  (error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`)

it('finds the content', () => {
  expect(scenarioFiles.length).toBeGreaterThan(0)
  expect(quizFiles.length).toBeGreaterThan(0)
})

describe.each(scenarioFiles)('scenarios/$name', ({ name, raw }) => {
  const scenario = () => {
    const found = scenarios.get(name.replace(/\.yaml$/, ''))
    if (!found) throw new Error(`${name} did not parse`)
    return found
  }

  it('parses, with the id of its file name', () => {
    expect(issues(ScenarioSchema.safeParse(raw).error)).toEqual([])
    expect(scenario().id).toBe(name.replace(/\.yaml$/, ''))
  })

  it('has no graph problems', () => expect(scenarioProblems(scenario())).toEqual([]))

  it('is playable to each of its end nodes, reply by reply, as a client would', () => {
    const dialogue = scenario()
    const ends = pathsToEnds(dialogue)
    expect(ends.map((end) => end.nodeId).sort()).toEqual(
      dialogue.nodes
        .filter(isEndNode)
        .map((node) => node.id)
        .sort(),
    )
    for (const end of ends) {
      let state = startScenario(dialogue)
      for (const replyId of end.replyIds) {
        const node = nodeById(dialogue, state.currentNodeId)
        const text = node && !isEndNode(node) ? node.replies.find((reply) => reply.id === replyId)?.text : undefined
        const view = scenarioView(dialogue, state.currentNodeId, 'content-test')
        const shown = view?.type === 'turn' ? view.replies.filter((reply) => reply.text === text) : []
        expect(shown).toHaveLength(1) // reply texts at one node are distinct, so the clerk can tell them apart
        const result = applyReply(dialogue, state, shown[0].id, 'content-test')
        if (!result.ok) throw new Error(`${end.nodeId}: ${result.error}`)
        expect(result.step.replyId).toBe(replyId)
        state = result.state
      }
      expect([state.currentNodeId, state.ended]).toEqual([end.nodeId, end.end])
    }
  })
})

describe.each(quizFiles)('quizzes/$name', ({ name, raw }) => {
  const parsed = QuizSchema.safeParse(raw)
  const quiz = (): Quiz => {
    if (!parsed.success) throw new Error(`${name} did not parse`)
    return parsed.data
  }

  it('parses, with the id of its file name', () => {
    expect(issues(parsed.error)).toEqual([])
    expect(quiz().id).toBe(name.replace(/\.yaml$/, ''))
  })

  it('has no content problems', () => expect(quizProblems(quiz(), ctx)).toEqual([]))

  it('can be passed by its best answers and failed by its worst', () => {
    const best = scoreAttempt(quiz(), extremeResponses(quiz(), 'best', ctx), ctx)
    const worst = scoreAttempt(quiz(), extremeResponses(quiz(), 'worst', ctx), ctx)
    expect([best.percent, best.passed]).toEqual([100, true])
    expect(worst.passed).toBe(false)
  })

  it('shows the client no feedback and no option id twice', () => {
    const view = quizView(quiz(), { scenarios, seed: 'content-test' })
    const json = JSON.stringify(view)
    const secrets = quiz().items.flatMap((item) => [
      ...(item.feedback ? [item.feedback] : []),
      ...('options' in item ? item.options.map((option) => option.feedback) : []),
    ])
    expect(secrets.filter((secret) => json.includes(secret))).toEqual([])
    for (const item of view.items) {
      const ids = 'options' in item ? item.options.map((o) => o.id) : 'entries' in item ? item.entries.map((e) => e.id) : []
      expect(new Set(ids).size).toBe(ids.length)
    }
  })
})
