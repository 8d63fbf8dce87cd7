// The 服务禁语 detector: the list's schema, a compiled matcher, and the hits and highlight segments for a reply.
import { z } from 'zod'
import { FOLD, SEPARATOR } from './language/normalise'
import { decide, type TrainedDetector } from './language/verdict'
import { spokenPart } from './language/narration'

export const PhraseCategorySchema = z.enum(['推诿', '冷漠', '斥责', '不耐烦', '顶撞', '轻视', '催促', '不当称呼', '其他'])
export type PhraseCategory = z.infer<typeof PhraseCategorySchema>

// ---- Normalisation -------------------------------------------------------------------------------
// Matching folds each UTF-16 code unit on its own (language/normalise.ts: full-width → half-width, A–Z → a–z,
// traditional → simplified, every space, punctuation mark or emoji → one separator class), so the folded reply
// has exactly the original's length and every offset found in it is an offset into the original text.
/** A pattern as the matcher sees it: folded, separator runs collapsed, none at either end. */
export function phraseMatchKey(pattern: string): string {
  let key = ''
  for (let i = 0; i < pattern.length; i++) {
    const unit = FOLD[pattern.charCodeAt(i)]
    if (unit !== SEPARATOR) key += String.fromCharCode(unit)
    else if (key.length > 0 && key.charCodeAt(key.length - 1) !== SEPARATOR) key += '\u0000'
  }
  return key.endsWith('\u0000') ? key.slice(0, -1) : key
}

// ---- The list (content/phrases/forbidden.yaml) ---------------------------------------------------
const PatternText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((text) => phraseMatchKey(text).length > 0, 'must contain a character other than spaces and punctuation')

export const ForbiddenPhraseSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id must be a slug: lowercase letters, digits and hyphens'),
    phrase: PatternText,
    variants: z.array(PatternText).default([]),
    suggestion: z.string().trim().min(1, 'must not be empty'),
    unless: z.array(PatternText).default([]),
    category: PhraseCategorySchema,
  })
  .strict()
export type ForbiddenPhrase = z.infer<typeof ForbiddenPhraseSchema>

// the 文明用语 for a reply the classifier flags without a listed phrase: one per category
export const CategorySuggestionSchema = z
  .object({ category: PhraseCategorySchema, meaning: z.string().trim().min(1), suggestion: z.string().trim().min(1, 'must not be empty') })
  .strict()

export const ForbiddenPhraseListSchema = z
  .object({
    phrases: z.array(ForbiddenPhraseSchema).min(1, 'the list needs at least one phrase'),
    categories: z.array(CategorySuggestionSchema).default([]),
  })
  .strict()
  .superRefine((list, ctx) => {
    const firstIndexOfId = new Map<string, number>()
    const ownerOfPattern = new Map<string, string>()
    list.phrases.forEach((entry, index) => {
      const earlier = firstIndexOfId.get(entry.id)
      if (earlier !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['phrases', index, 'id'], message: `duplicate id "${entry.id}" (also entry ${earlier + 1})` })
      } else firstIndexOfId.set(entry.id, index)
      // one pattern, one entry: otherwise which suggestion a hit gets would depend on list order
      ;[entry.phrase, ...entry.variants].forEach((pattern, position) => {
        const key = phraseMatchKey(pattern)
        const owner = ownerOfPattern.get(key)
        if (owner === undefined) {
          ownerOfPattern.set(key, entry.id)
          return
        }
        const path = position === 0 ? ['phrases', index, 'phrase'] : ['phrases', index, 'variants', position - 1]
        ctx.addIssue({ code: 'custom', path, message: `"${pattern}" is already listed under "${owner}"` })
      })
    })
  })
export type ForbiddenPhraseList = z.infer<typeof ForbiddenPhraseListSchema>

// ---- Compiling: one trie over every phrase, variant and near-miss of every entry ----------------
interface Terminal {
  entry: number
  isGuard: boolean // an `unless` near-miss rather than a forbidden pattern
}
interface TrieNode {
  next: Map<number, TrieNode>
  terminals: Terminal[]
}
export interface CompiledPhraseList {
  readonly entries: readonly ForbiddenPhrase[]
  readonly root: TrieNode
  /** With a trained detector the classifier vetoes courteous uses and flags unlisted wording. */
  readonly detector?: TrainedDetector
  readonly categorySuggestions?: ReadonlyMap<string, string>
}

export function isCompiledPhraseList(value: unknown): value is CompiledPhraseList {
  return typeof value === 'object' && value !== null && 'root' in value && 'entries' in value && Array.isArray(value.entries)
}

export { CATEGORY_SLUGS } from './language/categories'

/** Precompiles a validated list (and optionally the trained detector); compile once, match many replies. */
export function compilePhraseList(list: Pick<ForbiddenPhraseList, 'phrases'> & Partial<ForbiddenPhraseList>, detector?: TrainedDetector): CompiledPhraseList {
  const root: TrieNode = { next: new Map(), terminals: [] }
  const categorySuggestions = new Map((list.categories ?? []).map((entry) => [entry.category, entry.suggestion]))
  list.phrases.forEach((entry, index) => {
    for (const pattern of [entry.phrase, ...entry.variants]) insertPattern(root, pattern, { entry: index, isGuard: false })
    for (const pattern of entry.unless) insertPattern(root, pattern, { entry: index, isGuard: true })
  })
  return detector ? { entries: list.phrases, root, detector, categorySuggestions } : { entries: list.phrases, root }
}

