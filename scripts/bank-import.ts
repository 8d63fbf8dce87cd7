// `npm run -s bank:import -- <file> [--dry-run] [--json] [--skip-refused]`: read a Moodle GIFT or XML question file,
// report what maps onto our item types and what is refused (with line or index and reason), and — unless a dry
// run — store the mappable questions as one bank in one transaction. A file with refused questions stores nothing
// unless --skip-refused says to leave them out (docs/decisions/0013-banks-question-bank-import.md).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { reportJson } from '~/core/banks/bank-import'
import { createPrismaClient, tuneConnection } from '~/server/db.server'
import { importQuestionBank } from '~/server/question-banks.server'
import { applyMigrations, resolveDatabaseUrl } from './database'

const args = process.argv.slice(2)
const flags = new Set(args.filter((arg) => arg.startsWith('--')))
const [file] = args.filter((arg) => !arg.startsWith('--'))
const unknown = [...flags].filter((flag) => !['--dry-run', '--json', '--skip-refused'].includes(flag))
if (!file || unknown.length > 0) {
  console.error('usage: npm run -s bank:import -- <file.gift|file.xml> [--dry-run] [--json] [--skip-refused]')
  process.exit(2)
}
const dryRun = flags.has('--dry-run')
const asJson = flags.has('--json')

let bytes: Uint8Array
try {
  bytes = readFileSync(file)
} catch {
  console.error(`cannot read ${file}`)
  process.exit(2)
}

// A dry run needs no database at all.
let db: ReturnType<typeof createPrismaClient> | undefined
if (!dryRun) {
  resolveDatabaseUrl()
  applyMigrations()
  db = createPrismaClient()
  await tuneConnection(db)
}
const outcome = await importQuestionBank(
  { fileName: path.basename(file), bytes },
  { importedById: null, now: new Date(), dryRun, skipRefused: flags.has('--skip-refused') },
  db,
)
await db?.$disconnect()

if (outcome.status === 'unreadable') {
  const message = { empty: 'the file is empty', 'too-large': 'the file is over 2 MB', binary: 'not a text file (binary or not UTF-8)' }[outcome.reason]
  if (asJson) console.log(JSON.stringify({ created: [], refused: [{ line: 0, reason: message }], stored: null }))
  else console.error(message)
  process.exit(1)
}
const stored = dryRun
  ? null
  : outcome.status === 'created' || outcome.status === 'already-imported'
    ? { status: outcome.status, bankId: outcome.bankId }
    : { status: outcome.status === 'report' ? 'refused-questions-nothing-stored' : outcome.status }
const report = reportJson(outcome.report)
if (asJson) console.log(JSON.stringify({ ...report, stored }))
else {
  for (const r of report.refused) console.log(`${'line' in r ? `line ${r.line}` : `question ${r.index}`}: ${r.reason}`)
  console.log(`${report.created.length} question(s) mapped, ${report.refused.length} refused` + (stored ? `; ${stored.status}${'bankId' in stored ? ` ${stored.bankId}` : ''}` : ' (dry run)'))
}
process.exit(!dryRun && stored && !('bankId' in stored) ? 1 : 0)
