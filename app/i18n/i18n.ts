// i18next options shared by the server render and the browser.
import { DEFAULT_LANGUAGE, LANGUAGES } from './catalog'

export const i18nOptions = {
  supportedLngs: [...LANGUAGES],
  fallbackLng: DEFAULT_LANGUAGE,
  defaultNS: 'translation',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
} as const
