// `npm run -s bank:import -- <file> --dry-run --json` as a trainer runs it: each refusal has its position, a stable
// code and the reason in the language chosen by --lang, else by LANG, else Chinese. A dry run needs no database.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

type Printed = { created: Array<{ type: string }>; refused: Array<{ line?: number; index?: number; code: string; reason: string }> }

function run(file: string, args: string[], lang: string | undefined): Printed {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: lang ?? '' }
  if (lang === undefined) delete env.LANG
  const out = execFileSync('npx', ['tsx', 'scripts/bank-import.ts', file, '--dry-run', '--json', ...args], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] })
  return JSON.parse(out) as Printed
}

const XML = 'tests/fixtures/banks/xml-mistake-unmappable.xml'

it.each([
  { how: 'no LANG, no --lang: Chinese', args: [], lang: undefined, reason: '问答题（essay）要人工评分，我们没有对应的题型' },
  { how: 'LANG=C.UTF-8: Chinese', args: [], lang: 'C.UTF-8', reason: '问答题（essay）要人工评分，我们没有对应的题型' },
  { how: 'LANG=en_US.UTF-8: English', args: [], lang: 'en_US.UTF-8', reason: 'an essay question is marked by hand: there is no matching item type here' },
  { how: '--lang zh wins over an English LANG', args: ['--lang', 'zh'], lang: 'en_US.UTF-8', reason: '问答题（essay）要人工评分，我们没有对应的题型' },
  { how: '--lang=en', args: ['--lang=en'], lang: 'zh_CN.UTF-8', reason: 'an essay question is marked by hand: there is no matching item type here' },
])('$how', ({ args, lang, reason }) => {
  const printed = run(XML, args, lang)
  expect(printed.created.map((c) => c.type)).toEqual(['single'])
  expect(printed.refused.map((r) => [r.index, r.code])).toEqual([[1, 'essay'], [2, 'numerical'], [4, 'description'], [5, 'xml-type-unknown']])
  expect(printed.refused[0]!.reason).toBe(reason)
}, 60_000)

it('an unreadable file is one refusal at line 0 with its code', () => {
  const empty = path.join(os.tmpdir(), `bank-cli-empty-${process.pid}.gift`)
  writeFileSync(empty, '')
  let stdout = ''
  try {
    execFileSync('npx', ['tsx', 'scripts/bank-import.ts', empty, '--dry-run', '--json', '--lang', 'en'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  } catch (error) {
    stdout = (error as { stdout: string }).stdout
  }
  expect(JSON.parse(stdout)).toEqual({ created: [], refused: [{ line: 0, code: 'file-empty', reason: 'the file is empty' }], stored: null })
}, 60_000)
