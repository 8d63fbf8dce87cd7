// One dialogue scenario as a list of turns, each reply drawn as a bar of its pick rate, the turn where clerks lose
// most points highlighted, and the paths taken most often. Plain HTML and CSS: no chart library.
import { useTranslation } from 'react-i18next'
import type { DialogueReport, PathRow, TurnRow } from '~/server/quiz-statistics.server'
import { formatNumber, formatShare, ShareBar } from './bars'

function Turn({ turn, number }: { turn: TurnRow; number: number }) {
  const { t } = useTranslation()
  return (
    <li className={`stats-turn${turn.worst ? ' worst' : ''}`}>
      <p className="stats-turn-head">
        <strong>{t('stats.turn', { n: number })}</strong>
        {turn.worst ? <span className="pill overdue">{t('stats.worstTurn')}</span> : null}
      </p>
      <p className="stats-customer">
        <span className="muted">
          {t('quiz.customer')} · {t(`quiz.mood.${turn.mood}`)}
        </span>
        <br />
        {turn.customer}
      </p>
      <p className="muted">
        {turn.visits > 0 ? t('stats.reached', { count: turn.visits }) : t('stats.notReached')}
        {turn.meanPointsLost !== null ? ` · ${t('stats.lost', { points: formatNumber(turn.meanPointsLost) })}` : ''}
      </p>
      <ul className="stats-replies">
        {turn.replies.map((reply) => {
          const best = reply.points >= reply.bestPoints
          return (
            <li key={reply.id}>
              <span className="stats-choice-head">
                <span>{reply.text}</span>
                <span className="stats-num">{formatShare(reply.rate, 0)}</span>
              </span>
              <ShareBar share={reply.rate} tone={best ? 'good' : 'bad'} />
              <span className="muted">
                {t('stats.replyPoints', { points: reply.points, best: reply.bestPoints })} · {t('stats.picks', { count: reply.picks })}
              </span>
            </li>
          )
        })}
      </ul>
    </li>
  )
}

function CommonPath({ path }: { path: PathRow }) {
  const { t } = useTranslation()
  return (
    <li className="stats-path">
      <p className="stats-choice-head">
        <strong>{t('stats.pathCount', { count: path.count, percent: formatShare(path.share, 0) })}</strong>
        <span className={`stats-ending${path.ending ? ` ending-${path.ending}` : ''}`}>
          {path.ending ? t(`quiz.ends.${path.ending}`) : t('stats.unfinished')}
        </span>
      </p>
      <ol className="stats-path-steps">
        {path.steps.map((step, index) => (
          <li key={`${index}-${step.nodeId}`} className={step.points < step.bestPoints ? 'is-wrong' : undefined}>
            {step.reply} <span className="muted">({t('stats.replyPoints', { points: step.points, best: step.bestPoints })})</span>
          </li>
        ))}
      </ol>
    </li>
  )
}

export function DialogueStatistics({ dialogue, heading }: { dialogue: DialogueReport; heading: string }) {
  const { t } = useTranslation()
  const worstNumber = dialogue.turns.findIndex((turn) => turn.worst) + 1
  return (
    <section className="card" aria-label={heading}>
      <h3 className="stats-item-title">{heading}</h3>
      {dialogue.paths === 0 ? (
        <p className="muted">{t('stats.noPaths')}</p>
      ) : (
        <>
          <p className={dialogue.worstTurn ? 'notice updated' : 'notice done'}>
            {dialogue.worstTurn
              ? t('stats.worstSummary', { n: worstNumber, points: formatNumber(dialogue.worstTurn.meanPointsLost) })
              : t('stats.noLoss')}
          </p>
          <p className="muted">{t('stats.dialogueHint', { count: dialogue.paths })}</p>
          <ol className="stats-turns">
            {dialogue.turns.map((turn, index) => (
              <Turn key={turn.nodeId} turn={turn} number={index + 1} />
            ))}
          </ol>
          <h4 className="stats-subtitle">{t('stats.commonPaths')}</h4>
          <ol className="stats-paths">
            {dialogue.commonPaths.map((path, index) => (
              <CommonPath key={index} path={path} />
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
