// A quiz's items in the studio: the list (add, delete, move), one item edited through the form of its type, its
// statistics verdict, and a preview that plays it as a clerk would. Edits are saved into the quiz's draft.
import { getFormProps, useForm, FormProvider } from '@conform-to/react'
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { ItemKind } from '~/core/quiz/registry'
import { VERDICT_THRESHOLDS } from '~/core/quiz/item-verdicts'
import { filterItems, filterQuery, verdictOf, VERDICT_FILTERS, type Verdicts } from '~/core/studio/item-list-filter'
import { badRequest } from '~/server/responses.server'
import { requireArea } from '~/server/session.server'
import { QuizItemsQuery } from '~/server/studio/quiz-item-input.server'
import { openQuizItems, quizItemAction } from '~/server/studio/quiz-item-pages.server'
import { PageHeader } from '~/ui/page'
import { DiffView } from '~/ui/studio/diff-view'
import { ITEM_FORMS } from '~/ui/studio/item-forms'
import { ItemPreview } from '~/ui/studio/item-preview'
import { ItemVerdict } from '~/ui/studio/item-verdict'
import studioStyles from '~/styles/studio.css'
import itemStyles from '~/styles/studio-items.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: studioStyles }, { rel: 'stylesheet', href: itemStyles }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'trainer')
  const query = QuizItemsQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) badRequest('studio items')
  return json(await openQuizItems(user, query.data.path, query.data.item))
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireArea({ request, context }, 'trainer')
  const result = await quizItemAction(user, await request.formData(), new Date())
  if (result.ok) {
    // show the item the edit was about (the new one, the moved one), with the draft as now saved
    const item = result.index === null ? '' : `&item=${result.index}`
    const asked = new URL(request.url).searchParams // the form posts to the page's own URL, filter included
    return redirect(`/trainer/studio/items?path=${encodeURIComponent(result.path)}${item}${filterQuery({ kind: asked.get('kind'), verdict: asked.get('verdict') })}`)
  }
  return json(result, { status: 'conflict' in result ? 409 : 400 })
}

function Hidden({ values }: { values: Record<string, string> }) {
  return Object.entries(values).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)
}

// the kinds come with the loader's data: the registry itself (and the scorers behind it) stays on the server
function kindOf(kinds: readonly ItemKind[], type: unknown) {
  return kinds.find((kind) => kind === type) ?? null
}

