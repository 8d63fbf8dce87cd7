// Owns GIFT's lexical layer: comment lines, blank-line separated questions with their line numbers, and escapes.

/** One question's lines as written, with the line it starts on and the `//` comment lines just above it. */
export interface GiftBlock {
  line: number
  text: string
  comments: string[]
}

/** Splits a GIFT file into questions: blank lines separate them, `//` lines are comments (not part of any question). */
export function giftBlocks(file: string): GiftBlock[] {
  const lines = file.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')
  const blocks: GiftBlock[] = []
  let current: { line: number; lines: string[]; comments: string[] } | null = null
  let comments: string[] = []
  const close = () => {
    if (current) blocks.push({ line: current.line, text: current.lines.join('\n'), comments: current.comments })
    current = null
  }
  lines.forEach((raw, index) => {
    if (raw.trim() === '') return close()
    if (raw.trimStart().startsWith('//')) {
      comments.push(raw.trim().slice(2).trim())
      return
    }
    if (!current) {
      current = { line: index + 1, lines: [], comments }
      comments = []
    }
    current.lines.push(raw)
  })
  close()
  return blocks
}

/** Is the character at `index` escaped (an odd run of backslashes right before it)? */
function isEscaped(text: string, index: number): boolean {
  let slashes = 0
  for (let at = index - 1; at >= 0 && text[at] === '\\'; at--) slashes++
  return slashes % 2 === 1
}

/** The first unescaped occurrence of `needle` at or after `from`, or -1. */
export function indexOfUnescaped(text: string, needle: string, from = 0): number {
  for (let at = text.indexOf(needle, from); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (!isEscaped(text, at)) return at
  }
  return -1
}

/** The last unescaped occurrence of `needle`, or -1. */
export function lastIndexOfUnescaped(text: string, needle: string): number {
  for (let at = text.lastIndexOf(needle); at >= 0; at = at === 0 ? -1 : text.lastIndexOf(needle, at - 1)) {
    if (!isEscaped(text, at)) return at
  }
  return -1
}

/** Splits at every unescaped `separator` (the separators are dropped). */
export function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = []
  let start = 0
  for (let at = indexOfUnescaped(text, separator); at >= 0; at = indexOfUnescaped(text, separator, start)) {
    parts.push(text.slice(start, at))
    start = at + separator.length
  }
  parts.push(text.slice(start))
  return parts
}

/** GIFT's escapes: \~ \= \# \{ \} \: \\ stand for the character, \n for a new line. */
export function unescapeGift(text: string): string {
  return text.replace(/\\([~=#{}:\\n])/g, (_, character: string) => (character === 'n' ? '\n' : character))
}

/** Text written into GIFT: the special characters escaped, new lines as \n. */
export function escapeGift(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (character) => `\\${character}`).replace(/\r?\n/g, '\\n')
}
