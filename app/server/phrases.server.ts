// Loads the 服务禁语 list from content/, reports its problems as `file:line:column: reason`, and caches the compiled matcher.
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml'
import type { ZodIssue } from 'zod'
import {
  compilePhraseList,
  ForbiddenPhraseListSchema,
  type CompiledPhraseList,
  type ForbiddenPhraseList,
} from '~/core/phrases'
import { TrainedDetectorSchema, type TrainedDetector } from '~/core/language/verdict'

export const DEFAULT_FORBIDDEN_PHRASES_FILE = 'content/phrases/forbidden.yaml'
/** The trained classifier lives beside the list it was trained with (`npm run language:train` writes it). */
export const DETECTOR_FILE_NAME = 'detector.json'

const cache = new Map<string, { modifiedMs: string; compiled: CompiledPhraseList }>()

/**
 * The compiled list in `file` (relative to process.cwd()), with the trained detector beside it when there is
 * one (`withDetector: false` for the list alone). Compiled once per file and kept until a file changes on
 * disk, so a trainer's edit shows up without a restart. Throws on any problem.
 */
export function loadForbiddenPhrases(file: string = DEFAULT_FORBIDDEN_PHRASES_FILE, options: { withDetector?: boolean } = {}): CompiledPhraseList {
  const absolute = path.resolve(process.cwd(), file)
  const detectorFile = path.join(path.dirname(absolute), DETECTOR_FILE_NAME)
  const withDetector = options.withDetector !== false && existsSync(detectorFile)
  const modifiedMs = `${statSync(absolute).mtimeMs}:${withDetector ? statSync(detectorFile).mtimeMs : '-'}`
  const key = `${absolute}:${withDetector}`
  const cached = cache.get(key)
  if (cached && cached.modifiedMs === modifiedMs) return cached.compiled
  const list = parseForbiddenPhrases(readFileSync(absolute, 'utf8'), file)
  const compiled = compilePhraseList(list, withDetector ? readDetector(detectorFile) : undefined)
  cache.set(key, { modifiedMs, compiled })
  return compiled
}

function readDetector(file: string): TrainedDetector {
  const result = TrainedDetectorSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
  if (!result.success) throw new Error(`${file}: ${result.error.issues[0]?.message ?? 'not a trained detector'}`)
  return result.data
}

/** Parses and validates the YAML text of a list; `file` only names it in error messages. */
export function parseForbiddenPhrases(source: string, file: string): ForbiddenPhraseList {
  const lineCounter = new LineCounter()
  const document = parseDocument(source, { lineCounter, prettyErrors: false })
  const syntaxError = document.errors[0]
  if (syntaxError) {
    const { line, col } = lineCounter.linePos(syntaxError.pos[0])
    throw new Error(`${file}:${line}:${col}: ${syntaxError.message.split('\n')[0]}`)
  }
  const result = ForbiddenPhraseListSchema.safeParse(document.toJS())
  if (result.success) return result.data
  const problems = result.error.issues.map((issue) => {
    const { line, col } = lineCounter.linePos(offsetOf(document, issue))
    return `${file}:${line}:${col}: ${describe(issue)}`
  })
  throw new Error(problems.join('\n'))
}

function describe(issue: ZodIssue): string {
  const where = issue.path.join('.')
  return where ? `${where}: ${issue.message}` : issue.message
}

// The source offset of the node an issue is about: the offending key for an unknown key, else the
// node at the issue's path, else its nearest ancestor that exists (a missing field → its entry).
function offsetOf(document: Document, issue: ZodIssue): number {
  for (let depth = issue.path.length; depth >= 0; depth--) {
    const node = depth === 0 ? document.contents : document.getIn(issue.path.slice(0, depth), true)
    if (!isNode(node) || !node.range) continue
    if (issue.code === 'unrecognized_keys' && depth === issue.path.length && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && issue.keys.includes(String(item.key.value)))
      if (pair && isNode(pair.key) && pair.key.range) return pair.key.range[0]
    }
    return node.range[0]
  }
  return 0
}