export default function StudioItems() {
  const data = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation()
  const selected = data.selected
  const kind = kindOf(data.kinds, selected?.item.type)
  const hidden = { path: data.path, revision: String(data.revision), baseNumber: String(data.baseNumber) }
  // the list's filter stays in the URL, so choosing an item (or reloading) keeps it
  const [params] = useSearchParams()
  const filter = { kind: kindOf(data.kinds, params.get('kind')) ?? undefined, verdict: VERDICT_FILTERS.find((v) => v === params.get('verdict')) }
  const keep = filterQuery(filter)
  const itemsUrl = (index: number) => `/trainer/studio/items?path=${encodeURIComponent(data.path)}&item=${index}${keep}`
  const verdicts: Verdicts = {
    judged: data.verdicts !== null && data.verdicts.analysed >= VERDICT_THRESHOLDS.minimumAttempts,
    findingsByItem: Object.fromEntries(Object.entries(data.verdicts?.byItem ?? {}).map(([id, v]) => [id, v.findings.length])),
  }
  const listed = filterItems(data.items, verdicts, filter)
  const failed = result && !result.ok && 'fieldErrors' in result && result.index === selected?.index ? result : null
  const [form] = useForm({
    id: `item-${selected?.index ?? 'none'}-${data.revision}`,
    defaultValue: { item: selected?.item ?? {} },
    lastResult: failed ? failed.reply : undefined,
    shouldValidate: 'onSubmit',
  })
  const Fields = kind ? ITEM_FORMS[kind] : null
  return (
    <>
      <PageHeader title={t('items.title', { path: data.path })} lead={data.publishedNumber ? t('studio.edit.published', { number: data.publishedNumber }) : t('studio.edit.newFile')} />
      <p className="crumb">
        <Link to="/trainer/studio">{t('studio.title')}</Link> · <Link to={`/trainer/studio/edit?path=${encodeURIComponent(data.path)}`}>{t('items.openText')}</Link>
      </p>
      <p className="muted" role="status">{data.revision ? t('studio.edit.saved', { revision: data.revision }) : t('studio.edit.noDraft')}</p>
      {result && !result.ok && 'fieldErrors' in result ? <p className="notice error" role="alert">{t('items.invalid')}</p> : null}
      {result && !result.ok && 'refused' in result ? <p className="notice error" role="alert">{t(`items.refused.${result.refused}`)}</p> : null}
      {result && !result.ok && 'conflict' in result ? (
        <section className="card notice error" role="alert">
          <p>{t('studio.conflict.lead', { name: result.conflict.updatedBy })}</p>
          <DiffView lines={result.conflict.diff} />
          <Link className="button secondary" to={itemsUrl(selected?.index ?? 0)} reloadDocument>
            {t('items.conflictReload')}
          </Link>
        </section>
      ) : null}
      <div className="items-layout">
        <nav className="card items-list" aria-label={t('items.listTitle')}>
          <h2>{t('items.listTitle')}</h2>
          <Form method="get" className="items-filter">
            <input type="hidden" name="path" value={data.path} />
            <label>
              {t('itemList.kind')}
              <select name="kind" defaultValue={filter.kind ?? ''}>
                <option value="">{t('itemList.all')}</option>
                {data.kinds.map((k) => <option key={k} value={k}>{t(`items.kind.${k}`)}</option>)}
              </select>
            </label>
            <label>
              {t('itemList.verdict')}
              <select name="verdict" defaultValue={filter.verdict ?? ''}>
                <option value="">{t('itemList.all')}</option>
                {VERDICT_FILTERS.map((v) => <option key={v} value={v}>{t(`itemList.verdicts.${v}`)}</option>)}
              </select>
            </label>
            <button type="submit" className="button secondary small">{t('itemList.apply')}</button>
          </Form>
          <p className="muted">{t('itemList.shown', { shown: listed.length, total: data.items.length })}</p>
          <ol>
            {listed.map((item) => {
              const current = item.index === selected?.index
              const verdict = verdictOf(verdicts, item.id)
              return (
              <li key={item.index} className={current ? 'current' : undefined}>
                <Link to={itemsUrl(item.index)} aria-current={current ? 'page' : undefined} className="item-row-link">
                  <span className="item-number">{item.index + 1}</span>
                  <span className="pill due">{t(`items.kind.${kindOf(data.kinds, item.type) ?? 'unknown'}`)}</span>
                  <span className="item-id">{item.id}</span>
                  {verdict === 'flagged' ? <span className="pill warn">{t('itemList.flagged', { count: verdicts.findingsByItem[item.id] })}</span> : null}
                  {verdict === 'ok' ? <span className="pill done">{t('quizVerdicts.ok')}</span> : null}
                  <span className="muted item-prompt">{item.prompt}</span>
                </Link>
                {current ? (
                <div className="item-actions">
                  {item.index > 0 ? (
                    <Form method="post">
                      <Hidden values={{ ...hidden, intent: 'move-item', index: String(item.index), to: String(item.index - 1) }} />
                      <button type="submit" className="button secondary small">{t('items.moveUp')}</button>
                    </Form>
                  ) : null}
                  <Form method="post">
                    <Hidden values={{ ...hidden, intent: 'delete-item', index: String(item.index) }} />
                    <button type="submit" className="button secondary small">{t('items.delete')}</button>
                  </Form>
                </div>
                ) : null}
              </li>
              )
            })}
          </ol>
          <Form method="post" className="item-add">
            <Hidden values={hidden} />
            <label htmlFor="new-item-kind">{t('items.addKind')}</label>
            <select id="new-item-kind" name="kind">
              {data.kinds.map((k) => <option key={k} value={k}>{t(`items.kind.${k}`)}</option>)}
            </select>
            <button type="submit" name="intent" value="add-item" className="button secondary">{t('items.add')}</button>
          </Form>
        </nav>
        {selected && Fields && kind ? (
          <div className="items-editor">
            <FormProvider context={form.context}>
              <Form method="post" {...getFormProps(form)} className="card item-form">
                <h2>{t('items.editTitle', { number: selected.index + 1, kind: t(`items.kind.${kind}`) })}</h2>
                <Hidden values={hidden} />
                <input type="hidden" name="index" value={selected.index} />
                <input type="hidden" name="kind" value={kind} />
                <ItemVerdict verdicts={data.verdicts} itemId={selected.item.id === undefined ? '' : String(selected.item.id)} />
                <Fields />
                <button type="submit" name="intent" value="save-item" className="button" disabled={navigation.state !== 'idle'}>
                  {t('items.save')}
                </button>
              </Form>
            </FormProvider>
            <ItemPreview path={data.path} index={selected.index} revision={data.revision} />
          </div>
        ) : selected ? (
          <p className="notice error">{t('items.unknownKind', { type: String(selected.item.type ?? '') })}</p>
        ) : (
          <p className="notice">{t('items.empty')}</p>
        )}
      </div>
    </>
  )
}
