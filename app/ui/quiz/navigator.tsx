// The question navigator: one numbered button per item, marked answered, unanswered or flagged for review.
import { useTranslation } from 'react-i18next'
import type { QuizItemView } from '~/core/quiz/registry'

export function Navigator({
  items,
  answered,
  flags,
  current,
  onGo,
}: {
  items: QuizItemView[]
  answered: Record<string, boolean>
  flags: string[]
  /** The item on screen when one item shows at a time; null when all show. */
  current: number | null
  onGo: (index: number) => void
}) {
  const { t } = useTranslation()
  return (
    <nav className="quiz-nav" aria-label={t('quizTaking.navigator')}>
      <ol>
        {items.map((item, index) => {
          const state = answered[item.id] ? 'answered' : 'unanswered'
          const flagged = flags.includes(item.id)
          return (
            <li key={item.id}>
              <button
                type="button"
                className={`nav-item ${state}${flagged ? ' flagged' : ''}`}
                aria-current={current === index ? 'step' : undefined}
                aria-label={t('quizTaking.navItem', { n: index + 1, state: t(`quizTaking.state.${state}`) }) + (flagged ? ` · ${t('quizTaking.flagged')}` : '')}
                onClick={() => onGo(index)}
              >
                {index + 1}
                {flagged ? <span aria-hidden="true">⚑</span> : null}
              </button>
            </li>
          )
        })}
      </ol>
      <p className="muted nav-legend">
        <span>
          <span className="nav-key answered" /> {t('quizTaking.state.answered')}
        </span>
        <span>
          <span className="nav-key unanswered" /> {t('quizTaking.state.unanswered')}
        </span>
        <span>⚑ {t('quizTaking.flagged')}</span>
      </p>
    </nav>
  )
}
