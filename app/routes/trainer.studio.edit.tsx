// One file in the studio: the editor (autosaved as a draft), the server's check inline at line and column, the
// module previewed as clerks will see it at 360 px and desktop width, conflicts with a diff, publish.
import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { badRequest } from '~/server/responses.server'
import { requireArea } from '~/server/session.server'
import { prisma } from '~/server/db.server'
import { latestReviewOf, studioSettings } from '~/server/studio/reviews.server'
import { studioEditAction, type EditActionResult } from '~/server/studio/studio-actions.server'
import { StudioFileQuery } from '~/server/studio/studio-input.server'
import { openStudioFile, type InlineProblem } from '~/server/studio/studio-pages.server'
import { PublishForm } from '~/ui/studio/publish-form'
import { PageHeader } from '~/ui/page'
import { CodeEditor, type CodeEditorHandle } from '~/ui/studio/code-editor'
import { ComponentInserts } from '~/ui/studio/component-inserts'
import { DiffView } from '~/ui/studio/diff-view'
import { ModulePreview, type PreviewData } from '~/ui/studio/module-preview'
import { useKeptOnClose } from '~/ui/studio/kept-on-close'
import { useQuietSave } from '~/ui/studio/quiet-save'
import studioStyles from '~/styles/studio.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: studioStyles }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'trainer')
  const query = StudioFileQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) badRequest('studio path')
  const [file, settings, review] = await Promise.all([openStudioFile(user, query.data.path, new Date()), studioSettings(prisma), latestReviewOf(prisma, query.data.path)])
  return json({ ...file, reviewRequired: settings.reviewRequired, review: review ? { id: review.id, status: review.status, revision: review.revision, comment: review.comment, decidedBy: review.decidedBy } : null })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireArea({ request, context }, 'trainer')
  const result = await studioEditAction(user, await request.formData(), new Date())
  const refused = result.intent !== 'discard' && !result.ok
  return json(result, { status: refused ? 409 : 200 })
}

const SAVE_DELAY_MS = 800
const RETRY_DELAY_MS = 5000 // after a save the network lost
const PREVIEW_DELAY_MS = 250

