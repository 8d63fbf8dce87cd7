// A sentence cut into runs of plain text and dates (2026-11-30, 2026-11, 2026-11-30 14:05), so a page can keep
// each date on one line: Chromium breaks a narrow line after a date's hyphen (2026-11-\n30).
export interface TextRun {
  text: string
  isDate: boolean
}

// Not preceded or followed by another digit or hyphen: a code like 4401-2026-0001 is not a date.
const DATE = /(?<![\d-])\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?(?:[ T](?:[01]\d|2[0-3]):[0-5]\d)?(?![\d-])/g

export function dateRuns(text: string): TextRun[] {
  const runs: TextRun[] = []
  let at = 0
  for (const match of text.matchAll(DATE)) {
    if (match.index > at) runs.push({ text: text.slice(at, match.index), isDate: false })
    runs.push({ text: match[0], isDate: true })
    at = match.index + match[0].length
  }
  if (at < text.length) runs.push({ text: text.slice(at), isDate: false })
  return runs
}
