// Free-text answers scored by intent: a trainer lists the elements a good reply expresses (each in words, with
// examples) and the elements it must not; an answer gets credit per element it expresses, in the clerk's own words.
// An example is expressed when its content words (with counter synonyms: 稍等/稍候/稍坐, 为您/给您/帮您 …) occur in
// order within a short window, so 「请稍坐」 expresses 「请坐」 and 「我马上给您办」 expresses 「马上为您办理」.
import { normaliseReply } from './normalise'
import { segmentWords } from './segment'

export interface IntentElement {
  says: string // the element in words, shown to the clerk when it is missing
  examples: readonly string[]
}

export interface Intent {
  elements: readonly IntentElement[]
  avoid: readonly IntentElement[]
}

export interface ElementResult {
  says: string
  found: boolean
  matched: string | null // the clerk's words that expressed it
}

export interface IntentScore {
  elements: ElementResult[]
  avoided: ElementResult[] // every avoid element, `found` when the answer says it
  share: number // expressed elements / elements; 0 when an avoid element is said
}

// Words a counter reply uses interchangeably; each maps to the group's first word.
const SYNONYMS: readonly (readonly string[])[] = [
  ['稍等', '稍候', '稍坐', '请稍等', '请稍候', '稍等一下', '等一下', '等一等', '等一会', '稍等片刻', '稍候片刻'],
  ['请坐', '坐', '坐下', '请稍坐'],
  ['马上', '立刻', '立即', '这就', '现在就', '尽快', '立马'],
  ['为您', '给您', '帮您', '替您', '为你', '给你', '帮你'],
  ['为', '给', '帮', '替'], // jieba often cuts 为您 as 为 / 您
  ['办理', '办', '处理', '受理'],
  ['抱歉', '对不起', '不好意思', '歉意', '致歉'],
  ['您好', '你好', '早上好', '下午好', '上午好', '晚上好'],
  ['查询', '查', '查一下', '查查', '核实', '核查'],
  ['久等', '等了这么久', '等这么久', '等久'],
  ['负责', '跟进', '负责到底'],
  ['谢谢', '感谢', '多谢'],
]
const CANONICAL = new Map(SYNONYMS.flatMap((group) => group.map((word) => [word, group[0]] as const)))
// Words that carry no intent of their own: an example's 「请您」 or 「一下」 need not be repeated.
const FILLER = new Set(['您', '你', '我', '请', '的', '了', '一下', '吧', '呢', '啊', '呀', '哦', '这', '那', '就', '再', '也', '都', '先'])
const WINDOW_SLACK = 6 // characters an answer may put between an example's first and last content word, beyond its own length

interface Word {
  key: string
  start: number
  end: number
}

function wordsOf(text: string): Word[] {
  const normalised = normaliseReply(text)
  return segmentWords(normalised).flatMap((token) => {
    const word = token.word.trim()
    if (word === '' || /^[\s,.!?]+$/.test(word)) return []
    return [{ key: CANONICAL.get(word) ?? word, start: token.start, end: token.end }]
  })
}

// An example's content words and literal key are the same on every answer scored: worked out once per example (the
// segmenter over every example of every element was a third of a written answer's scoring). Examples are authored
// text, so the memo stays small; it is emptied past a bound all the same (content:check scores arbitrary drafts).
const EXAMPLES_REMEMBERED = 5000
const examples = new Map<string, { keys: string[]; literal: string }>()
function exampleOf(example: string): { keys: string[]; literal: string } {
  const known = examples.get(example)
  if (known) return known
  if (examples.size >= EXAMPLES_REMEMBERED) examples.clear()
  const worked = { keys: contentKeysOf(example), literal: literalKey(example) }
  examples.set(example, worked)
  return worked
}

function contentKeysOf(example: string): string[] {
  const keys = wordsOf(example).map((word) => word.key).filter((key) => !FILLER.has(key))
  // an example made only of filler (e.g. 「您」) is matched by its words as they are
  return keys.length > 0 ? keys : wordsOf(example).map((word) => word.key)
}

/** Where `example` is expressed in the answer's words (in order, within a window), or null. */
function findExample(answer: readonly Word[], example: string): { start: number; end: number } | null {
  const { keys } = exampleOf(example)
  if (keys.length === 0) return null
  const limit = example.length + WINDOW_SLACK
  for (let first = 0; first < answer.length; first++) {
    if (!sameWord(answer[first].key, keys[0])) continue
    let at = first
    let matched = 1
    for (let next = first + 1; next < answer.length && matched < keys.length; next++) {
      if (answer[next].end - answer[first].start > limit) break
      if (sameWord(answer[next].key, keys[matched])) {
        at = next
        matched++
      }
    }
    if (matched === keys.length) return { start: answer[first].start, end: answer[at].end }
  }
  return null
}

// A word also matches when one contains the other's whole text (稍坐 vs 请稍坐 cut as 请/稍坐; 办理 vs 办理好).
function sameWord(answerKey: string, exampleKey: string): boolean {
  return answerKey === exampleKey || (exampleKey.length >= 2 && answerKey.includes(exampleKey))
}

// Width, case, spaces and punctuation do not matter for a literal wording: 稍等 is found in 「请，稍 等」.
const literalKey = (text: string) => normaliseReply(text).replace(/[\s,.!?]+/g, '')

function judgeElement(answer: readonly Word[], text: string, element: IntentElement): ElementResult {
  const literal = literalKey(text)
  for (const example of element.examples) {
    const key = exampleOf(example).literal
    if (key !== '' && literal.includes(key)) return { says: element.says, found: true, matched: matchedLiteral(text, key) }
  }
  for (const example of element.examples) {
    const span = findExample(answer, example)
    if (span) return { says: element.says, found: true, matched: text.slice(span.start, span.end) }
  }
  return { says: element.says, found: false, matched: null }
}

// The clerk's own characters for a literal match (the key was found in the text without separators).
function matchedLiteral(text: string, key: string): string {
  const normalised = normaliseReply(text)
  const kept: number[] = []
  for (let i = 0; i < normalised.length; i++) if (!/[\s,.!?]/.test(normalised[i])) kept.push(i)
  const at = kept.map((i) => normalised[i]).join('').indexOf(key)
  return at < 0 ? key : text.slice(kept[at], kept[at + key.length - 1] + 1)
}

/** Credit per expressed element; an avoid element said voids the answer. */
export function scoreIntent(text: string, intent: Intent): IntentScore {
  const answer = wordsOf(text)
  const elements = intent.elements.map((element) => judgeElement(answer, text, element))
  const avoided = intent.avoid.map((element) => judgeElement(answer, text, element))
  const expressed = elements.filter((element) => element.found).length
  const share = avoided.some((element) => element.found) || elements.length === 0 ? 0 : expressed / elements.length
  return { elements, avoided, share }
}
