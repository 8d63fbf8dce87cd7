// A { zh, en } text from a checklist template in the reader's language.
export function bilingual(text: { zh: string; en: string }, language: string): string {
  return language === 'en' ? text.en : text.zh
}
