// The graph canvas, on wide screens only: @xyflow/react is a chunk of its own, imported after the page is on
// screen and only by this editor, so no other page (and no clerk's) downloads it. Phones get the node list.
import { useEffect, useState, type ComponentType } from 'react'
import { useTranslation } from 'react-i18next'
import type { ScenarioGraph } from '~/core/studio/scenario-graph-view'
import type { FlowProps } from './scenario-flow'

const WIDE = '(min-width: 900px)'

export function ScenarioCanvas(props: FlowProps) {
  const { t } = useTranslation()
  const [Flow, setFlow] = useState<ComponentType<FlowProps> | null>(null)
  useEffect(() => {
    if (!window.matchMedia(WIDE).matches) return
    let cancelled = false
    void import('./scenario-flow').then((m) => {
      if (!cancelled) setFlow(() => m.ScenarioFlow)
    })
    return () => {
      cancelled = true
    }
  }, [])
  if (!Flow) return null
  return (
    <div>
      <section className="scenario-canvas" aria-label={t('scenarioGraph.canvas')}>
        <Flow {...props} />
      </section>
      <p className="scenario-legend">
        <span className="best">{t('graphEdges.best')}</span>
        <span>{t('graphEdges.turn')}</span>
        <span className="ends-satisfied">{t('graphEdges.ends.satisfied')}</span>
        <span className="ends-escalated">{t('graphEdges.ends.escalated')}</span>
        <span className="ends-complaint">{t('graphEdges.ends.complaint')}</span>
      </p>
    </div>
  )
}

export type { ScenarioGraph }
