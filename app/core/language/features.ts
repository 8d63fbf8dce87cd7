// What the classifier reads from a normalised reply: character n-grams, words, and word patterns that carry
// negation, person (你/您, 我/我们) and sentence type. Pure given the tokens.
import type { Token } from './segment'

const PUNCTUATION = /^[\s,.!?]+$/
export const NEGATIONS = new Set(['不', '没', '没有', '别', '不要', '不用', '不必', '甭', '莫', '不是'])
export const SECOND_PERSON = new Set(['你', '你们', '您', '您们', '你家', '你自己', '您自己'])
export const FIRST_PERSON = new Set(['我', '我们', '咱们', '本人'])
export const QUESTION_ENDINGS = new Set(['吗', '呢', '么', '啊', '吧', '呀'])

export interface Clause {
  start: number
  end: number
  question: boolean // ends with ? or a question particle
}

/** Clauses of a normalised reply (split on , . ! ?), each with its sentence type. */
export function clausesOf(text: string): Clause[] {
  const clauses: Clause[] = []
  let start = 0
  for (let i = 0; i <= text.length; i++) {
    const mark = text[i]
    if (i < text.length && mark !== ',' && mark !== '.' && mark !== '!' && mark !== '?') continue
    const inner = text.slice(start, i).trim()
    if (inner !== '') {
      const offset = text.indexOf(inner, start)
      clauses.push({ start: offset, end: offset + inner.length, question: mark === '?' || QUESTION_ENDINGS.has(inner[inner.length - 1]) })
    }
    start = i + 1
  }
  return clauses
}

/** Every feature of one reply (or one clause), duplicates removed. */
export function featuresOf(text: string, tokens: readonly Token[]): Set<string> {
  const features = new Set<string>()
  const compact = `^${text.replace(/[\s,.!?]+/g, '|')}$`
  for (let i = 0; i < compact.length; i++) {
    features.add(`c:${compact[i]}`)
    if (i + 1 < compact.length) features.add(`b:${compact.slice(i, i + 2)}`)
    if (i + 2 < compact.length) features.add(`t:${compact.slice(i, i + 3)}`)
  }
  const words: string[] = []
  for (const token of tokens) {
    const word = token.word.trim()
    if (word !== '' && !PUNCTUATION.test(word)) words.push(word)
  }
  let person = '0'
  words.forEach((word, index) => {
    features.add(`w:${word}`)
    const next = words[index + 1]
    if (next !== undefined) features.add(`ww:${word}_${next}`)
    if (NEGATIONS.has(word) && next !== undefined) features.add(`neg:${next}`)
    if (SECOND_PERSON.has(word)) person = word.startsWith('您') ? '您' : '你'
    else if (FIRST_PERSON.has(word)) person = '我'
    // the person last named before a word: 您不清楚 and 我不清楚 are different sentences
    if (index > 0) features.add(`pw:${person}_${word}`)
  })
  if (words.length > 0) features.add(`first:${words[0]}`)
  const last = words[words.length - 1]
  if (last !== undefined) features.add(`last:${last}`)
  const question = /\?\s*$/.test(text) || (last !== undefined && QUESTION_ENDINGS.has(last))
  features.add(question ? 's:question' : /!\s*$/.test(text) ? 's:exclaim' : 's:statement')
  if (question) features.add(`qp:${person}`)
  return features
}
