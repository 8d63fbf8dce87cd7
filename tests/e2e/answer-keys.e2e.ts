// Answer keys never reach the browser: every quiz and scenario page a clerk can see before submitting
// (the HTML with its embedded loader data, the loader and action JSON) and every client JS chunk of the
// build are searched for correct-answer flags, points and feedback texts.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { checkContent } from '~/server/content/check.server'
import { practiceQuiz } from '~/server/content/import-quizzes.server'
import type { Quiz } from '~/core/quiz/quiz'
import type { Scenario } from '~/core/quiz/scenario-graph'
import { signInHttp, type Session } from './http'

const { content } = checkContent('content')
const scenarios = new Map(content.scenarios.map((s) => [s.scenario.id, s.scenario]))
const quizzes: Quiz[] = [...content.quizzes.map((q) => q.quiz), ...content.scenarios.map((s) => practiceQuiz(s.scenario))]

/** Every feedback text a quiz holds (options, items, dialogue replies): none may show before submission. */
function secretsOf(quiz: Quiz): string[] {
  const texts = new Set<string>()
  const visit = (value: unknown, key?: string) => {
    if (key === 'feedback' && typeof value === 'string' && value.length >= 4) texts.add(value)
    else if (Array.isArray(value)) value.forEach((v) => visit(v))
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k)
  }
  visit(quiz)
  for (const item of quiz.items) if (item.type === 'scenario') visit(scenarios.get(item.scenario) as Scenario)
  return [...texts]
}

function assertNoKeys(body: string, secrets: readonly string[], where: string) {
  expect(body, where).not.toMatch(/"correct"\s*:/)
  expect(body, where).not.toMatch(/"points"\s*:/)
  expect(body, where).not.toMatch(/"bestPoints"\s*:/)
  expect(body, where).not.toMatch(/"next"\s*:/)
  for (const secret of secrets) expect(body.includes(secret), `${where} shows the feedback 「${secret}」`).toBe(false)
}

/** The feedback of every reply at a dialogue's first turn: after one turn of practice, one of them is shown. */
function firstTurnFeedback(quiz: Quiz): string[] {
  return quiz.items.flatMap((item) => {
    if (item.type !== 'scenario') return []
    const scenario = scenarios.get(item.scenario) as Scenario
    const start = scenario.nodes.find((node) => node.id === scenario.start)
    return start && 'replies' in start ? start.replies.map((reply) => reply.feedback) : []
  })
}

const dialogueQuizzes = quizzes.filter((quiz) => quiz.items.some((item) => item.type === 'scenario'))
const dialoguesChecked = new Set<string>()

let clerk: Session
beforeAll(async () => {
  clerk = await signInHttp('clerk30')
})

// every quiz with a dialogue had its dialogue played one turn and looked at again (a regex that stopped matching
// the page would otherwise skip that check silently)
afterAll(() => expect([...dialoguesChecked].sort()).toEqual(dialogueQuizzes.map((quiz) => quiz.id).sort()))

it('the content has answer keys to hide (the test would notice them)', () => {
  expect(quizzes.length).toBeGreaterThanOrEqual(3 + 30)
  expect(quizzes.flatMap(secretsOf).length).toBeGreaterThan(300)
})

it.each(quizzes.map((q) => [q.id, q] as const))('%s: pages and JSON before submission hold no key', async (id, quiz) => {
  const secrets = secretsOf(quiz)
  const overview = await clerk.get(`/quizzes/${id}`)
  expect(overview.status).toBe(200)
  assertNoKeys(await overview.text(), secrets, `${id} overview`)

  const started = await clerk.post(`/quizzes/${id}`, {})
  expect(started.status).toBe(302)
  const attemptPath = started.headers.get('location')!
  const page = await clerk.get(attemptPath)
  expect(page.status).toBe(200)
  assertNoKeys(await page.text(), secrets, `${id} attempt page`)
  const data = await clerk.get(`${attemptPath}?_data=${encodeURIComponent('routes/quizzes.$quiz.attempts.$attempt')}`)
  assertNoKeys(await data.text(), secrets, `${id} loader JSON`)
  const saved = await clerk.post(`${attemptPath}?_data=${encodeURIComponent('routes/quizzes.$quiz.attempts.$attempt')}`, { intent: 'save' })
  expect(saved.status).toBe(200)
  assertNoKeys(await saved.text(), secrets, `${id} save JSON`)

  // a dialogue: answer its first turn, then look again — the chosen reply shows, its feedback must not
  const html = await (await clerk.get(attemptPath)).text()
  const reply = /name="itemId" value="([^"]+)"\/><input type="hidden" name="replyId" value="([^"]+)"/.exec(html)
  if (reply) {
    const turned = await clerk.post(attemptPath, { intent: 'reply', itemId: reply[1], replyId: reply[2] })
    expect(turned.status).toBe(302)
    const after = await (await clerk.get(attemptPath)).text()
    if (id.startsWith('practice-')) {
      // practice judges each turn once answered: the chosen reply's feedback and points show, nothing of later turns
      const shown = firstTurnFeedback(quiz)
      expect(shown.filter((text) => after.includes(text)), `${id}: the chosen reply's feedback`).toHaveLength(1)
      expect(after, id).not.toMatch(/"correct"\s*:/)
      expect(after, id).not.toMatch(/"next"\s*:/)
      for (const secret of secrets.filter((text) => !shown.includes(text))) expect(after.includes(secret), `${id} shows 「${secret}」`).toBe(false)
    } else {
      assertNoKeys(after, secrets, `${id} after one dialogue turn`)
    }
    dialoguesChecked.add(id)
  }
})

it('no client JS chunk of the build holds a feedback text or a correct flag', () => {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (full.endsWith('.js')) files.push(full)
    }
  }
  walk('public/build')
  expect(files.length).toBeGreaterThan(5)
  const secrets = quizzes.flatMap(secretsOf)
  for (const file of files) {
    const code = readFileSync(file, 'utf8')
    expect(code, file).not.toMatch(/correct:\s*(!0|true)/)
    for (const secret of secrets) expect(code.includes(secret), `${file} holds 「${secret}」`).toBe(false)
  }
})
