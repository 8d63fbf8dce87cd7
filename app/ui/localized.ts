// Picks the Chinese or English field of a record by the reader's language.
export function localized(record: object, field: string, language: string): string {
  const value = (record as Record<string, unknown>)[`${field}${language === 'en' ? 'En' : 'Zh'}`]
  return typeof value === 'string' ? value : ''
}
