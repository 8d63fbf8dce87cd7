// The scenario as a readable list: each node with its problems, its customer line (or ending) and its replies
// with points and where they lead. What a phone shows instead of the canvas; on a laptop, below it.
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { ScenarioGraph } from '~/core/studio/scenario-graph-view'
import { NodeProblems } from './scenario-node-problems'

export function ScenarioNodeList({ graph, path, selected }: { graph: ScenarioGraph; path: string; selected: string | null }) {
  const { t } = useTranslation()
  const at = (id: string) => `?path=${encodeURIComponent(path)}&node=${encodeURIComponent(id)}`
  return (
    <section className="card scenario-list" aria-label={t('scenarioGraph.listTitle')}>
      <h2>{t('scenarioGraph.listTitle')}</h2>
      <ol className="list">
        {graph.nodes.map((node) => (
          <li key={node.id} id={`node-${node.id}`} className={node.id === selected ? 'selected' : undefined}>
            <p>
              <Link to={at(node.id)}><strong>{node.id}</strong></Link>
              {node.id === graph.start ? <span className="pill">{t('scenarioGraph.start')}</span> : null}
              {node.kind === 'end' ? <span className="pill">{t(`scenarioGraph.end.${node.end}`)}</span> : <span className="pill">{t(`scenarioGraph.moods.${node.mood}`)}</span>}
              <span className="muted"> {t('scenarioGraph.bestFromHere', { points: node.bestFromHere })}</span>
            </p>
            <NodeProblems problems={node.problems} />
            <p>{node.kind === 'end' ? node.text : node.customer}</p>
            {node.kind === 'turn' ? (
              <ul className="scenario-list-replies">
                {node.replies.map((r) => (
                  <li key={r.id}>
                    {r.text} <span className="pill">{t('scenarioGraph.pointsShort', { points: r.points })}</span> →{' '}
                    <Link to={at(r.next)}>{r.next}</Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  )
}
