// Issue 13, finding 10: saving into an attempt that is already closed says so (409), never "saved".
import { action as attemptAction } from '~/routes/quizzes.$quiz.attempts.$attempt'
import { importContent } from '~/server/content/import.server'
import { loadSessionUser } from '~/server/people.server'
import { submitAttempt } from '~/server/quiz-answers.server'
import { startAttempt } from '~/server/quiz-attempts.server'
import { seedDemo } from '~/server/seed/demo.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'
import { cookieFor, outcome, requestAs } from '../session'

let db: PrismaClient
beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now: new Date() })
  expect((await importContent(db, 'tests/fixtures/content/good')).ok).toBe(true)
})
afterAll(() => db.$disconnect())

it('a save after submit answers 409 with closed: true, and changes nothing', async () => {
  const user = (await loadSessionUser((await db.user.findUniqueOrThrow({ where: { username: 'clerk11' } })).id))!
  const started = await startAttempt(user, 'demo-quiz', new Date())
  if (!started.ok) throw new Error('could not start')
  await submitAttempt(user, 'demo-quiz', started.attemptId, {}, new Date())
  const before = await db.attempt.findUniqueOrThrow({ where: { id: started.attemptId } })
  const cookie = await cookieFor(db, 'clerk11')
  const path = `/quizzes/demo-quiz/attempts/${started.attemptId}`
  const response = await outcome(() =>
    attemptAction({
      request: requestAs(cookie, path, { method: 'POST', body: new URLSearchParams({ intent: 'save' }) }),
      params: { quiz: 'demo-quiz', attempt: started.attemptId },
      context: {},
    }),
  )
  expect(response.status).toBe(409)
  expect(await response.json()).toMatchObject({ closed: true })
  expect(await db.attempt.findUniqueOrThrow({ where: { id: started.attemptId } })).toEqual(before)
})
