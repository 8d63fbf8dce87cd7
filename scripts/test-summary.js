// Sums Vitest JSON reports into the one line CI reads: `tests: N passed, N failed`.
// A report that is missing (its runner crashed before writing it) counts as one failure.
import { existsSync, readFileSync } from 'node:fs'

let passed = 0
let failed = 0
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`no report at ${file}: that runner did not finish`)
    failed += 1
    continue
  }
  const report = JSON.parse(readFileSync(file, 'utf8'))
  passed += report.numPassedTests
  failed += report.numFailedTests
  // A file that failed to load has no tests but must not pass silently.
  failed += report.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length
}
console.log(`tests: ${passed} passed, ${failed} failed`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
