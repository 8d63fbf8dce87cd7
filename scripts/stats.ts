// CLI behind `npm run -s stats -- <file.json>`: prints a quiz's Moodle-style statistics as JSON, or its errors.
import { readFileSync } from 'node:fs'
import { parseStatsInput, quizStatistics } from '~/core/quiz-statistics'

/** Reads, validates and reports; returns the errors to print, or the JSON document to print. */
function run(args: string[]): { errors: string[] } | { output: string } {
  if (args.length !== 1) return { errors: ['usage: npm run -s stats -- <attempts.json>'] }
  const [file] = args
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    return { errors: [`${file}: ${error instanceof Error ? error.message : String(error)}`] }
  }
  const parsed = parseStatsInput(raw)
  if (!parsed.ok) return { errors: parsed.errors.map((message) => `${file}: ${message}`) }
  return { output: JSON.stringify(quizStatistics(parsed.input), null, 2) }
}

const result = run(process.argv.slice(2))
if ('errors' in result) {
  process.stderr.write(`${result.errors.join('\n')}\n`)
  process.exitCode = 1
} else {
  process.stdout.write(`${result.output}\n`)
}
