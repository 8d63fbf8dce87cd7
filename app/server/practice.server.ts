// The practice corner: the dialogue scenarios to practise, by course, and the 服务禁语 self-check.
import { findForbiddenPhrases, highlightSegments } from '~/core/phrases'
import { prisma } from './db.server'
import { loadForbiddenPhrases } from './phrases.server'

export async function practiceScenarios() {
  const rows = await prisma.quizVersion.findMany({
    where: { kind: 'practice', current: { isNot: null } },
    select: { quizId: true, courseId: true, titleZh: true, titleEn: true },
    orderBy: [{ courseId: 'asc' }, { quizId: 'asc' }],
  })
  const courses = await prisma.courseVersion.findMany({
    where: { current: { isNot: null } },
    select: { courseId: true, titleZh: true, titleEn: true },
    orderBy: { courseId: 'asc' },
  })
  return courses.map((course) => ({ ...course, scenarios: rows.filter((r) => r.courseId === course.courseId) }))
}

/** The reply cut into plain and flagged pieces, each flagged piece with the courteous wording to use. */
export function checkReply(text: string) {
  const hits = findForbiddenPhrases(text, loadForbiddenPhrases())
  return {
    segments: highlightSegments(text, hits).map((s) => ({ text: s.text, suggestion: s.hit?.suggestion ?? null, category: s.hit?.category ?? null })),
    hits: hits.length,
  }
}
