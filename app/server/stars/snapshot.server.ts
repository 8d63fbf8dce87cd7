// The frozen evidence a certificate rests on: every requirement's result up to its level, the course and
// quiz versions counted, and what the imported records said. Written once at issue, never updated.
import { isCourseCompleted } from '~/core/stars/kinds/courses-completed'
import { bestQuizScore } from '~/core/stars/kinds/quiz-score'
import { coursesUpTo, type Ladder } from '~/core/stars/ladder'
import { kindOf } from '~/core/stars/registry'
import type { StarEvidence } from '~/core/stars/evidence'
import type { LevelEvaluation } from '~/core/stars'

export function certificateSnapshot(ladder: { number: number; ladder: Ladder }, level: number, evidence: StarEvidence, levels: LevelEvaluation[], now: Date) {
  const courseIds = coursesUpTo(ladder.ladder, level, (r) => kindOf(r).references(r))
  const quizIds = [...new Set(ladder.ladder.levels.slice(0, level).flatMap((l) => l.requirements.flatMap((r) => kindOf(r).references(r).quizzes)))]
  const courseVersions: Record<string, number> = {}
  for (const id of courseIds) {
    const versions = evidence.courses[id]?.versions ?? []
    const completed = versions.filter((v) => v.completed).map((v) => v.number)
    courseVersions[id] = completed.length ? Math.max(...completed) : Math.max(0, ...versions.map((v) => v.number))
  }
  const snapshot = {
    ladderVersion: ladder.number,
    level,
    evaluatedAt: now.toISOString(),
    requirements: levels.slice(0, level).map((l) => ({ level: l.level, results: l.results })),
    courses: courseIds.map((id) => ({ id, version: courseVersions[id], completed: isCourseCompleted(evidence.courses[id]) })),
    quizzes: quizIds.map((id) => {
      const best = bestQuizScore(evidence, id)
      const attempt = evidence.quizzes[id]?.attempts.find((a) => a.percent === best)
      return { id, best, version: attempt?.versionNumber ?? null }
    }),
    inspections: evidence.inspections.map((i) => ({ day: i.day, total: i.total })),
    satisfaction: evidence.satisfaction.map((s) => ({ month: s.month, ratings: s.ratings, average: s.average })),
    liableComplaints: evidence.complaints.filter((c) => c.liable).map((c) => c.day),
    checklistSignedOff: evidence.checklistSignedOff,
    menteesCompleted: evidence.menteesCompleted,
  }
  return { snapshot: JSON.stringify(snapshot), courseVersions: JSON.stringify(courseVersions) }
}
