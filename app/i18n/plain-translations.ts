// i18next resolves every t() call from scratch (language hierarchy, key path, interpolation): about 5 µs,
// and a page makes dozens of calls that have no options at all ("nav.menu"). Those results cannot change
// while the instance's language and resources stay as they are, so they are remembered per language,
// and so are calls whose options are a few short plain values ({ count: 7 }); anything else goes to
// i18next every time. Used on the server and in the browser.
import type { i18n as I18n, TFunction } from 'i18next'

const wrapped = new WeakSet<I18n>()
const MAX_REMEMBERED = 2000

/** The cache key of a call: the key alone, or with its options when they are only a few plain values. */
function rememberedKey(key: string, rest: unknown[]): string | null {
  if (rest.length === 0) return key
  const [options] = rest
  if (rest.length > 1 || typeof options !== 'object' || options === null || Array.isArray(options)) return null
  let suffix = ''
  for (const [name, value] of Object.entries(options)) {
    if (typeof value === 'string' ? value.length > 64 : typeof value !== 'number' && typeof value !== 'boolean') return null
    suffix += `\u0000${name}\u0000${typeof value === 'string' ? JSON.stringify(value) : String(value)}`
  }
  return key + suffix
}

export function rememberPlainTranslations(instance: I18n): I18n {
  if (wrapped.has(instance)) return instance
  wrapped.add(instance)
  const byLanguage = new Map<string, Map<string, string>>()
  // a change of resources (a new bundle loaded) forgets everything remembered
  instance.store?.on('added', () => byLanguage.clear())
  instance.store?.on('removed', () => byLanguage.clear())
  const getFixedT = instance.getFixedT.bind(instance) as (...args: unknown[]) => TFunction
  instance.getFixedT = ((lng: unknown, ns: unknown, keyPrefix: unknown) => {
    const fixed = getFixedT(lng, ns, keyPrefix)
    // only the common shape: the instance's own language, one namespace, no key prefix
    if (lng != null || keyPrefix != null || (ns != null && typeof ns !== 'string')) return fixed
    const translate = fixed as unknown as (...args: unknown[]) => string
    const plainT = ((key: unknown, ...rest: unknown[]) => {
      const cacheKey = typeof key === 'string' ? rememberedKey(key, rest) : null
      if (cacheKey === null) return translate(key, ...rest)
      const language = instance.language
      let remembered = byLanguage.get(language)
      if (!remembered || remembered.size >= MAX_REMEMBERED) byLanguage.set(language, (remembered = new Map()))
      const fullKey = ns == null ? cacheKey : `${ns}:${cacheKey}`
      let value = remembered.get(fullKey)
      if (value === undefined) {
        value = translate(key, ...rest)
        remembered.set(fullKey, value)
      }
      return value
    }) as unknown as TFunction
    return Object.assign(plainT, { lng: (fixed as { lng?: string }).lng, ns, keyPrefix })
  }) as I18n['getFixedT']
  return instance
}
