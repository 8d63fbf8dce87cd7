// The side panel of the scenario editor: the chosen node's customer line (or ending) and each reply — text,
// points, feedback, the node it leads to — with a row to add a reply, and forms to add or delete a node. Each
// submit is one saved draft revision.
import type { FetcherWithComponents } from '@remix-run/react'
import { useNavigate } from '@remix-run/react'
import { useEffect, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { GraphNode, GraphReply, ScenarioGraph } from '~/core/studio/scenario-graph-view'
import type { ScenarioEditResult } from '~/server/studio/scenario-editor.server'
import { NodeProblems } from './scenario-node-problems'

const MOODS = ['calm', 'anxious', 'annoyed', 'angry'] as const
const ENDS = ['satisfied', 'escalated', 'complaint'] as const

interface Props {
  node: GraphNode
  graph: ScenarioGraph
  path: string
  revision: number
  fetcher: FetcherWithComponents<ScenarioEditResult>
  /** Posts a form through the fetcher with the page's text (useGraphEdits), for a conflict's diff. */
  onSubmit: (event: FormEvent<HTMLFormElement>) => void
}

function Hidden({ path, revision, op, node }: { path: string; revision: number; op: string; node?: string }) {
  return (
    <>
      <input type="hidden" name="intent" value="graph" />
      <input type="hidden" name="op" value={op} />
      <input type="hidden" name="path" value={path} />
      <input type="hidden" name="revision" value={revision} />
      {node ? <input type="hidden" name="node" value={node} /> : null}
    </>
  )
}

function NextSelect({ name, graph, value }: { name: string; graph: ScenarioGraph; value?: string }) {
  const { t } = useTranslation()
  return (
    <select name={name} defaultValue={value} required aria-label={t('scenarioGraph.next')}>
      {graph.nodes.map((n) => (
        <option key={n.id} value={n.id}>
          {n.id} · {n.kind === 'end' ? t(`scenarioGraph.end.${n.end}`) : n.customer.slice(0, 18)}
        </option>
      ))}
    </select>
  )
}

function ReplyFields({ prefix, graph, reply }: { prefix: string; graph: ScenarioGraph; reply?: GraphReply }) {
  const { t } = useTranslation()
  const isNew = !reply
  return (
    <div className="scenario-reply">
      {reply ? <input type="hidden" name={`${prefix}-id`} value={reply.id} /> : null}
      <label>
        {isNew ? t('scenarioGraph.newReply') : t('scenarioGraph.reply', { id: reply.id })}
        <textarea name={`${prefix}-text`} defaultValue={reply?.text} required={!isNew} rows={2} />
      </label>
      <div className="scenario-reply-row">
        <label>
          {t('scenarioGraph.points')}
          <input type="number" name={`${prefix}-points`} min={0} max={100} step={1} defaultValue={reply?.points ?? 0} required />
        </label>
        <label>
          {t('scenarioGraph.next')}
          <NextSelect name={`${prefix}-next`} graph={graph} value={reply?.next} />
        </label>
      </div>
      <label>
        {t('scenarioGraph.feedback')}
        <textarea name={`${prefix}-feedback`} defaultValue={reply?.feedback} required={!isNew} rows={2} />
      </label>
      {reply ? (
        <label className="scenario-check">
          <input type="checkbox" name={`${prefix}-delete`} value="1" /> {t('scenarioGraph.deleteReply')}
        </label>
      ) : null}
    </div>
  )
}

export function ScenarioNodePanel({ node, graph, path, revision, fetcher, onSubmit }: Props) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const result = fetcher.data
  useEffect(() => {
    if (result?.ok && result.nodeId !== node.id) navigate(`?path=${encodeURIComponent(path)}&node=${encodeURIComponent(result.nodeId)}`, { replace: true })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result])
  const busy = fetcher.state !== 'idle'
  return (
    <section className="card scenario-panel" aria-label={t('scenarioGraph.panel', { id: node.id })}>
      <h2>{t('scenarioGraph.panel', { id: node.id })}</h2>
      <NodeProblems problems={node.problems} />
      <fetcher.Form method="post" onSubmit={onSubmit} className="scenario-form">
        <Hidden path={path} revision={revision} op="edit-node" node={node.id} />
        <input type="hidden" name="kind" value={node.kind} />
        {node.kind === 'turn' ? (
          <>
            <label>
              {t('scenarioGraph.customer')}
              <textarea name="customer" defaultValue={node.customer} required rows={3} />
            </label>
            <label>
              {t('scenarioGraph.mood')}
              <select name="mood" defaultValue={node.mood}>
                {MOODS.map((m) => <option key={m} value={m}>{t(`scenarioGraph.moods.${m}`)}</option>)}
              </select>
            </label>
            {node.replies.map((reply, i) => <ReplyFields key={reply.id} prefix={`reply-${i}`} graph={graph} reply={reply} />)}
            <ReplyFields prefix="new" graph={graph} />
          </>
        ) : (
          <>
            <label>
              {t('scenarioGraph.ending')}
              <select name="end" defaultValue={node.end}>
                {ENDS.map((e) => <option key={e} value={e}>{t(`scenarioGraph.end.${e}`)}</option>)}
              </select>
            </label>
            <label>
              {t('scenarioGraph.endText')}
              <textarea name="text" defaultValue={node.text} required rows={3} />
            </label>
          </>
        )}
        <button type="submit" className="button" disabled={busy}>{t('scenarioGraph.saveNode')}</button>
      </fetcher.Form>
      <fetcher.Form method="post" onSubmit={onSubmit} className="inline-form">
        <Hidden path={path} revision={revision} op="delete-node" node={node.id} />
        <button type="submit" className="button secondary" disabled={busy}>{t('scenarioGraph.deleteNode')}</button>
      </fetcher.Form>
      <details className="scenario-add">
        <summary>{t('scenarioGraph.addNode')}</summary>
        <fetcher.Form method="post" onSubmit={onSubmit} className="scenario-form">
          <Hidden path={path} revision={revision} op="add-node" />
          <input type="hidden" name="kind" value="turn" />
          <label>
            {t('scenarioGraph.customer')}
            <textarea name="customer" required rows={2} />
          </label>
          <label>
            {t('scenarioGraph.mood')}
            <select name="mood" defaultValue="calm">
              {MOODS.map((m) => <option key={m} value={m}>{t(`scenarioGraph.moods.${m}`)}</option>)}
            </select>
          </label>
          <button type="submit" className="button secondary" disabled={busy}>{t('scenarioGraph.addTurn')}</button>
        </fetcher.Form>
        <fetcher.Form method="post" onSubmit={onSubmit} className="scenario-form">
          <Hidden path={path} revision={revision} op="add-node" />
          <input type="hidden" name="kind" value="end" />
          <label>
            {t('scenarioGraph.ending')}
            <select name="end" defaultValue="satisfied">
              {ENDS.map((e) => <option key={e} value={e}>{t(`scenarioGraph.end.${e}`)}</option>)}
            </select>
          </label>
          <label>
            {t('scenarioGraph.endText')}
            <textarea name="text" required rows={2} />
          </label>
          <button type="submit" className="button secondary" disabled={busy}>{t('scenarioGraph.addEnd')}</button>
        </fetcher.Form>
      </details>
    </section>
  )
}
