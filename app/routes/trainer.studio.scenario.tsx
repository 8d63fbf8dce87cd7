// A dialogue scenario as a graph: nodes and replies drawn on a canvas (wide screens) or listed (phones), the
// check's problems on the nodes, a side panel to edit the chosen node, "play from here", publish.
import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useFetcher, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { badRequest } from '~/server/responses.server'
import { languageOf } from '~/server/i18n.server'
import { requireArea } from '~/server/session.server'
import { openScenario, scenarioGraphAction, type ScenarioEditResult } from '~/server/studio/scenario-editor.server'
import { playFromHere } from '~/server/studio/scenario-play.server'
import { studioEditAction, type EditActionResult } from '~/server/studio/studio-actions.server'
import { studioSettings } from '~/server/studio/reviews.server'
import { prisma } from '~/server/db.server'
import { PublishForm } from '~/ui/studio/publish-form'
import { PageHeader } from '~/ui/page'
import { ScenarioCanvas } from '~/ui/studio/scenario-canvas'
import { ScenarioConflict, useGraphEdits } from '~/ui/studio/scenario-conflict'
import { ScenarioNodeList } from '~/ui/studio/scenario-node-list'
import { ScenarioNodePanel } from '~/ui/studio/scenario-node-panel'
import { ScenarioPlay } from '~/ui/studio/scenario-play'
import studioStyles from '~/styles/studio.css'
import graphStyles from '~/styles/scenario-graph.css'
import flowStyles from '@xyflow/react/dist/style.css'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: studioStyles },
  { rel: 'stylesheet', href: flowStyles },
  { rel: 'stylesheet', href: graphStyles },
]

const Query = z.object({ path: z.string().min(1).max(200), node: z.string().max(64).optional() })

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'trainer')
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) badRequest('scenario path')
  const [scenario, settings] = await Promise.all([openScenario(user, query.data.path, await languageOf(request), new Date()), studioSettings(prisma)])
  // with second-trainer review on, the button asks for a review, as in the text editor (the server refuses a publish anyway)
  return json({ ...scenario, reviewRequired: settings.reviewRequired })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireArea({ request, context }, 'trainer')
  const form = await request.formData()
  const intent = form.get('intent')
  if (intent === 'play') return json(await playFromHere(user, form))
  const result: ScenarioEditResult | EditActionResult = intent === 'graph' ? await scenarioGraphAction(user, form, new Date()) : await studioEditAction(user, form, new Date())
  return json(result, { status: result.ok ? 200 : 409 })
}

export default function StudioScenario() {
  const data = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const [params] = useSearchParams()
  const navigation = useNavigation()
  const edit = useFetcher<ScenarioEditResult>()
  const edits = useGraphEdits(edit, data.text)
  const published = useActionData<typeof action>()
  const revision = data.draft?.revision ?? 0
  const selected = data.graph?.nodes.find((n) => n.id === params.get('node')) ?? data.graph?.nodes.find((n) => n.id === data.graph?.start) ?? null
  const textEditor = `/trainer/studio/edit?path=${encodeURIComponent(data.path)}`
  const title = data.title ? (i18n.language === 'en' ? data.title.en : data.title.zh) : data.path
  const editResult = edit.data
  const publishBlocked = data.problemCount > 0 ? t('studio.publish.blockedProblems', { count: data.problemCount }) : revision === 0 ? t('studio.publish.blockedNoDraft') : null

  return (
    <>
      <PageHeader title={title} lead={data.published ? t('studio.edit.published', { number: data.published }) : t('studio.edit.newFile')} />
      <p className="crumb">
        <Link to={`/trainer/studio?from=${encodeURIComponent(data.path)}#current`}>{t('studio.title')}</Link> · <Link to={textEditor}>{t('scenarioGraph.textEditor')}</Link> ·{' '}
        <Link to={`/trainer/studio/history?path=${encodeURIComponent(data.path)}`}>{t('studio.history.link')}</Link>
      </p>
      {data.others.length ? <p className="notice">{t('studio.edit.othersEditing', { names: data.others.join('、') })}</p> : null}
      {published && 'intent' in published && published.intent === 'publish' && published.ok ? <p className="notice done">{t('scenarioGraph.publishedDone')}</p> : null}
      {published && 'intent' in published && published.intent === 'publish' && !published.ok ? <p className="notice error" role="alert">{t(`studio.publish.refused.${published.reason}`)}</p> : null}
      {published && 'intent' in published && published.intent === 'request-review' ? <p className={published.ok ? 'notice done' : 'notice error'} role="status">{published.ok ? t('studioReview.requested') : t(`studio.publish.refused.${published.reason}`)}</p> : null}
      {edits.conflict ? <ScenarioConflict conflict={edits.conflict} busy={edit.state !== 'idle'} onReapply={edits.reapply} onDismiss={edits.dismiss} /> : null}
      {editResult && !editResult.ok && 'refused' in editResult ? <p className="notice error" role="alert">{t(`scenarioGraph.refused.${editResult.refused}`, t('scenarioGraph.refused.invalid'))}</p> : null}
      <p className="muted" aria-live="polite">
        {edit.state !== 'idle' ? t('studio.edit.saving') : revision ? t('studio.edit.saved', { revision }) : t('studio.edit.noDraft')}
      </p>
      {!data.graph ? (
        <p className="notice error" role="alert">
          {t('scenarioGraph.notParsed')} <Link to={textEditor}>{t('scenarioGraph.textEditor')}</Link>
        </p>
      ) : (
        <div className="scenario-layout">
          <ScenarioCanvas graph={data.graph} selected={selected?.id ?? null} path={data.path} />
          <div className="scenario-panes">
            {selected ? <ScenarioNodePanel key={`${selected.id}/${revision}`} node={selected} graph={data.graph} path={data.path} revision={revision} fetcher={edit} onSubmit={edits.onSubmit} /> : null}
            {selected ? <ScenarioPlay key={`play/${selected.id}/${revision}`} path={data.path} from={selected.id} /> : null}
          </div>
          <ScenarioNodeList graph={data.graph} path={data.path} selected={selected?.id ?? null} />
        </div>
      )}
      <section className="card">
        <h2>{t('studio.problems.title', { count: data.problemCount })}</h2>
        {data.problemCount === 0 ? <p className="notice done">{t('studio.problems.none')}</p> : null}
        {data.problems.length ? (
          <ul className="studio-problems">
            {data.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        ) : null}
        {data.problemCount > data.problems.length ? <p className="muted">{t('scenarioGraph.problemsOnNodes', { count: data.problemCount - data.problems.length })}</p> : null}
      </section>
      <PublishForm path={data.path} revision={revision} reviewRequired={data.reviewRequired} blocked={publishBlocked} busy={navigation.state !== 'idle' || edit.state !== 'idle'} />
    </>
  )
}
