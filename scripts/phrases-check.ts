// `npm run -s phrases:check [-- --json] [--list <file>]`: checks one clerk reply per stdin line for 服务禁语.
import {
  DEFAULT_FORBIDDEN_PHRASES_FILE,
  loadForbiddenPhrases,
} from '~/server/phrases.server'
import { findForbiddenPhrases, type CompiledPhraseList, type PhraseHit } from '~/core/phrases'

const USAGE = `用法: npm run -s phrases:check -- [--json] [--list <禁语文件>] < 回复.txt
  每行一条回复。--json: 每条回复输出一行 JSON {"text","flagged","category","hits":[{"phrase","matched","start","end","suggestion","category","source",…}]}，
  start/end 为 JS 字符串下标（UTF-16 码元）；category 为第一处禁语的类别（未命中为 null）；source 为 list（禁语表）或 model（分类模型）。
  默认禁语文件: ${DEFAULT_FORBIDDEN_PHRASES_FILE}（同目录的 detector.json 为训练好的分类模型）`

interface Options {
  json: boolean
  list: string
}

function parseArguments(args: string[]): Options | string {
  const options: Options = { json: false, list: DEFAULT_FORBIDDEN_PHRASES_FILE }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--json') options.json = true
    else if (arg === '--list' && args[i + 1] !== undefined) options.list = args[++i]
    else if (arg.startsWith('--list=')) options.list = arg.slice('--list='.length)
    else return `未知参数: ${arg}`
  }
  return options
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** One reply per line; a final newline does not start another (empty) reply. */
function splitReplies(input: string): string[] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input
  if (text === '') return []
  const lines = text.split(/\r?\n/)
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

function jsonLine(text: string, hits: PhraseHit[]): string {
  return JSON.stringify({ text, flagged: hits.length > 0, category: hits[0]?.category ?? null, hits })
}

function humanReport(replies: string[], compiled: CompiledPhraseList): string {
  const out: string[] = []
  let flaggedReplies = 0
  let hitCount = 0
  replies.forEach((text, index) => {
    const hits = findForbiddenPhrases(text, compiled)
    if (hits.length === 0) return
    flaggedReplies++
    hitCount += hits.length
    out.push(`第 ${index + 1} 行：${text}`)
    for (const hit of hits) {
      const canonical = hit.matched === hit.phrase ? '' : `（禁语：${hit.phrase}）`
      out.push(`  「${hit.matched}」${canonical} [${hit.category}] → 建议：${hit.suggestion}`)
    }
  })
  out.push(`共检查 ${replies.length} 条回复，${flaggedReplies} 条含服务禁语，共 ${hitCount} 处。`)
  return out.join('\n')
}

async function main(): Promise<number> {
  const options = parseArguments(process.argv.slice(2))
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n${USAGE}\n`)
    return 2
  }
  let compiled: CompiledPhraseList
  try {
    compiled = loadForbiddenPhrases(options.list)
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    return 2
  }
  const replies = splitReplies(await readStdin())
  const output = options.json
    ? replies.map((text) => jsonLine(text, findForbiddenPhrases(text, compiled))).join('\n')
    : humanReport(replies, compiled)
  await new Promise<void>((resolve) => process.stdout.write(output === '' ? '' : `${output}\n`, () => resolve()))
  return 0
}

// a reader that stops early (`| head`) is not an error
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
  process.exit(0)
})
process.exitCode = await main()
