// Quiz statistics on a real SQLite file: clerks in several halls take the demo quiz (a single choice and a dialogue)
// through the attempt engine; trainers see every hall, managers only theirs, and the figures match hand counts.
import { loader as managerStatsLoader } from '~/routes/manage.quizzes.$quiz'
import { loader as listLoader } from '~/routes/trainer.quizzes._index'
import { loader as trainerStatsLoader } from '~/routes/trainer.quizzes.$quiz'
import type { QuizItemView } from '~/core/quiz/registry'
import type { PrismaClient } from '~/generated/prisma/client'
import { importContent } from '~/server/content/import.server'
import { loadSessionUser, type SessionUser } from '~/server/people.server'
import { replyInScenario, submitAttempt } from '~/server/quiz-answers.server'
import { attemptPage, startAttempt } from '~/server/quiz-attempts.server'
import type { QuizList, QuizStatisticsPage } from '~/server/quiz-statistics.server'
import { seedDemo } from '~/server/seed/demo.server'
import { useTestDatabase } from '../database'
import { cookieFor, outcome, requestAs } from '../session'

let db: PrismaClient
const t0 = new Date('2026-11-25T02:00:00Z')
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000)

type Single = Extract<QuizItemView, { type: 'single' }>
type Dialogue = Extract<QuizItemView, { type: 'scenario' }>

// The demo quiz: q1 single choice (1 mark, "补办" is right, "不戴" wrong); q2 the demo dialogue (2 marks):
// n1 → "1023" (2 points, on to n2) or "问这个干什么" (0, complaint); n2 → "马上为您办理" (2, satisfied) or "急什么" (0).
const RIGHT = '补办'
const WRONG = '不戴'
const BEST_PATH = ['1023', '马上为您办理']
const LOSES_AT_N2 = ['1023', '急什么']
const LOSES_AT_N1 = ['问这个干什么']

async function sessionUser(username: string): Promise<SessionUser> {
  const { id } = await db.user.findUniqueOrThrow({ where: { username } })
  return (await loadSessionUser(id))!
}

/** Opens the attempt as the clerk sees it and gives the opaque ids' items. */
async function view(user: SessionUser, quizId: string, attemptId: string, now: Date) {
  const page = await attemptPage(user, quizId, attemptId, now)
  if (page.status !== 'in_progress') throw new Error('attempt is closed')
  return {
    single: page.view.items.find((item) => item.type === 'single') as Single | undefined,
    dialogue: page.view.items.find((item) => item.type === 'scenario') as Dialogue,
  }
}

/** One attempt driven through the engine: replies chosen by their text, then the choice answered and submitted. */
async function takeQuiz(
  username: string,
  quizId: string,
  answer: { choice?: string; replies: string[] },
  startMinute: number,
): Promise<string> {
  const user = await sessionUser(username)
  const now = at(startMinute)
  const started = await startAttempt(user, quizId, now)
  if (!started.ok) throw new Error(`${username} may not start ${quizId}: ${started.reason}`)
  for (const text of answer.replies) {
    const { dialogue } = await view(user, quizId, started.attemptId, now)
    if (dialogue.node.type !== 'turn') throw new Error('dialogue already ended')
    const reply = dialogue.node.replies.find((candidate) => candidate.text.includes(text))!
    expect(await replyInScenario(user, quizId, started.attemptId, dialogue.id, reply.id, now)).toEqual({ ok: true })
  }
  const { single } = await view(user, quizId, started.attemptId, now)
  const sent = answer.choice && single ? { [single.id]: single.options.find((o) => o.text.includes(answer.choice!))!.id } : {}
  const submitted = await submitAttempt(user, quizId, started.attemptId, sent, at(startMinute + 2))
  expect(submitted.ok).toBe(true)
  return started.attemptId
}

async function statsAs(username: string, quiz = 'demo-quiz', area: 'trainer' | 'manage' = 'trainer') {
  const cookie = await cookieFor(db, username)
  const loader = area === 'trainer' ? trainerStatsLoader : managerStatsLoader
  return outcome(() => loader({ request: requestAs(cookie, `/${area}/quizzes/${quiz}`), params: { quiz }, context: {} }))
}

