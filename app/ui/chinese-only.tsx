// Module bodies, questions and dialogues are written in Chinese by design (content/README.md): the words a clerk
// says at the counter. An English page says so once, instead of leaving the reader to wonder; the Chinese text
// itself carries lang="zh-CN" so screen readers and fonts treat it as Chinese.
import { useTranslation } from 'react-i18next'

export function ChineseOnlyNote({ what }: { what: 'module' | 'quiz' }) {
  const { t, i18n } = useTranslation()
  if (i18n.language !== 'en') return null
  return (
    <p className="notice chinese-only" data-chinese-only={what}>
      {t(`walk.chineseOnly.${what}`)}
    </p>
  )
}
