// Why a question (or a whole file) from Moodle cannot be imported: a stable code and the values its message
// names. The messages themselves are in the i18n catalogues (section `bankRefusals`, Chinese and English), read
// by the bank page through t() and by `npm run bank:import` through `refusalMessage`; a test holds every code
// to a message in both languages with the same placeholders.

export const REFUSAL_CODES = [
  'file-empty',
  'file-too-large',
  'file-binary',
  'gift-name-unclosed',
  'gift-no-answer-part',
  'gift-brace-unclosed',
  'gift-two-answer-sets',
  'gift-matching-syntax',
  'gift-answer-start',
  'gift-text-before-answers',
  'gift-weight-syntax',
  'gift-weight-range',
  'xml-doctype',
  'xml-malformed',
  'xml-not-quiz',
  'xml-type-unknown',
  'xml-truefalse-answers',
  'has-image',
  'essay',
  'numerical',
  'description',
  'cloze',
  'calculated',
  'random',
  'random-matching',
  'matching-distractor',
  'short-partial',
  'short-only-wildcard',
  'short-wildcard-and-others',
  'item-invalid',
] as const

export type RefusalCode = (typeof REFUSAL_CODES)[number]
export type RefusalParams = Record<string, string | number>

/** Why, as data: the code and the values its message names. */
export interface RefusalReason {
  code: RefusalCode
  params: RefusalParams
}

export const refuse = (code: RefusalCode, params: RefusalParams = {}): RefusalReason => ({ code, params })

/** The values each code's message names (the catalogue test holds both languages to exactly these). */
export const REFUSAL_PARAMS: Record<RefusalCode, readonly string[]> = {
  'file-empty': [],
  'file-too-large': [],
  'file-binary': [],
  'gift-name-unclosed': [],
  'gift-no-answer-part': [],
  'gift-brace-unclosed': [],
  'gift-two-answer-sets': [],
  'gift-matching-syntax': [],
  'gift-answer-start': ['text'],
  'gift-text-before-answers': ['text'],
  'gift-weight-syntax': ['weight'],
  'gift-weight-range': ['weight'],
  'xml-doctype': [],
  'xml-malformed': ['detail'],
  'xml-not-quiz': [],
  'xml-type-unknown': ['type'],
  'xml-truefalse-answers': [],
  'has-image': [],
  essay: [],
  numerical: [],
  description: [],
  cloze: ['type'],
  calculated: ['type'],
  random: [],
  'random-matching': [],
  'matching-distractor': ['right'],
  'short-partial': ['text', 'fraction'],
  'short-only-wildcard': [],
  'short-wildcard-and-others': ['text'],
  'item-invalid': ['detail'],
}

/** A catalogue message with its {{placeholders}} filled (as i18next does on the page). */
export function refusalMessage(messages: Record<RefusalCode, string>, reason: RefusalReason): string {
  return messages[reason.code].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in reason.params ? String(reason.params[name]) : whole))
}
