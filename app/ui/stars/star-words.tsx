// How a star level, a certificate's state and a requirement read on a page, in the reader's language.
import { useTranslation } from 'react-i18next'
import type { CertificateState } from '~/core/stars/certificate-status'
import type { Phrase, RequirementResult } from '~/core/stars/requirement-kind'

type Translate = ReturnType<typeof useTranslation>['t']

/** A month key ("2026-12") as a reader says it: 2026 年 12 月, December 2026. */
export function monthText(month: string, t: Translate, language: string) {
  const [year, number] = month.split('-').map(Number)
  if (!year || !number) return month
  const name = language === 'en' ? new Date(Date.UTC(year, number - 1, 1)).toLocaleDateString('en-GB', { month: 'long', timeZone: 'UTC' }) : String(number)
  return t('look.month', { year, month: name })
}

export function Stars({ level }: { level: number }) {
  const { t } = useTranslation()
  return (
    <span className="stars" aria-label={t('stars.level', { level })}>
      {'★'.repeat(level)}
    </span>
  )
}

const STATE_CLASS: Record<CertificateState, string> = {
  active: 'done',
  expiring: 'due',
  'renewal-due': 'due',
  expired: 'overdue',
  revoked: 'overdue',
  superseded: '',
}

export function StateBadge({ state }: { state: CertificateState }) {
  const { t } = useTranslation()
  return <span className={`pill ${STATE_CLASS[state]}`}>{t(`stars.states.${state}`)}</span>
}

/** A phrase with its bilingual values picked for the reader's language. */
export function phraseText(p: Phrase, t: Translate, language: string): string {
  const values = Object.fromEntries(Object.entries(p.values).map(([k, v]) => [k, typeof v === 'object' ? (language === 'en' ? v.en : v.zh) : v]))
  return t(p.key, { ...values, interpolation: { escapeValue: false } })
}

/** "投诉处理测验 ≥ 85 分（目前 78 分）" */
export function requirementText(r: RequirementResult, t: Translate, language: string): string {
  const what = phraseText(r.requirement, t, language)
  if (!r.current) return what
  const now = phraseText(r.current, t, language)
  return language === 'en' ? `${what} (${now})` : `${what}（${now}）`
}
