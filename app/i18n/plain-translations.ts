// i18next resolves every t() call from scratch (language hierarchy, key path, interpolation): about 5 µs,
// and a page makes dozens of calls that have no options at all ("nav.menu"). Those results cannot change
// while the instance's language and resources stay as they are, so they are remembered per language;
// calls with options (counts, values) still go to i18next. Used on the server and in the browser.
import type { i18n as I18n, TFunction } from 'i18next'

const wrapped = new WeakSet<I18n>()

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
    const plainT = ((key: unknown, ...rest: unknown[]) => {
      if (rest.length > 0 || typeof key !== 'string') return (fixed as unknown as (...args: unknown[]) => unknown)(key, ...rest)
      const language = instance.language
      let remembered = byLanguage.get(language)
      if (!remembered) byLanguage.set(language, (remembered = new Map()))
      const cacheKey = ns == null ? key : `${ns}:${key}`
      let value = remembered.get(cacheKey)
      if (value === undefined) {
        value = fixed(key) as string
        remembered.set(cacheKey, value)
      }
      return value
    }) as unknown as TFunction
    return Object.assign(plainT, { lng: (fixed as { lng?: string }).lng, ns, keyPrefix })
  }) as I18n['getFixedT']
  return instance
}
