// What content may link to and what rendered module HTML may carry (issue 13, finding 6). The checker refuses
// unsafe links at their line; the importer refuses HTML that would carry script (event handlers, javascript:
// URLs, script-bearing elements). The CSP would stop such script from running anyway: this keeps it out.

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:'])

/** http(s), mailto and tel links, and paths relative to this site; anything else could run or leave. */
export function isSafeContentUrl(url: string): boolean {
  // browsers ignore tabs and newlines inside URLs and leading spaces/control characters: judge what they see
  // eslint-disable-next-line no-control-regex
  const seen = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '')
  if (seen.startsWith('//') || seen.startsWith('\\') || seen.startsWith('/\\')) return false
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(seen)
  if (!scheme) return seen === url // relative; any stripped character means it was dressed up
  return SAFE_SCHEMES.has(`${scheme[1].toLowerCase()}:`)
}

const FORBIDDEN_ELEMENTS = ['script', 'iframe', 'object', 'embed', 'form', 'base', 'meta', 'link', 'style', 'frame', 'frameset']
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'srcset', 'data']

/** Reasons this HTML could run script or navigate somewhere unsafe; empty when it is plain markup. */
export function unsafeHtmlReasons(html: string): string[] {
  const reasons: string[] = []
  for (const tag of html.matchAll(/<([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const name = tag[1].toLowerCase()
    if (FORBIDDEN_ELEMENTS.includes(name)) reasons.push(`element ${name}`)
    for (const attribute of tag[2].matchAll(/([^\s"'=<>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      const attributeName = attribute[1].toLowerCase()
      const value = (attribute[2] ?? '').replace(/^["']|["']$/g, '')
      if (attributeName.startsWith('on')) reasons.push(`event handler ${attributeName}`)
      else if (attributeName === 'style') reasons.push('style attribute')
      else if (URL_ATTRIBUTES.includes(attributeName) && !isSafeContentUrl(decodeCharacterReferences(value))) reasons.push(`unsafe link ${value}`)
    }
  }
  return reasons
}

function decodeCharacterReferences(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(colon|tab|newline);/gi, (_, name: string) => ({ colon: ':', tab: '\t', newline: '\n' })[name.toLowerCase()] ?? '')
    .replace(/&amp;/g, '&')
}