export default function StudioEdit() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const published = useActionData<typeof action>() as EditActionResult | undefined
  const navigation = useNavigation()
  const editor = useRef<CodeEditorHandle>(null)
  const save = useQuietSave<EditActionResult>('routes/trainer.studio.edit')
  const [preview, setPreview] = useState<PreviewData | null>(null)
  const [text, setText] = useState(data.text)
  const [revision, setRevision] = useState(data.draft?.revision ?? 0)
  const [savedText, setSavedText] = useState(data.text)
  const [problems, setProblems] = useState<InlineProblem[]>(data.problems)
  const baseNumber = data.draft?.baseNumber ?? data.published?.number ?? 0
  const saveNow = () => {
    if (save.state === 'idle') save.submit({ intent: 'save', path: data.path, text, revision: String(revision), baseNumber: String(baseNumber) })
  }
  const recovery = useKeptOnClose({ path: data.path, text, savedText, revision, baseNumber, serverText: data.text, saveNow })

  // a new file, or the page reloaded after a publish: start from what the server has
  useEffect(() => {
    setRevision(data.draft?.revision ?? 0)
    setSavedText(data.text)
  }, [data.path, data.draft?.revision, data.text])

  useEffect(() => {
    if (text === savedText || save.state !== 'idle') return
    const timer = setTimeout(() => {
      save.submit({ intent: 'save', path: data.path, text, revision: String(revision), baseNumber: String(baseNumber) })
    }, save.failed ? RETRY_DELAY_MS : SAVE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [text, savedText, revision, save, data.path, baseNumber])

  const saveResult = save.data
  useEffect(() => {
    if (saveResult?.intent === 'save' && saveResult.ok) {
      setRevision(saveResult.revision)
      setSavedText(save.sent?.text ?? savedText)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saveResult])

  // a plain fetch, not a fetcher: a preview lost to a network blip is simply retried by the next keystroke, where a
  // fetcher's failure would replace the page (and the editor) with the error boundary
  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(() => {
      fetch('/trainer/studio/preview', { method: 'POST', body: new URLSearchParams({ path: data.path, text }), signal: controller.signal })
        .then((response) => (response.ok ? (response.json() as Promise<PreviewData>) : null))
        .then((next) => {
          if (next) setPreview(next)
        })
        .catch(() => undefined)
    }, PREVIEW_DELAY_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [text, data.path])
  useEffect(() => {
    if (preview) setProblems(preview.problems)
  }, [preview])

  const conflict = saveResult?.intent === 'save' && !saveResult.ok && 'conflict' in saveResult ? saveResult.conflict : null
  const refused = saveResult?.intent === 'save' && !saveResult.ok && 'refused' in saveResult ? saveResult.refused : null
  const unsaved = text !== savedText
  const ownProblems = problems.filter((p) => p.file === null)
  const publishBlocked = problems.length > 0 ? t('studio.publish.blockedProblems', { count: problems.length }) : unsaved || save.state !== 'idle' ? t('studio.publish.blockedSaving') : revision === 0 ? t('studio.publish.blockedNoDraft') : null

  return (
    <>
      <PageHeader title={data.path} lead={data.published ? t('studio.edit.published', { number: data.published.number }) : t('studio.edit.newFile')} />
      <p className="crumb">
        <Link to={`/trainer/studio?from=${encodeURIComponent(data.path)}#current`}>{t('studio.title')}</Link> · <Link to={`/trainer/studio/history?path=${encodeURIComponent(data.path)}`}>{t('studio.history.link')}</Link>
        {data.kind === 'quiz' ? <> · <Link to={`/trainer/studio/items?path=${encodeURIComponent(data.path)}`}>{t('items.openForms')}</Link></> : null}
        {data.kind === 'scenario' ? <> · <Link to={`/trainer/studio/scenario?path=${encodeURIComponent(data.path)}`}>{t('scenarioGraph.open')}</Link></> : null}
      </p>
      {data.others.length ? <p className="notice">{t('studio.edit.othersEditing', { names: data.others.join('、') })}</p> : null}
      {published?.intent === 'publish' && published.ok ? <p className="notice done">{t('studio.publish.done', { modules: published.modules, quizzes: published.quizzes.length })}</p> : null}
      {published?.intent === 'publish' && !published.ok ? <p className="notice error" role="alert">{published.reason === 'review-required' ? t('studioReview.publishNeedsReview') : t(`studio.publish.refused.${published.reason}`)}</p> : null}
      {published?.intent === 'request-review' ? <p className={published.ok ? 'notice done' : 'notice error'} role="status">{published.ok ? t('studioReview.requested') : t(`studio.publish.refused.${published.reason}`)}</p> : null}
      {data.review && data.review.status === 'changes' ? <p className="notice">{t('studioReview.comment', { name: data.review.decidedBy ?? '', comment: data.review.comment ?? '' })}</p> : null}
      {data.review && data.review.status === 'open' && data.review.revision === revision ? <p className="notice">{t('studioReview.waiting')} <Link to={`/trainer/studio/reviews/${data.review.id}`}>{t('studioReview.openReview')}</Link></p> : null}
      {recovery.text !== null ? (
        <p className="notice" role="alert">
          {t('studioKept.found')}{' '}
          <button type="button" className="button secondary" onClick={() => { editor.current?.replace(recovery.text!); recovery.dismiss() }}>{t('studioKept.restore')}</button>{' '}
          <button type="button" className="button secondary" onClick={recovery.dismiss}>{t('studioKept.dismiss')}</button>
        </p>
      ) : null}
      {refused ? <p className="notice error" role="alert">{t(refused.key, refused.values)}</p> : null}
      {save.failed ? <p className="notice error" role="status">{t('studioKept.saveFailed')}</p> : null}
      {conflict ? (
        <section className="card notice error" role="alert">
          <p>{t('studio.conflict.lead', { name: conflict.updatedBy })}</p>
          <DiffView lines={conflict.diff} />
          <button type="button" className="button secondary" onClick={() => { editor.current?.replace(conflict.text); setSavedText(conflict.text); setRevision(conflict.revision) }}>
            {t('studio.conflict.takeTheirs')}
          </button>{' '}
          <button type="button" className="button secondary" onClick={() => { setRevision(conflict.revision); setSavedText('') }}>
            {t('studio.conflict.keepMine')}
          </button>
        </section>
      ) : null}
      {data.kind === 'module' ? <ComponentInserts modulePath={data.path} onInsert={(s) => editor.current?.insert(s)} /> : null}
      <div className="studio-panes">
        <div>
          <CodeEditor ref={editor} name="text" label={data.path} initialText={data.text} problems={ownProblems} onChange={setText} />
          <p className="muted" aria-live="polite">{save.state !== 'idle' ? t('studio.edit.saving') : unsaved ? t('studio.edit.unsaved') : revision ? t('studio.edit.saved', { revision }) : t('studio.edit.noDraft')}</p>
        </div>
        {data.kind === 'module' ? <ModulePreview data={preview} /> : null}
      </div>
      <section className="card">
        <h2>{t('studio.problems.title', { count: problems.length })}</h2>
        {problems.length === 0 ? <p className="notice done">{t('studio.problems.none')}</p> : (
          <ul className="studio-problems">
            {problems.map((p, i) => (
              <li key={i}><code>{p.file ?? data.path}:{p.line}:{p.column}</code> {p.message}</li>
            ))}
          </ul>
        )}
      </section>
      <PublishForm path={data.path} revision={revision} reviewRequired={data.reviewRequired} blocked={publishBlocked} busy={navigation.state !== 'idle'}>
        {data.recertify ? <p className="notice">{t('studio.publish.recertify')}</p> : null}
      </PublishForm>
    </>
  )
}
