// i18next options shared by the server render and the browser.
import { DEFAULT_LANGUAGE, LANGUAGES } from './catalog'

export const i18nOptions = {
  supportedLngs: [...LANGUAGES],
  fallbackLng: DEFAULT_LANGUAGE,
  // Only the exact codes above exist: no 'zh' or 'zh-Hans' level to look up on every t() call.
  load: 'currentOnly',
  defaultNS: 'translation',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
} as const
