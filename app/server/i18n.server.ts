// The user's language: Simplified Chinese unless they switched (remembered in the `lng` cookie).
import { createCookie } from '@remix-run/node'
import { secureCookies } from '~/core/session-expiry'
import { createInstance, type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { rememberedPerCookieHeader } from './cookie-memo.server'
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '~/i18n/catalog'
import en from '~/i18n/en'
import { i18nOptions } from '~/i18n/i18n'
import { rememberPlainTranslations } from '~/i18n/plain-translations'
import zhCN from '~/i18n/zh-CN'

export const resources = { 'zh-CN': { translation: zhCN }, en: { translation: en } }

export const languageCookie = createCookie('lng', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
  // the same rule as the session cookie: Secure under `npm start` (which sets no NODE_ENV), not only in production
  secure: secureCookies(process.env),
})

/**
 * The page language: only the cookie set by the language switch counts, so the default is Chinese whatever
 * the browser's own languages are.
 */
export const languageOf = rememberedPerCookieHeader(async (header): Promise<Language> => {
  const found: unknown = await languageCookie.parse(header)
  return isLanguage(found) ? found : DEFAULT_LANGUAGE
})

// One i18next instance per language, made once and shared: an instance's language never changes, the
// resources are inline (so init is synchronous), and a render reads it synchronously.
const instances = new Map<Language, i18n>()

/** The i18next instance of a language, for server renders (pages and the module HTML made at import). */
export function i18nFor(language: Language): i18n {
  let instance = instances.get(language)
  if (!instance) {
    instance = createInstance()
    void instance.use(initReactI18next).init({ ...i18nOptions, lng: language, resources, initImmediate: false })
    rememberPlainTranslations(instance)
    instances.set(language, instance)
  }
  return instance
}
