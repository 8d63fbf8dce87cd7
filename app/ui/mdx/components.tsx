// The React side of the MDX components a module may use (the same names as app/core/content/mdx-components).
// Rendered to static HTML at import (app/server/content/render.server.tsx): no state, no effects, no router.
import { useTranslation } from 'react-i18next'

type Children = { children?: React.ReactNode }

// The module's text is Chinese (its page marks it lang="zh-CN"); a label in the reader's English says so itself.
function useLabelLang(): string | undefined {
  const { i18n } = useTranslation()
  return i18n.language === 'en' ? 'en' : undefined
}

export function Script({ good, bad }: { good: string; bad?: string }) {
  const { t } = useTranslation()
  const lang = useLabelLang()
  return (
    <figure className="mdx-script">
      {bad ? (
        <p className="mdx-script-bad">
          <span className="mdx-label" lang={lang}>✗ {t('mdx.scriptBad')}</span>
          <span lang="zh-CN">{bad}</span>
        </p>
      ) : null}
      <p className="mdx-script-good">
        <span className="mdx-label" lang={lang}>✓ {t('mdx.scriptGood')}</span>
        <span lang="zh-CN">{good}</span>
      </p>
    </figure>
  )
}

export function Case({ title, children }: Children & { title: string; source?: string }) {
  const { t } = useTranslation()
  const lang = useLabelLang()
  return (
    <aside className="mdx-case">
      <p className="mdx-case-title">
        <span className="mdx-label" lang={lang}>{t('mdx.case')}</span>
        {title}
      </p>
      {children}
    </aside>
  )
}

export function Steps({ children }: Children) {
  const { t } = useTranslation()
  return (
    <div className="mdx-steps" role="group" aria-label={t('mdx.steps')}>
      {children}
    </div>
  )
}

export function Checklist({ children }: Children) {
  const { t } = useTranslation()
  return (
    <div className="mdx-checklist" role="group" aria-label={t('mdx.checklist')}>
      {children}
    </div>
  )
}

function Callout({ kind, title, children }: Children & { kind: 'tip' | 'warn'; title?: string }) {
  const { t } = useTranslation()
  const lang = useLabelLang()
  return (
    <aside className={`mdx-callout mdx-${kind}`}>
      <p className="mdx-callout-title">
        {title ?? <span lang={lang}>{t(`mdx.${kind}`)}</span>}
      </p>
      {children}
    </aside>
  )
}

export const Tip = (props: Children & { title?: string }) => <Callout kind="tip" {...props} />
export const Warn = (props: Children & { title?: string }) => <Callout kind="warn" {...props} />

export function QuizLink({ id }: { id: string }) {
  const { t } = useTranslation()
  const lang = useLabelLang()
  return (
    <p className="mdx-quiz">
      {/* a plain link: modules are rendered to HTML once, at import, outside any router */}
      <a className="button secondary" href={`/quizzes/${id}`} lang={lang}>
        {t('mdx.quiz')} →
      </a>
    </p>
  )
}

/** One star level's requirements as the module words them (content:check holds them to stars.yaml). */
export function StarLevel({ level, children }: Children & { level: string }) {
  const { t } = useTranslation()
  const lang = useLabelLang()
  const count = Number(level)
  // content:check admits only the ladder's levels (1–5), so every level has its sentence in the catalogues
  const known = count === 1 || count === 2 || count === 3 || count === 4 || count === 5
  return (
    <section className="mdx-star-level">
      <p className="mdx-star-level-title">
        <span aria-hidden="true">{'★'.repeat(known ? count : 0)} </span>
        {known ? <span lang={lang}>{t(`curriculum.starLevel.${count}`)}</span> : level}
      </p>
      {children}
    </section>
  )
}

/** Passed to every compiled module: the only components it can render. */
export const MDX_UI = { Script, Case, Steps, Checklist, Tip, Warn, QuizLink, StarLevel }
