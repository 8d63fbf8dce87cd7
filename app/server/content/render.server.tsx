// Renders a compiled module to HTML once, at import, in each language: a page view serves the stored HTML and
// runs no MDX at all (nothing of it in the browser's JavaScript either).
import { getMDXComponent } from 'mdx-bundler/client/index.js'
import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { unsafeHtmlReasons } from '~/core/content/safe-content'
import { LANGUAGES, type Language } from '~/i18n/catalog'
import { MDX_UI } from '~/ui/mdx/components'
import { i18nFor } from '../i18n.server'

export function renderModuleHtml(code: string): Record<Language, string> {
  return renderBodyHtml(getMDXComponent(code))
}

type MdxBody = (props: { components: typeof MDX_UI }) => ReactNode

/** A compiled body's component rendered in each language (the studio's preview compiles blocks without esbuild). */
export function renderBodyHtml(Body: MdxBody): Record<Language, string> {
  const html = {} as Record<Language, string>
  for (const language of LANGUAGES) {
    html[language] = renderToStaticMarkup(
      <I18nextProvider i18n={i18nFor(language)}>
        <Body components={MDX_UI} />
      </I18nextProvider>,
    )
    // content:check keeps script out; this holds even for code that never went through it (the import fails)
    const reasons = unsafeHtmlReasons(html[language])
    if (reasons.length) throw new Error(`module HTML refused: ${reasons.join(', ')}`)
  }
  return html
}
