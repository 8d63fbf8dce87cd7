// Word segmentation with @node-rs/jieba (a native module that ships its dictionary; loaded synchronously, once).
// Server-only: nothing the browser bundle imports may reach this file (see docs/decisions/0009-lang-engine.md).
import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'

export interface Token {
  word: string
  start: number // UTF-16 offset into the segmented text
  end: number
}

let jieba: Jieba | null = null

/** Cuts a (normalised) reply into words with their offsets; the words join back to the text. */
export function segmentWords(text: string): Token[] {
  if (text === '') return []
  jieba ??= Jieba.withDict(dict)
  const tokens: Token[] = []
  let cursor = 0
  for (const word of jieba.cut(text, true)) {
    // jieba returns the text cut without loss; indexOf guards against a surprise (never a wrong offset)
    const start = text.startsWith(word, cursor) ? cursor : text.indexOf(word, cursor)
    if (start < 0) continue
    tokens.push({ word, start, end: start + word.length })
    cursor = start + word.length
  }
  return tokens
}
