// On a new hire's home: their on-the-job checklist, their mentor and how far they are.
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** `linked`: on the mentee's own pages it opens their checklist; on their record, read by others, it is the summary. */
export function ChecklistLink({ summary, linked = true }: { summary: { mentor: string; signed: number; total: number } | null; linked?: boolean }) {
  const { t } = useTranslation()
  if (!summary) return null
  if (!linked)
    return (
      <p className="card checklist-link">
        <strong>{t('mentoring.mentee.homeLink')}</strong> <span className="muted">{t('mentoring.mentee.homeSummary', summary)}</span>
      </p>
    )
  return (
    <Link to="/learn/checklist" className="card row-link checklist-link">
      <strong>{t('mentoring.mentee.homeLink')}</strong>
      <span className="muted">{t('mentoring.mentee.homeSummary', summary)}</span>
    </Link>
  )
}
