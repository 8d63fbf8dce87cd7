// A quiz passed with at least a score. Attempts submitted before the latest `recertify` version of the
// quiz's course was published no longer count: the clerk re-passes after re-reading.
import { z } from 'zod'
import { SlugSchema } from '../../quiz/schema-parts'
import type { StarEvidence } from '../evidence'
import { phrase, type RequirementKind } from '../requirement-kind'

const schema = z.object({ kind: z.literal('quiz-score'), quiz: SlugSchema, min: z.number().min(0).max(100) }).strict()
type Params = z.infer<typeof schema>

/** The instant after which a fresh pass is needed, or null when the course never asked for one. */
export function recertifySince(evidence: StarEvidence, courseId: string): Date | null {
  const flagged = (evidence.courses[courseId]?.versions ?? []).filter((v) => v.recertify)
  if (!flagged.length) return null
  return new Date(Math.max(...flagged.map((v) => v.publishedAt.getTime())))
}

/** The best score that counts now, or null when no attempt counts. */
export function bestQuizScore(evidence: StarEvidence, quizId: string): number | null {
  const quiz = evidence.quizzes[quizId]
  if (!quiz) return null
  const since = recertifySince(evidence, quiz.courseId)
  const counted = quiz.attempts.filter((a) => !since || a.submittedAt.getTime() >= since.getTime())
  return counted.length ? Math.max(...counted.map((a) => a.percent)) : null
}

export const quizScore: RequirementKind<'quiz-score', Params> = {
  kind: 'quiz-score',
  schema,
  references: (p) => ({ courses: [], quizzes: [p.quiz] }),
  compareKey: (p) => p.quiz,
  contains: (stronger, weaker) => stronger.quiz === weaker.quiz && stronger.min >= weaker.min,
  loosenedField: (lower, higher) => (higher.min < lower.min ? 'min' : null),
  evaluate(p, evidence, { titles }) {
    const best = bestQuizScore(evidence, p.quiz)
    const quiz = evidence.quizzes[p.quiz]?.title ?? titles('quiz', p.quiz)
    const met = best !== null && best >= p.min
    return {
      kind: 'quiz-score',
      status: met ? 'met' : 'missing',
      requirement: phrase('quiz-score', 'requirement', { quiz, min: p.min }),
      current: best === null ? phrase('quiz-score', 'none') : phrase('quiz-score', 'current', { score: Math.round(best * 10) / 10 }),
    }
  },
}
