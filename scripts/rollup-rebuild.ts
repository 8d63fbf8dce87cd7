// `npm run db:rollup:rebuild`: recomputes the managers' roll-up (QuizRollup) from the attempts of DATABASE_URL's
// database, in one transaction. `-- --check` only compares and prints where the stored roll-up differs (exit 1).
// For a database whose attempts were written by something that does not keep the roll-up (an old backup restored,
// a hand-made fix); the app's writers keep it themselves.
import { prisma } from '~/server/db.server'
import { quizRollupDrift, rebuildQuizRollups } from '~/server/quiz-rollup.server'

const check = process.argv.includes('--check')
try {
  if (check) {
    const drift = await quizRollupDrift(prisma)
    for (const line of drift.slice(0, 50)) process.stdout.write(`${line}\n`)
    process.stdout.write(`roll-up: ${drift.length === 0 ? 'equal to the attempts' : `${drift.length} pairs differ`}\n`)
    if (drift.length) process.exitCode = 1
  } else {
    const started = performance.now()
    const rows = await rebuildQuizRollups(prisma)
    process.stdout.write(`roll-up rebuilt: ${rows} learner × quiz rows in ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
  }
} finally {
  await prisma.$disconnect()
}
