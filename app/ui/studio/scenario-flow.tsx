// The canvas itself (only ever imported dynamically by scenario-canvas.tsx): each node a box with its customer
// line or ending and the check's problems on it, each reply an arrow labelled with its points, the best path
// drawn bold. Clicking a node opens it in the side panel (the URL names it, so a reload keeps it).
import { Background, Controls, Handle, Position, ReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react'
import { useNavigate } from '@remix-run/react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { GraphNode, ScenarioGraph } from '~/core/studio/scenario-graph-view'
import { NodeProblems } from './scenario-node-problems'

export interface FlowProps {
  graph: ScenarioGraph
  selected: string | null
  path: string
}

type BoxData = { node: GraphNode; start: boolean; selected: boolean }

function ScenarioBox({ data }: NodeProps<Node<BoxData>>) {
  const { t } = useTranslation()
  const { node } = data
  const classes = ['scenario-box', node.kind, node.problems.length ? 'has-problems' : '', data.selected ? 'selected' : ''].join(' ')
  return (
    <div className={classes} data-node={node.id}>
      <Handle type="target" position={Position.Left} />
      <p className="scenario-box-head">
        <strong>{node.id}</strong>
        {data.start ? <span className="pill">{t('scenarioGraph.start')}</span> : null}
        <span className="pill">{node.kind === 'end' ? t(`scenarioGraph.end.${node.end}`) : t(`scenarioGraph.moods.${node.mood}`)}</span>
      </p>
      <p className="scenario-box-line">{node.kind === 'end' ? node.text : node.customer}</p>
      <NodeProblems problems={node.problems} />
      {node.kind === 'turn' ? <Handle type="source" position={Position.Right} /> : null}
    </div>
  )
}

const nodeTypes = { scenario: ScenarioBox }

export function ScenarioFlow({ graph, selected, path }: FlowProps) {
  const navigate = useNavigate()
  const { t } = useTranslation()
  const nodes = useMemo<Node<BoxData>[]>(
    () => graph.nodes.map((n) => ({ id: n.id, type: 'scenario', position: { x: n.x, y: n.y }, data: { node: n, start: n.id === graph.start, selected: n.id === selected } })),
    [graph, selected],
  )
  const edges = useMemo<Edge[]>(
    () =>
      graph.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        label: `${e.replyId} · ${t('scenarioGraph.pointsShort', { points: e.points })}`,
        className: e.best ? 'best' : undefined,
        animated: e.best,
      })),
    [graph, t],
  )
  return (
    <ReactFlow
      // a node added or removed remounts the canvas, so fitView frames the new node too
      key={graph.nodes.map((n) => n.id).join(' ')}
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      nodesDraggable={false}
      nodesConnectable={false}
      fitView
      minZoom={0.2}
      onNodeClick={(_, node) => navigate(`?path=${encodeURIComponent(path)}&node=${encodeURIComponent(node.id)}`, { replace: true, preventScrollReset: true })}
      proOptions={{ hideAttribution: false }}
    >
      <Background />
      <Controls showInteractive={false} />
    </ReactFlow>
  )
}
