// A line diff as a table of lines: removed in red with −, added in green with +, folded runs as one line.
import { useTranslation } from 'react-i18next'
import type { DiffLine } from '~/core/studio/text-diff'

export function DiffView({ lines }: { lines: readonly DiffLine[] }) {
  const { t } = useTranslation()
  return (
    <pre className="studio-diff">
      {lines.map((line, i) =>
        line.kind === 'fold' ? (
          <div key={i} className="fold">
            {t('studio.diff.folded', { count: line.count })}
          </div>
        ) : (
          <div key={i} className={line.kind}>
            <span className="sign">{line.kind === 'added' ? '+' : line.kind === 'removed' ? '−' : ' '}</span>
            <span className="number">{line.newLine ?? line.oldLine}</span>
            {line.text}
          </div>
        ),
      )}
    </pre>
  )
}
