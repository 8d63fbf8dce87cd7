// Owns the shape of a content problem (a path into the YAML document and a message) and the two message languages.

/** A path into the parsed YAML document, e.g. ['nodes', 3, 'replies', 1, 'next'], so a checker can find the line. */
export type ProblemPath = (string | number)[]

/** One thing wrong with a content file; `message` is in the language the checker asked for. */
export interface Problem {
  path: ProblemPath
  message: string
}

/** The checker's languages; Simplified Chinese is the default. */
export type Lang = 'zh-CN' | 'en' // as ProblemLanguage in app/core/content/problems.ts

/** Picks the wording for `lang`: problems are written once in each language, side by side. */
export function say(lang: Lang, zh: string, en: string): string {
  return lang === 'en' ? en : zh
}
