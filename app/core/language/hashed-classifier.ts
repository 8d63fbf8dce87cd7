// The classifier's inference without building feature strings: every feature of features.ts is hashed from the
// characters it would be made of (two independent 32-bit hashes), and looked up in an open-addressing table built
// once per model from the model's own feature names hashed the same way. Same features, same first-seen order,
// same sums as classify(model, featuresOf(...)) — bit for bit (hashed-classifier.test.ts checks every corpus
// reply and clause) — at a fraction of the cost: building ~100 strings and a Set per reply dominated a check.
// Training and the committed model still use the readable names; only inference reads them hashed.
import type { LanguageModel } from './classifier'
import { FIRST_PERSON, NEGATIONS, QUESTION_ENDINGS, SECOND_PERSON } from './features'
import type { Token } from './segment'

interface HashedModel {
  mask: number
  keyA: Int32Array
  keyB: Int32Array
  row: Int32Array // -1: empty slot
  weights: Float64Array // row * k + class
  bias: Float64Array
  k: number
  seen: Uint32Array // the pass that last counted a row: duplicates are counted once, like a Set
  pass: number
}

// ---- The hash: FNV-1a beside a multiplicative hash with another constant; a false match needs both to collide
let hashA = 0
let hashB = 0
function feed(unit: number): void {
  hashA = Math.imul(hashA ^ unit, 16777619)
  hashB = Math.imul(hashB ^ unit, 0x5bd1e995)
  hashB ^= hashB >>> 15
}
function feedText(text: string, start = 0, end = text.length): void {
  for (let i = start; i < end; i++) feed(text.charCodeAt(i))
}
interface HashState {
  a: number
  b: number
}
function prefix(text: string): HashState {
  hashA = 0x811c9dc5 | 0
  hashB = 0x9747b28c | 0
  feedText(text)
  return { a: hashA, b: hashB }
}
function begin(state: HashState): void {
  hashA = state.a
  hashB = state.b
}
const EMPTY = prefix('')
const P = {
  c: prefix('c:'), b: prefix('b:'), t: prefix('t:'), w: prefix('w:'), ww: prefix('ww:'), neg: prefix('neg:'),
  pw: prefix('pw:'), first: prefix('first:'), last: prefix('last:'), qp: prefix('qp:'),
  question: prefix('s:question'), exclaim: prefix('s:exclaim'), statement: prefix('s:statement'),
}

// ---- The table, built once per model
const compiled = new WeakMap<LanguageModel, HashedModel>()

function hashedModelOf(model: LanguageModel): HashedModel {
  const existing = compiled.get(model)
  if (existing) return existing
  const names = Object.keys(model.weights)
  const k = model.classes.length
  let size = 1024
  while (size < names.length * 4) size *= 2
  const table: HashedModel = {
    mask: size - 1,
    keyA: new Int32Array(size),
    keyB: new Int32Array(size),
    row: new Int32Array(size).fill(-1),
    weights: new Float64Array(names.length * k),
    bias: Float64Array.from(model.bias),
    k,
    seen: new Uint32Array(names.length),
    pass: 0,
  }
  names.forEach((name, row) => {
    begin(EMPTY)
    feedText(name)
    let slot = hashA & table.mask
    while (table.row[slot] >= 0) {
      if (table.keyA[slot] === hashA && table.keyB[slot] === hashB) throw new Error(`feature hash collision: ${name}`)
      slot = (slot + 1) & table.mask
    }
    table.keyA[slot] = hashA
    table.keyB[slot] = hashB
    table.row[slot] = row
    model.weights[name].forEach((weight, c) => (table.weights[row * k + c] = weight))
  })
  compiled.set(model, table)
  return table
}

// ---- Accumulating one reply's features
let model: HashedModel
let sums = new Float64Array(16)

/** Adds the feature whose characters were just fed, once per reply, when the model knows it. */
function add(): void {
  let slot = hashA & model.mask
  for (;;) {
    const row = model.row[slot]
    if (row < 0) return
    if (model.keyA[slot] === hashA && model.keyB[slot] === hashB) {
      if (model.seen[row] === model.pass) return
      model.seen[row] = model.pass
      const at = row * model.k
      for (let c = 0; c < model.k; c++) sums[c] += model.weights[at + c]
      return
    }
    slot = (slot + 1) & model.mask
  }
}

