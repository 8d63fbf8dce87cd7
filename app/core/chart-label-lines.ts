// How many lines a chart's category name takes when wrapped to a width, so each bar's row is tall enough for
// its whole name (a hall's name cut to 广州市天河区体育... told a manager nothing). An estimate on purpose:
// the server has no fonts to measure with; a CJK character is one em, other characters about 0.6 em.
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/

export function textWidth(text: string, fontPx: number): number {
  let width = 0
  for (const ch of text) width += WIDE.test(ch) ? fontPx : fontPx * 0.6
  return width
}

/** Lines the name needs at this width: English wraps between words, Chinese between any two characters. */
export function labelLines(text: string, widthPx: number, fontPx: number): number {
  const words = text.split(/(?<=\s)|(?=[\u2e80-\u9fff\uf900-\ufaff])|(?<=[\u2e80-\u9fff\uf900-\ufaff])/u).filter(Boolean)
  let lines = 1
  let used = 0
  for (const word of words) {
    const w = textWidth(word.trimEnd(), fontPx)
    if (used > 0 && used + w > widthPx) {
      lines++
      used = 0
    }
    used += textWidth(word, fontPx)
    while (used > widthPx) {
      lines++
      used -= widthPx
    }
  }
  return lines
}
