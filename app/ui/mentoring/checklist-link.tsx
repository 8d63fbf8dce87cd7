// On a new hire's home: their on-the-job checklist, their mentor and how far they are.
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

export function ChecklistLink({ summary }: { summary: { mentor: string; signed: number; total: number } | null }) {
  const { t } = useTranslation()
  if (!summary) return null
  return (
    <Link to="/learn/checklist" className="card row-link checklist-link">
      <strong>{t('mentoring.mentee.homeLink')}</strong>
      <span className="muted">{t('mentoring.mentee.homeSummary', summary)}</span>
    </Link>
  )
}
