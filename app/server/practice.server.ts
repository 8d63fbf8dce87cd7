// The practice corner: the dialogue scenarios to practise, by course, and the 服务禁语 self-check.
import { findForbiddenPhrases, highlightSegments } from '~/core/phrases'
import { currentCourses } from './course-cache.server'
import { currentQuizzes } from './quiz-titles.server'
import { loadForbiddenPhrases } from './phrases.server'

export async function practiceScenarios() {
  const [quizzes, courses] = await Promise.all([currentQuizzes(), currentCourses()])
  const scenarios = quizzes
    .filter((quiz) => quiz.kind === 'practice')
    .map(({ quizId, courseId, titleZh, titleEn }) => ({ quizId, courseId, titleZh, titleEn }))
  return courses.map((course) => ({
    courseId: course.id,
    titleZh: course.titleZh,
    titleEn: course.titleEn,
    scenarios: scenarios.filter((s) => s.courseId === course.id),
  }))
}

/** The reply cut into plain and flagged pieces, each flagged piece with the courteous wording to use. */
export function checkReply(text: string) {
  const hits = findForbiddenPhrases(text, loadForbiddenPhrases())
  return {
    segments: highlightSegments(text, hits).map((s) => ({ text: s.text, suggestion: s.hit?.suggestion ?? null, category: s.hit?.category ?? null })),
    hits: hits.length,
  }
}