async function pageAs(username: string, area: 'trainer' | 'manage' = 'trainer'): Promise<QuizStatisticsPage> {
  const response = await statsAs(username, 'demo-quiz', area)
  expect(response.status).toBe(200)
  return ((await response.json()) as { page: QuizStatisticsPage }).page
}

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now: t0 })
  expect((await importContent(db, 'tests/fixtures/content/good')).ok).toBe(true)
  // First attempts (halls go round-robin: clerk01, 09, 17 → H01; 02 → H02; 03 → H03; 05 → H05; 06 → H06):
  //   clerk   q1      dialogue          q1  q2  total  percent
  //   01 H01  right   best path          1   2    3    100
  //   09 H01  wrong   loses at n2        0   1    1     33.33
  //   17 H01  right   loses at n1        1   0    1     33.33
  //   02 H02  right   best path          1   2    3    100
  //   03 H03  blank   loses at n2        0   1    1     33.33
  //   05 H05  wrong   best path          0   2    2     66.67
  //   06 H06  right   loses at n2        1   1    2     66.67
  await takeQuiz('clerk01', 'demo-quiz', { choice: RIGHT, replies: BEST_PATH }, 0)
  await takeQuiz('clerk09', 'demo-quiz', { choice: WRONG, replies: LOSES_AT_N2 }, 1)
  await takeQuiz('clerk17', 'demo-quiz', { choice: RIGHT, replies: LOSES_AT_N1 }, 2)
  await takeQuiz('clerk02', 'demo-quiz', { choice: RIGHT, replies: BEST_PATH }, 3)
  await takeQuiz('clerk03', 'demo-quiz', { replies: LOSES_AT_N2 }, 4)
  await takeQuiz('clerk05', 'demo-quiz', { choice: WRONG, replies: BEST_PATH }, 5)
  await takeQuiz('clerk06', 'demo-quiz', { choice: RIGHT, replies: LOSES_AT_N2 }, 6)
  // a second attempt counts as an attempt (and a pass) but not in the first-attempt analysis
  await takeQuiz('clerk09', 'demo-quiz', { choice: RIGHT, replies: BEST_PATH }, 30)
  // an attempt still in progress is not counted at all
  expect((await startAttempt(await sessionUser('clerk04'), 'demo-quiz', at(7))).ok).toBe(true)
  // practice dialogues: one pass, one fail
  await takeQuiz('clerk01', 'practice-demo-talk', { replies: BEST_PATH }, 40)
  await takeQuiz('clerk02', 'practice-demo-talk', { replies: LOSES_AT_N1 }, 40)
})
afterAll(() => db.$disconnect())

describe('a trainer sees every hall', () => {
  it('counts submitted attempts, clerks, the pass rate and the score distribution', async () => {
    const page = await pageAs('trainer01')
    expect(page).toMatchObject({ wholeOrganisation: true, attempts: 8, learners: 7, passed: 5, analysed: 7 })
    expect(page.passRate).toBeCloseTo(5 / 8, 10)
    const bands = Object.fromEntries(page.distribution.filter((band) => band.count > 0).map((band) => [band.from, band.count]))
    expect(bands).toEqual({ 30: 3, 60: 2, 90: 3 }) // 33.33% ×3, 66.67% ×2, 100% ×3 (clerk09's second included)
    expect(page.distribution).toHaveLength(10)
  })

  it("computes Moodle's figures on each clerk's first attempt", async () => {
    const page = await pageAs('trainer01')
    const totals = [3, 1, 1, 3, 1, 2, 2]
    expect(page.verdicts.map((v) => v.itemId).sort()).toEqual(['q1', 'q2'])
    expect(page.figures?.attempts).toBe(7)
    expect(page.figures?.mean).toBeCloseTo(totals.reduce((a, b) => a + b) / 7, 10)
    expect(page.figures?.median).toBe(2)
    const [q1, q2] = page.items
    expect(q1).toMatchObject({ id: 'q1', type: 'single', maxMark: 1 })
    expect(q1.figures?.facility).toBeCloseTo(4 / 7, 10) // four right of seven
    expect(q2).toMatchObject({ id: 'q2', type: 'scenario', maxMark: 2 })
    expect(q2.figures?.facility).toBeCloseTo((2 + 1 + 0 + 2 + 1 + 2 + 1) / 7 / 2, 10)
    const q1Marks = [1, 0, 1, 1, 0, 0, 1]
    const mean = 4 / 7
    const variance = q1Marks.reduce((sum, mark) => sum + (mark - mean) ** 2, 0) / 6
    expect(q1.figures?.sd).toBeCloseTo(Math.sqrt(variance), 10)
  })

  it("gives each option's pick rate, with the key, on first attempts", async () => {
    const { items } = await pageAs('trainer01')
    const [q1, q2] = items
    if (q1.type !== 'single' || q2.type !== 'scenario') throw new Error('the demo quiz is a single choice, then a dialogue')
    expect(q1.analysis).toMatchObject({ responses: 7, blanks: 1 })
    const [a, b] = q1.analysis.rows
    expect(a).toMatchObject({ id: 'a', correct: false, picks: 2 })
    expect(a.rate).toBeCloseTo(2 / 7, 10)
    expect(b).toMatchObject({ id: 'b', correct: true, picks: 4, text: '报告值班经理补办后上岗' })
    expect(b.rate).toBeCloseTo(4 / 7, 10)
    // thirds by total (3 1 1 3 1 2 2): the upper two (both 3) picked the key; the lower two (the last two of the
    // three 1s, in attempt order) split one and one
    expect([b.upperRate, b.lowerRate]).toEqual([1, 0.5])
  })

  it("gives each reply's pick rate per turn, the common paths and the turn where most points are lost", async () => {
    const { items } = await pageAs('trainer01')
    const dialogue = items[1].type === 'scenario' ? items[1].analysis! : null
    if (!dialogue) throw new Error('item 2 is the dialogue')
    expect(dialogue.paths).toBe(7)
    const [n1, n2] = dialogue.turns
    expect(n1).toMatchObject({ nodeId: 'n1', visits: 7, worst: false })
    expect(n1.replies.map((r) => [r.id, r.picks, r.points, r.bestPoints])).toEqual([
      ['r1', 6, 2, 2],
      ['r2', 1, 0, 2],
    ])
    expect(n1.replies[0].rate).toBeCloseTo(6 / 7, 10)
    expect(n1.meanPointsLost).toBeCloseTo(2 / 7, 10)
    expect(n2).toMatchObject({ nodeId: 'n2', visits: 6, worst: true, meanPointsLost: 1 })
    expect(n2.replies.map((r) => [r.id, r.picks, r.rate])).toEqual([
      ['r1', 3, 0.5],
      ['r2', 3, 0.5],
      ['r3', 0, 0], // offered (the fixture's partly right reply), never picked: still listed
    ])
    expect(dialogue.worstTurn).toMatchObject({ nodeId: 'n2', visits: 6, meanPointsLost: 1, customer: '那你快点给我办。' })
    expect(dialogue.commonPaths.map((p) => [p.steps.map((s) => `${s.nodeId}:${s.replyId}`).join(' '), p.count, p.ending])).toEqual([
      ['n1:r1 n2:r1', 3, 'satisfied'],
      ['n1:r1 n2:r2', 3, 'complaint'],
      ['n1:r2', 1, 'complaint'],
    ])
    expect(dialogue.commonPaths[0].share).toBeCloseTo(3 / 7, 10)
  })

  it('lists quizzes first, then practice dialogues by course, with attempts and pass rates', async () => {
    const cookie = await cookieFor(db, 'trainer01')
    const response = await outcome(() => listLoader({ request: requestAs(cookie, '/trainer/quizzes'), params: {}, context: {} }))
    expect(response.status).toBe(200)
    const list = (await response.json()) as QuizList
    expect(list.quizzes).toEqual([expect.objectContaining({ id: 'demo-quiz', kind: 'quiz', attempts: 8, passRate: 5 / 8 })])
    expect(list.practice).toEqual([
      expect.objectContaining({
        courseId: 'demo',
        quizzes: [expect.objectContaining({ id: 'practice-demo-talk', attempts: 2, passRate: 0.5 })],
      }),
    ])
  })
})