function insertPattern(root: TrieNode, pattern: string, terminal: Terminal): void {
  for (const form of separatorForms(phraseMatchKey(pattern))) {
    let node = root
    for (let i = 0; i < form.length; i++) {
      const unit = form.charCodeAt(i)
      let child = node.next.get(unit)
      if (!child) node.next.set(unit, (child = { next: new Map(), terminals: [] }))
      node = child
    }
    node.terminals.push(terminal)
  }
}

// Punctuation written inside a pattern is optional in the reply: "下班了，明天再来" also matches
// "下班了明天再来". Elsewhere a separator breaks a match, so "您别着急，什么都…" is not "急什么".
function separatorForms(key: string): string[] {
  return key.split('\u0000').reduce<string[]>(
    (forms, part, index) => (index === 0 ? [part] : forms.flatMap((form) => [form + part, form + '\u0000' + part])),
    [],
  )
}

// ---- Matching ------------------------------------------------------------------------------------
/** One forbidden phrase found in a reply. */
export interface PhraseHit {
  phrase: string // the entry's canonical phrase (not necessarily the words the clerk typed)
  matched: string // the words as they appear in the reply: text.slice(start, end)
  start: number // offset in UTF-16 code units (JS string indices) of the original reply
  end: number // exclusive, same units
  suggestion: string // the 文明用语 to use instead
  id: string // the list entry's id, or `model-<category>` for wording the classifier found
  category: PhraseCategory
  source: 'list' | 'model'
}

interface Span {
  entry: number
  start: number
  end: number
}

/**
 * Finds forbidden phrasing in a clerk's reply, sorted by start. A match is dropped when it overlaps
 * an occurrence of one of its own entry's `unless` near-misses; of overlapping matches the longest
 * is kept (then the earlier, then the one listed first), so hits never overlap.
 */
export function findForbiddenPhrases(text: string, compiled: CompiledPhraseList): PhraseHit[] {
  const spoken = spokenPart(text) // （起身离开窗口） is what the clerk does, not what she says
  const listed = findListedPhrases(spoken, compiled)
  if (!compiled.detector) return listed
  const verdict = decide(spoken, listed, compiled.detector)
  if (!verdict.model) return verdict.listed
  const { start, end, category } = verdict.model
  const known = PhraseCategorySchema.safeParse(category)
  const suggestion = compiled.categorySuggestions?.get(category) ?? '您好，请问有什么可以帮您？'
  const matched = text.slice(start, end)
  return [{ phrase: matched, matched, start, end, suggestion, id: `model-${category}`, category: known.success ? known.data : '其他', source: 'model' }]
}

/** The listed phrases alone (no classifier): what the list's own tests and the list editor measure. */
export function findListedPhrases(text: string, compiled: CompiledPhraseList): PhraseHit[] {
  const matches: Span[] = []
  const guards: Span[] = []
  for (let start = 0; start < text.length; start++) {
    if (compiled.root.next.has(FOLD[text.charCodeAt(start)])) collectFrom(text, start, compiled.root, matches, guards)
  }
  if (matches.length === 0) return []
  const allowed = matches.filter(
    (match) => !guards.some((guard) => guard.entry === match.entry && guard.start < match.end && match.start < guard.end),
  )
  return keepLongest(allowed).map((span) => toHit(text, span, compiled.entries[span.entry]))
}

function collectFrom(text: string, start: number, root: TrieNode, matches: Span[], guards: Span[]): void {
  let node: TrieNode | undefined = root
  let position = start
  while (position < text.length) {
    const unit = FOLD[text.charCodeAt(position)]
    node = node.next.get(unit)
    if (!node) return
    position++
    if (unit === SEPARATOR) {
      // a run of spaces/punctuation in the reply stands for the single separator of the pattern
      while (position < text.length && FOLD[text.charCodeAt(position)] === SEPARATOR) position++
      continue
    }
    for (const terminal of node.terminals) (terminal.isGuard ? guards : matches).push({ entry: terminal.entry, start, end: position })
  }
}

function keepLongest(spans: Span[]): Span[] {
  const byPreference = [...spans].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.entry - b.entry,
  )
  const kept: Span[] = []
  for (const span of byPreference) {
    if (!kept.some((other) => other.start < span.end && span.start < other.end)) kept.push(span)
  }
  return kept.sort((a, b) => a.start - b.start)
}

function toHit(text: string, span: Span, entry: ForbiddenPhrase): PhraseHit {
  return {
    phrase: entry.phrase,
    matched: text.slice(span.start, span.end),
    start: span.start,
    end: span.end,
    suggestion: entry.suggestion,
    id: entry.id,
    category: entry.category,
    source: 'list',
  }
}

// ---- Highlighting (the practice page) ------------------------------------------------------------
export interface HighlightSegment {
  text: string
  hit?: PhraseHit
}

/**
 * Cuts a reply into consecutive segments, each plain or one hit, whose texts join back to the
 * reply. Hits that overlap an earlier one or fall outside the text are ignored.
 */
export function highlightSegments(text: string, hits: readonly PhraseHit[]): HighlightSegment[] {
  const segments: HighlightSegment[] = []
  let cursor = 0
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    if (hit.start < cursor || hit.end > text.length || hit.end <= hit.start) continue
    if (hit.start > cursor) segments.push({ text: text.slice(cursor, hit.start) })
    segments.push({ text: text.slice(hit.start, hit.end), hit })
    cursor = hit.end
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor) })
  return segments
}

// ---- Measuring against a labelled set (language/evaluation.ts) ----------------------------------------
export { parseLabelledReplies, scoreDetector, type DetectorScore, type LabelledReply } from './language/evaluation'
