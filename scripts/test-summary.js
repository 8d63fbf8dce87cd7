// Sums Vitest JSON reports into the one line CI reads: `tests: N passed, N failed`.
// A report that is missing (its runner crashed before writing it) counts as one failure.
// Each failed test is named just above that line, with the first line of its message, so a log's tail says what failed.
import { existsSync, readFileSync } from 'node:fs'
import { relative } from 'node:path'

let passed = 0
let failed = 0
const failures = []
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`no report at ${file}: that runner did not finish`)
    failures.push(`${file}: no report (the runner did not finish)`)
    failed += 1
    continue
  }
  const report = JSON.parse(readFileSync(file, 'utf8'))
  passed += report.numPassedTests
  failed += report.numFailedTests
  for (const result of report.testResults) {
    const where = relative(process.cwd(), result.name)
    // A file that failed to load has no tests but must not pass silently.
    if (result.status === 'failed' && result.assertionResults.length === 0) {
      failed += 1
      failures.push(`${where}: did not load: ${firstLine(result.message)}`)
    }
    for (const test of result.assertionResults) {
      if (test.status === 'failed') failures.push(`${where} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`)
    }
  }
}
if (failures.length > 0) {
  console.log('failed:')
  for (const line of failures) console.log(`  ${line}`)
}
console.log(`tests: ${passed} passed, ${failed} failed`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)

function firstLine(text) {
  const line = String(text ?? '').split('\n').find((l) => l.trim() !== '') ?? ''
  return line.length > 300 ? `${line.slice(0, 300)}…` : line
}