describe('managers see their halls only', () => {
  it('a hall manager (H01) sees clerk01, clerk09 and clerk17', async () => {
    const page = await pageAs('hall01mgr', 'manage')
    expect(page).toMatchObject({ wholeOrganisation: false, attempts: 4, learners: 3, passed: 2, analysed: 3 })
    expect(page.items[0].figures?.facility).toBeCloseTo(2 / 3, 10) // clerk01 and clerk17 right, clerk09 wrong
    expect(page.items[1].type === 'scenario' && page.items[1].analysis?.turns[0].visits).toBe(3)
  })

  it('a region manager (R01: H01–H04) sees their region', async () => {
    const page = await pageAs('region01mgr', 'manage')
    expect(page).toMatchObject({ attempts: 6, learners: 5, analysed: 5 }) // H01 ×4, clerk02 (H02), clerk03 (H03)
  })

  it('with fewer than 2 clerks there are counts but no figures', async () => {
    const page = await pageAs('hall02mgr', 'manage')
    expect(page).toMatchObject({ attempts: 1, learners: 1, analysed: 1, figures: null })
    expect(page.items.every((item) => item.figures === null)).toBe(true)
    expect(page.items[0].analysis).toMatchObject({ responses: 1 })
  })

  it('a manager of halls nobody attempted from sees empty statistics', async () => {
    const page = await pageAs('hall08mgr', 'manage')
    expect(page).toMatchObject({ attempts: 0, learners: 0, passRate: null, figures: null })
    expect(page.items[1].analysis).toMatchObject({ paths: 0, worstTurn: null, commonPaths: [] })
  })
})

describe('refusals', () => {
  it.each([
    { who: 'clerk01', area: 'trainer', quiz: 'demo-quiz', status: 403 },
    { who: 'hall01mgr', area: 'trainer', quiz: 'demo-quiz', status: 403 },
    { who: 'trainer01', area: 'manage', quiz: 'demo-quiz', status: 403 },
    { who: 'clerk01', area: 'manage', quiz: 'demo-quiz', status: 403 },
    { who: 'trainer01', area: 'trainer', quiz: 'no-such-quiz', status: 404 },
    { who: 'hall01mgr', area: 'manage', quiz: 'no-such-quiz', status: 404 },
    { who: 'trainer01', area: 'trainer', quiz: 'Bad Slug', status: 404 },
    { who: 'admin', area: 'manage', quiz: 'demo-quiz', status: 200 },
  ] as const)('$who → /$area/quizzes/$quiz: $status', async ({ who, area, quiz, status }) => {
    expect((await statsAs(who, quiz, area)).status).toBe(status)
  })

  it('a clerk may not open the list', async () => {
    const cookie = await cookieFor(db, 'clerk01')
    const response = await outcome(() => listLoader({ request: requestAs(cookie, '/trainer/quizzes'), params: {}, context: {} }))
    expect(response.status).toBe(403)
  })
})
