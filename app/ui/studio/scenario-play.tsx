// "Play from here": the dialogue from the chosen node as a clerk plays it, one turn at a time; the server scores
// each reply and the page shows its feedback and points after it, and the share of the best path at the end.
import { useFetcher } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { PlayResult } from '~/server/studio/scenario-play.server'

export function ScenarioPlay({ path, from }: { path: string; from: string }) {
  const { t } = useTranslation()
  const play = useFetcher<PlayResult>()
  const result = play.data
  const submit = (taken: string[], choose?: string) =>
    play.submit({ intent: 'play', path, from, taken: taken.join(','), ...(choose ? { choose } : {}) }, { method: 'post' })
  return (
    <section className="card scenario-play" aria-label={t('scenarioGraph.play.title', { id: from })}>
      <h2>{t('scenarioGraph.play.title', { id: from })}</h2>
      <button type="button" className="button secondary" onClick={() => submit([])} disabled={play.state !== 'idle'}>
        {result?.ok ? t('scenarioGraph.play.again') : t('scenarioGraph.play.start')}
      </button>
      {result && !result.ok ? <p className="notice error" role="alert">{t(`scenarioGraph.play.${result.reason}`)}</p> : null}
      {result?.ok ? (
        <div className="scenario-play-turns" aria-live="polite">
          {result.turns.map((turn, i) => (
            <div key={i} className="scenario-turn">
              <p className="scenario-customer">{turn.customer}</p>
              <p className="scenario-clerk">{turn.reply}</p>
              <p className="muted">
                {t('scenarioGraph.play.points', { points: turn.points, best: turn.bestPoints })} · {turn.feedback}
              </p>
            </div>
          ))}
          {result.node.type === 'turn' ? (
            <div className="scenario-turn">
              <p className="scenario-customer">{result.node.customer}</p>
              <ul className="list">
                {result.node.replies.map((r) => (
                  <li key={r.id}>
                    <button type="button" className="button secondary scenario-choice" onClick={() => submit(result.taken, r.id)} disabled={play.state !== 'idle'}>
                      {r.text}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <div className="scenario-turn">
              <p className="notice">{t('scenarioGraph.play.ending', { end: t(`scenarioGraph.end.${result.node.end}`), text: result.node.text })}</p>
              {result.score ? <p><strong>{t('scenarioGraph.play.score', result.score)}</strong></p> : null}
            </div>
          )}
        </div>
      ) : null}
    </section>
  )
}
