// Browser start: load only the catalogue of the page's language, then hydrate.
import { RemixBrowser } from '@remix-run/react'
import i18next from 'i18next'
import { StrictMode, startTransition } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { i18nOptions } from './i18n/i18n'
import { rememberPlainTranslations } from './i18n/plain-translations'

async function hydrate() {
  const lng = document.documentElement.lang === 'en' ? 'en' : 'zh-CN'
  const catalog = lng === 'en' ? (await import('./i18n/en')).default : (await import('./i18n/zh-CN')).default
  await i18next.use(initReactI18next).init({ ...i18nOptions, lng, resources: { [lng]: { translation: catalog } } })
  rememberPlainTranslations(i18next)
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <I18nextProvider i18n={i18next}>
          <RemixBrowser />
        </I18nextProvider>
      </StrictMode>,
    )
  })
}

void hydrate()
