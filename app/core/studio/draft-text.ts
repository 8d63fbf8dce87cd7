// What a draft may hold before anything parses it: a bounded amount of text, and text only. A paste of a whole
// book or of a binary file is refused here with a reason the editor shows, and never reaches the database.

/** Far above any module (the longest is ~12 KB) and below the 64 KB form limit of server.js. */
export const MAX_DRAFT_CHARACTERS = 48_000

export type DraftTextProblem = { code: 'too-long'; characters: number; limit: number } | { code: 'binary' }

export function draftTextProblem(text: string): DraftTextProblem | null {
  if (text.length > MAX_DRAFT_CHARACTERS) return { code: 'too-long', characters: text.length, limit: MAX_DRAFT_CHARACTERS }
  // NUL and the C0 controls other than tab/newline/return only come from binary files
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/.test(text)) return { code: 'binary' }
  return null
}
