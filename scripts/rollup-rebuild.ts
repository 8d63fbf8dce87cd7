// `npm run db:rollup:rebuild`: recomputes the managers' roll-ups from DATABASE_URL's database — QuizRollup from the
// attempts, CourseReadRollup from the module reads, LearnerProgress from those two — each in one transaction, and the quality roll-up's folded hall
// days from their attempts (one transaction per day; decision 0033). `-- --check` only compares and
// prints where a stored roll-up differs (exit 1). For a database whose attempts or reads were written by something
// that does not keep the roll-ups (an old backup restored, a hand-made fix); the app's writers keep them themselves.
import { prisma } from '~/server/db.server'
import { quizRollupDrift, rebuildQuizRollups } from '~/server/quiz-rollup.server'
import { readRollupDrift, rebuildReadRollups } from '~/server/read-rollup.server'
import { qualityRollupDrift, rebuildQualityRollups } from '~/server/quality-rollup-check.server'
import { learnerProgressDrift, rebuildLearnerProgress } from '~/server/learner-progress.server'

const check = process.argv.includes('--check')
const rollups = [
  { name: 'quiz roll-up', what: 'learner × quiz', source: 'the attempts', drift: quizRollupDrift, rebuild: rebuildQuizRollups },
  { name: 'read roll-up', what: 'learner × course', source: 'the module reads', drift: readRollupDrift, rebuild: rebuildReadRollups },
  { name: 'quality roll-up', what: 'hall × day', source: 'the attempts of each folded day', drift: qualityRollupDrift, rebuild: rebuildQualityRollups },
  // after the two it folds: the people export's row per learner (decision 0041)
  { name: 'learner progress', what: 'learner', source: 'the quiz and read roll-ups', drift: learnerProgressDrift, rebuild: rebuildLearnerProgress },
]
try {
  for (const rollup of rollups) {
    if (check) {
      const drift = await rollup.drift(prisma)
      for (const line of drift.slice(0, 50)) process.stdout.write(`${line}\n`)
      process.stdout.write(`${rollup.name}: ${drift.length === 0 ? `equal to ${rollup.source}` : `${drift.length} pairs differ`}\n`)
      if (drift.length) process.exitCode = 1
    } else {
      const started = performance.now()
      const rows = await rollup.rebuild(prisma)
      process.stdout.write(`${rollup.name} rebuilt: ${rows} ${rollup.what} rows in ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
    }
  }
} finally {
  await prisma.$disconnect()
}
