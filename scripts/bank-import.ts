// `npm run -s bank:import -- <file> [--dry-run] [--json] [--skip-refused] [--lang zh|en]`: read a Moodle GIFT or XML
// question file, report what maps onto our item types and what is refused (with line or index, a stable `code` and
// the `reason` in Chinese, or English with --lang en or an English LANG), and — unless a dry
// run — store the mappable questions as one bank in one transaction. A file with refused questions stores nothing
// unless --skip-refused says to leave them out (docs/decisions/0013-banks-question-bank-import.md).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { reportJson } from '~/core/banks/bank-import'
import { refusalMessage, refuse, type RefusalCode } from '~/core/banks/refusal-reasons'
import type { Refusal, SourcePosition } from '~/core/banks/source-question'
import en from '~/i18n/en'
import zhCN from '~/i18n/zh-CN'
import { createPrismaClient, tuneConnection } from '~/server/db.server'
import { importQuestionBank } from '~/server/question-banks.server'
import { applyMigrations, resolveDatabaseUrl } from './database'

const args = process.argv.slice(2)
// --lang takes the next argument as its value (or --lang=en)
const langAt = args.findIndex((arg) => arg === '--lang')
const langArg = langAt >= 0 ? args[langAt + 1] : args.find((arg) => arg.startsWith('--lang='))?.slice('--lang='.length)
const rest = args.filter((arg, i) => !(langAt >= 0 && (i === langAt || i === langAt + 1)) && !arg.startsWith('--lang='))
const flags = new Set(rest.filter((arg) => arg.startsWith('--')))
const [file] = rest.filter((arg) => !arg.startsWith('--'))
const unknown = [...flags].filter((flag) => !['--dry-run', '--json', '--skip-refused'].includes(flag))
const wanted = langArg ?? process.env.LANG ?? ''
if (!file || unknown.length > 0 || (langArg !== undefined && !/^(zh|en)/i.test(langArg))) {
  console.error('usage: npm run -s bank:import -- <file.gift|file.xml> [--dry-run] [--json] [--skip-refused] [--lang zh|en]')
  process.exit(2)
}
// Chinese unless English is asked for (by --lang, else by LANG, e.g. en_US.UTF-8)
const messages: Record<RefusalCode, string> = /^en/i.test(wanted) ? en.bankRefusals : zhCN.bankRefusals
/** A refusal as printed: where, the stable code, and the reason in the chosen language. */
function described(refusal: Refusal): SourcePosition & { code: RefusalCode; reason: string } {
  const reason = refusalMessage(messages, refusal)
  return 'line' in refusal ? { line: refusal.line, code: refusal.code, reason } : { index: refusal.index, code: refusal.code, reason }
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
  const why = described({ line: 0, ...refuse(`file-${outcome.reason}`) })
  if (asJson) console.log(JSON.stringify({ created: [], refused: [why], stored: null }))
  else console.error(why.reason)
  process.exit(1)
}
const stored = dryRun
  ? null
  : outcome.status === 'created' || outcome.status === 'already-imported'
    ? { status: outcome.status, bankId: outcome.bankId }
    : { status: outcome.status === 'report' ? 'refused-questions-nothing-stored' : outcome.status }
const json = reportJson(outcome.report)
const report = { ...json, refused: json.refused.map(described) }
if (asJson) console.log(JSON.stringify({ ...report, stored }))
else {
  for (const r of report.refused) console.log(`${'line' in r ? `line ${r.line}` : `question ${r.index}`}: ${r.reason}`)
  console.log(`${report.created.length} question(s) mapped, ${report.refused.length} refused` + (stored ? `; ${stored.status}${'bankId' in stored ? ` ${stored.bankId}` : ''}` : ' (dry run)'))
}
process.exit(!dryRun && stored && !('bankId' in stored) ? 1 : 0)