// JavaScript's \s (and what String.prototype.trim removes)
function isSpace(unit: number): boolean {
  return (
    (unit >= 9 && unit <= 13) || unit === 32 || unit === 0xa0 || unit === 0x1680 || (unit >= 0x2000 && unit <= 0x200a) ||
    unit === 0x2028 || unit === 0x2029 || unit === 0x202f || unit === 0x205f || unit === 0x3000 || unit === 0xfeff
  )
}
const isBreak = (unit: number) => isSpace(unit) || unit === 0x2c || unit === 0x2e || unit === 0x21 || unit === 0x3f

let compact = new Int32Array(64)

/**
 * Class probabilities for the part [start, end) of a normalised reply, reading the tokens that lie inside it:
 * exactly classify(model, featuresOf(normalised.slice(start, end), tokensInside)).
 */
export function classifyRange(languageModel: LanguageModel, normalised: string, tokens: readonly Token[], start: number, end: number): number[] {
  model = hashedModelOf(languageModel)
  model.pass = (model.pass + 1) >>> 0 || 1
  if (sums.length < model.k) sums = new Float64Array(model.k)
  sums.fill(0)
  addCharacterGrams(normalised, start, end)
  const last = addWordFeatures(tokens, start, end)
  let tail = end - 1
  while (tail >= start && isSpace(normalised.charCodeAt(tail))) tail--
  const endMark = tail >= start ? normalised.charCodeAt(tail) : -1
  const question = endMark === 0x3f || (last.word !== null && QUESTION_ENDINGS.has(last.word))
  begin(question ? P.question : endMark === 0x21 ? P.exclaim : P.statement)
  add()
  if (question) {
    begin(P.qp)
    feedText(last.person)
    add()
  }
  const scores = new Array<number>(model.k)
  let max = -Infinity
  for (let c = 0; c < model.k; c++) max = Math.max(max, (scores[c] = model.bias[c] + sums[c]))
  let total = 0
  for (let c = 0; c < model.k; c++) total += scores[c] = Math.exp(scores[c] - max)
  for (let c = 0; c < model.k; c++) scores[c] /= total
  return scores
}

// `^` + the text with each run of spaces/,.!? as `|` + `$`, then its character 1-, 2- and 3-grams
function addCharacterGrams(text: string, start: number, end: number): void {
  if (compact.length < end - start + 2) compact = new Int32Array((end - start + 2) * 2)
  let length = 0
  compact[length++] = 0x5e
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i)
    if (!isBreak(unit)) compact[length++] = unit
    else if (i === start || !isBreak(text.charCodeAt(i - 1))) compact[length++] = 0x7c
  }
  compact[length++] = 0x24
  for (let i = 0; i < length; i++) {
    begin(P.c)
    feed(compact[i])
    add()
    if (i + 1 < length) {
      begin(P.b)
      feed(compact[i])
      feed(compact[i + 1])
      add()
    }
    if (i + 2 < length) {
      begin(P.t)
      feed(compact[i])
      feed(compact[i + 1])
      feed(compact[i + 2])
      add()
    }
  }
}

const words: string[] = []

// words, word bigrams, the word after a negation, the person last named before a word, first and last word
function addWordFeatures(tokens: readonly Token[], start: number, end: number): { word: string | null; person: string } {
  words.length = 0
  for (const token of tokens) {
    if (token.start < start || token.end > end) continue
    const word = token.word.trim()
    if (word !== '' && !isAllBreaks(word)) words.push(word)
  }
  let person = '0'
  for (let index = 0; index < words.length; index++) {
    const word = words[index]
    begin(P.w)
    feedText(word)
    add()
    const next = index + 1 < words.length ? words[index + 1] : undefined
    if (next !== undefined) {
      begin(P.ww)
      feedText(word)
      feed(0x5f)
      feedText(next)
      add()
      if (NEGATIONS.has(word)) {
        begin(P.neg)
        feedText(next)
        add()
      }
    }
    if (SECOND_PERSON.has(word)) person = word.startsWith('您') ? '您' : '你'
    else if (FIRST_PERSON.has(word)) person = '我'
    if (index > 0) {
      begin(P.pw)
      feedText(person)
      feed(0x5f)
      feedText(word)
      add()
    }
  }
  if (words.length > 0) {
    begin(P.first)
    feedText(words[0])
    add()
  }
  const last = words.length > 0 ? words[words.length - 1] : null
  if (last !== null) {
    begin(P.last)
    feedText(last)
    add()
  }
  return { word: last, person }
}

function isAllBreaks(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (!isBreak(word.charCodeAt(i))) return false
  return true
}
