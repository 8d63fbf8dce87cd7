// Renders a compiled module to HTML once, at import, in each language: a page view serves the stored HTML and
// runs no MDX at all (nothing of it in the browser's JavaScript either).
import { createInstance, type i18n } from 'i18next'
import { getMDXComponent } from 'mdx-bundler/client/index.js'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { LANGUAGES, type Language } from '~/i18n/catalog'
import { i18nOptions } from '~/i18n/i18n'
import { MDX_UI } from '~/ui/mdx/components'
import { resources } from '../i18n.server'

const translators = new Map<Language, i18n>()
function translator(language: Language): i18n {
  let instance = translators.get(language)
  if (!instance) {
    instance = createInstance()
    void instance.use(initReactI18next).init({ ...i18nOptions, lng: language, resources, initImmediate: false })
    translators.set(language, instance)
  }
  return instance
}

export function renderModuleHtml(code: string): Record<Language, string> {
  const Body = getMDXComponent(code)
  const html = {} as Record<Language, string>
  for (const language of LANGUAGES) {
    html[language] = renderToStaticMarkup(
      <I18nextProvider i18n={translator(language)}>
        <Body components={MDX_UI} />
      </I18nextProvider>,
    )
  }
  return html
}
