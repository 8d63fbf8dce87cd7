// The canvas itself (only ever imported dynamically by scenario-canvas.tsx): each node a box with its customer
// line or ending and the check's problems on it, each reply an arrow from its own handle labelled with its id
// and points, the best path drawn bold, replies that end the dialogue drawn in the ending's colour with a
// closed arrowhead. Clicking a node opens it in the side panel (the URL names it, so a reload keeps it).
import {
  Background,
  Controls,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  useUpdateNodeInternals,
  type Dimensions,
  type Edge,
  type Node,
  type NodeChange,
  type NodeProps,
} from '@xyflow/react'
import { useNavigate } from '@remix-run/react'
import { useCallback, useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { EndKind } from '~/core/quiz/scenario-graph'
import type { GraphNode, ScenarioGraph } from '~/core/studio/scenario-graph-view'
import { NodeProblems } from './scenario-node-problems'

export interface FlowProps {
  graph: ScenarioGraph
  selected: string | null
  path: string
}

type BoxData = { node: GraphNode; start: boolean; selected: boolean }

// the arrow colours of the three endings (the same hues as the end boxes in scenario-graph.css)
const ENDING_COLOUR: Record<EndKind, string> = { satisfied: '#1a7f37', escalated: '#b26a00', complaint: '#c62828' }

/** Where reply `index` of `count` leaves the box: spread down its right side, so two replies to one node are two arrows. */
export const handleTop = (index: number, count: number) => `${Math.round(((index + 1) / (count + 1)) * 100)}%`

function ScenarioBox({ id, data }: NodeProps<Node<BoxData>>) {
  const { t } = useTranslation()
  const { node } = data
  const updateNodeInternals = useUpdateNodeInternals()
  // the handles move when replies are added or removed: xyflow measures them again, else arrows would start from old places
  const handles = node.kind === 'turn' ? node.replies.length : 0
  useEffect(() => updateNodeInternals(id), [id, handles, updateNodeInternals])
  const classes = ['scenario-box', node.kind, node.kind === 'end' ? node.end : '', node.problems.length ? 'has-problems' : '', data.selected ? 'selected' : ''].join(' ')
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
      {node.kind === 'turn'
        ? node.replies.map((r, i) => <Handle key={i} id={`reply-${i}`} type="source" position={Position.Right} style={{ top: handleTop(i, node.replies.length) }} />)
        : null}
    </div>
  )
}

const nodeTypes = { scenario: ScenarioBox }

export function ScenarioFlow({ graph, selected, path }: FlowProps) {
  const navigate = useNavigate()
  const { t } = useTranslation()
  // What xyflow measured of each box. A new graph from the server (after a save, a click, a language switch)
  // gives new node objects; without their measured size xyflow forgets the handles and drops every arrow
  // until it has measured the boxes again. Handing the last size back keeps the arrows on screen throughout.
  const measured = useRef(new Map<string, Dimensions>())
  const onNodesChange = useCallback((changes: NodeChange<Node<BoxData>>[]) => {
    for (const change of changes) if (change.type === 'dimensions' && change.dimensions) measured.current.set(change.id, change.dimensions)
  }, [])
  const nodes = useMemo<Node<BoxData>[]>(
    () =>
      graph.nodes.map((n) => ({
        id: n.id,
        type: 'scenario',
        position: { x: n.x, y: n.y },
        measured: measured.current.get(n.id),
        data: { node: n, start: n.id === graph.start, selected: n.id === selected },
      })),
    [graph, selected],
  )
  const edges = useMemo<Edge[]>(
    () =>
      graph.edges.map((e) => {
        const colour = e.ends ? ENDING_COLOUR[e.ends] : undefined
        return {
          id: e.id,
          source: e.source,
          sourceHandle: `reply-${e.replyIndex}`,
          target: e.target,
          label: `${e.replyId} · ${t('scenarioGraph.pointsShort', { points: e.points })}`,
          className: [e.best ? 'best' : '', e.ends ? `ends ends-${e.ends}` : ''].join(' ').trim() || undefined,
          markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: colour ?? '#8a94a6' },
          animated: e.best,
        }
      }),
    [graph, t],
  )
  return (
    <ReactFlow
      // a node added or removed remounts the canvas, so fitView frames the new node too
      key={graph.nodes.map((n) => n.id).join(' ')}
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
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
