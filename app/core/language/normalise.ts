// Folds a reply into the one form every matcher and feature reads: half-width, lower case, simplified characters,
// emoji and other pictographs as separators. One UTF-16 unit in, one out: offsets found in the folded text are
// offsets into the clerk's original text.
import { TRADITIONAL_TO_SIMPLIFIED_PAIRS } from './traditional-table'

/** Stands for "a run of spaces/punctuation/emoji"; NUL never occurs in a pattern key. */
export const SEPARATOR = 0
const SEPARATOR_CHARACTERS = ' \t\n\r\u00a0\u2002\u2003\u3000,.!?;:、。…~—·"\'“”‘’「」『』（）()【】[]《》<>/\\|*#'

// 著 is both a simplified character (著名) and the traditional 着 (著急); at a service counter it is the latter.
const EXTRA_PAIRS = '著着'

export const FOLD: Uint16Array = buildFoldTable()

function buildFoldTable(): Uint16Array {
  const separators = new Set([...SEPARATOR_CHARACTERS].map((character) => character.charCodeAt(0)))
  const simplified = new Map<number, number>()
  const pairs = TRADITIONAL_TO_SIMPLIFIED_PAIRS + EXTRA_PAIRS
  for (let i = 0; i + 1 < pairs.length; i += 2) simplified.set(pairs.charCodeAt(i), pairs.charCodeAt(i + 1))
  const table = new Uint16Array(0x10000)
  for (let unit = 0; unit < 0x10000; unit++) {
    let folded = simplified.get(unit) ?? unit
    if (folded >= 0xff01 && folded <= 0xff5e) folded -= 0xfee0
    if (folded >= 0x41 && folded <= 0x5a) folded += 0x20
    table[unit] = separators.has(folded) || isPictograph(unit) ? SEPARATOR : folded
  }
  table[SEPARATOR] = 0xfffd // a NUL in a reply must not act as a separator
  return table
}

// emoji are surrogate pairs: both halves, variation selectors, joiners and the BMP symbol blocks read as a separator
function isPictograph(unit: number): boolean {
  return (
    (unit >= 0xd800 && unit <= 0xdfff) ||
    (unit >= 0x2190 && unit <= 0x23ff) || // arrows, ⏰ and other technical signs
    (unit >= 0x2600 && unit <= 0x27bf) || // ☀…➿ symbols and dingbats
    [0x200b, 0x200c, 0x200d, 0xfe0e, 0xfe0f, 0x2060, 0xfeff].includes(unit)
  )
}

/** The folded reply, same length as the input; separators become a space so a segmenter can read it. */
export function normaliseReply(text: string): string {
  let folded = ''
  for (let i = 0; i < text.length; i++) {
    const unit = FOLD[text.charCodeAt(i)]
    folded += unit === SEPARATOR ? separatorFor(text.charCodeAt(i)) : String.fromCharCode(unit)
  }
  return folded
}

// Sentence-final marks are kept as ASCII (the sentence type reads them); every other separator becomes a space.
function separatorFor(unit: number): string {
  switch (unit) {
    case 0x3f: case 0xff1f: return '?'
    case 0x21: case 0xff01: return '!'
    case 0x2c: case 0xff0c: case 0x3001: case 0x3b: case 0xff1b: return ','
    case 0x2e: case 0x3002: case 0xff0e: case 0x2026: return '.'
    default: return ' '
  }
}

/** True for the characters `normaliseReply` turns into a separator of some kind. */
export function isSeparatorUnit(unit: number): boolean {
  return FOLD[unit] === SEPARATOR
}
