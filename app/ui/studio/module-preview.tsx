// The module as clerks will see it, from the server's render: in a 360 px frame (a phone) and at full width.
import { useTranslation } from 'react-i18next'
import type { InlineProblem } from '~/server/studio/studio-pages.server'

export interface PreviewData {
  problems: InlineProblem[]
  html: { 'zh-CN': string; en: string } | null
  error: string | null
}

export function ModulePreview({ data }: { data: PreviewData | null }) {
  const { t, i18n } = useTranslation()
  if (!data) return <p className="muted">{t('studio.preview.waiting')}</p>
  if (!data.html) return <p className="notice error">{t('studio.preview.failed', { reason: data.error ?? '' })}</p>
  const html = i18n.language === 'en' ? data.html.en : data.html['zh-CN']
  return (
    <div className="studio-preview">
      <figure>
        <figcaption>{t('studio.preview.phone')}</figcaption>
        <div className="studio-phone prose" dangerouslySetInnerHTML={{ __html: html }} />
      </figure>
      <figure className="studio-wide">
        <figcaption>{t('studio.preview.desktop')}</figcaption>
        <div className="studio-desktop prose" dangerouslySetInnerHTML={{ __html: html }} />
      </figure>
    </div>
  )
}
