// The check's problems on a node: a badge with their number and each problem's text, in the page's language.
import { useTranslation } from 'react-i18next'

export function NodeProblems({ problems }: { problems: readonly string[] }) {
  const { t } = useTranslation()
  if (problems.length === 0) return null
  return (
    <div className="scenario-node-problems" role="note">
      <span className="scenario-problem-badge">{t('scenarioGraph.problemBadge', { count: problems.length })}</span>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
    </div>
  )
}
