// Beside an item: what the published quiz's statistics say about it (the verdicts of the statistics page), or
// plainly that there are not enough attempts to say anything yet.
import { useTranslation } from 'react-i18next'
import { VERDICT_THRESHOLDS } from '~/core/quiz/item-verdicts'
import type { ItemVerdictView } from '~/server/studio/quiz-item-pages.server'
import { FindingText } from '~/ui/quiz-stats/verdicts'

export function ItemVerdict({ verdicts, itemId }: { verdicts: { analysed: number; byItem: Record<string, ItemVerdictView> } | null; itemId: string }) {
  const { t } = useTranslation()
  const verdict = verdicts?.byItem[itemId]
  if (!verdicts) return <p className="muted item-verdict">{t('items.verdict.unpublished')}</p>
  if (verdicts.analysed < VERDICT_THRESHOLDS.minimumAttempts) {
    return <p className="muted item-verdict">{t('items.verdict.tooFew', { count: verdicts.analysed, minimum: VERDICT_THRESHOLDS.minimumAttempts })}</p>
  }
  if (!verdict) return <p className="muted item-verdict">{t('items.verdict.notInPublished')}</p>
  if (verdict.findings.length === 0) return <p className="item-verdict"><span className="pill done">{t('quizVerdicts.ok')}</span></p>
  return (
    <ul className="findings item-verdict">
      {verdict.findings.map((finding) => (
        <FindingText key={finding.kind + ('option' in finding ? finding.option : '')} finding={finding} />
      ))}
    </ul>
  )
}
