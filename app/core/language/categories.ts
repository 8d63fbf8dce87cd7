// The 服务禁语 categories as i18n-safe slugs (`lang.category.<slug>`). No imports: the browser bundle may use it.
export const CATEGORY_SLUGS: Record<string, string> = {
  推诿: 'passing-on',
  冷漠: 'coldness',
  斥责: 'blaming',
  不耐烦: 'impatience',
  顶撞: 'talking-back',
  轻视: 'belittling',
  催促: 'rushing',
  不当称呼: 'improper-address',
  其他: 'other',
}

/** The slug of a category; unknown names read as 其他. */
export function categorySlug(category: string): string {
  return CATEGORY_SLUGS[category] ?? 'other'
}
