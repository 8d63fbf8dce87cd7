// Owns turning Moodle's text formats into the plain text our items hold, and the language a question is written in.

export type TextFormat = 'html' | 'plain' | 'markdown' | 'moodle'

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

/** HTML as a clerk reads it: paragraphs and line breaks become new lines, tags go, entities are decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6])>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16))
      if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10))
      return ENTITIES[name.toLowerCase()] ?? whole
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** Our prompts are plain text: HTML is reduced to its text; plain, Moodle auto-format and Markdown stay as written. */
export function textFromFormat(text: string, format: TextFormat): string {
  return (format === 'html' ? htmlToText(text) : text).trim()
}

/** An image in a question would be lost on the way (it lives in Moodle's file store, not in the file). */
export function hasImage(text: string): boolean {
  return /<img\b|@@PLUGINFILE@@|!\[[^\]]*\]\(/i.test(text)
}

/** A question counts as Chinese when its prompt holds a CJK character; our filled-in texts follow its language. */
export function isChinese(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text)
}

/** A slug from a question name when the name is ASCII enough to give one, else null. */
export function slugFromName(name: string | undefined): string | null {
  if (!name) return null
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return /^[a-z0-9][a-z0-9-]*$/.test(slug) ? slug : null
}

/** A Moodle category path as a trainer reads it: without `$course$/`, `$system$/` and `top/`. */
export function categoryName(path: string): string {
  return path
    .trim()
    .replace(/^\$[a-z]+\$\/?/i, '')
    .replace(/^top(\/|$)/, '')
    .trim()
}
