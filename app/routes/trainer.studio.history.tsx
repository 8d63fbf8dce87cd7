// A file's history: every published version with who and when, a readable diff between any two, and restore
// (the old text becomes the draft, to be checked and published like any other).
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { lineDiff } from '~/core/studio/text-diff'
import { badRequest } from '~/server/responses.server'
import { requireArea } from '~/server/session.server'
import { restoreVersion } from '~/server/studio/studio-actions.server'
import { StudioHistoryQuery } from '~/server/studio/studio-input.server'
import { historyOf } from '~/server/studio/studio-pages.server'
import { PageHeader } from '~/ui/page'
import { DiffView } from '~/ui/studio/diff-view'
import { TimeText } from '~/ui/time-text'
import studioStyles from '~/styles/studio.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: studioStyles }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'trainer')
  const query = StudioHistoryQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) badRequest('studio path')
  const versions = await historyOf(user, query.data.path)
  const newest = versions[0]?.number ?? 0
  const b = query.data.b ?? newest
  const a = query.data.a ?? Math.max(b - 1, 0)
  const textOf = (n: number) => versions.find((v) => v.number === n)?.text ?? ''
  return json({
    path: query.data.path,
    a,
    b,
    diff: a && b && a !== b ? lineDiff(textOf(a), textOf(b)) : null,
    versions: versions.map((v) => ({ number: v.number, author: v.author, at: v.createdAt.toISOString(), deleted: v.deleted, restorable: v.text !== null })),
  })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireArea({ request, context }, 'trainer')
  const form = await request.formData()
  const result = await restoreVersion(user, form, new Date())
  if (!result.ok) return json(result, { status: 409 })
  return redirect(`/trainer/studio/edit?path=${encodeURIComponent(String(form.get('path')))}`)
}

export default function StudioHistory() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const edit = `/trainer/studio/edit?path=${encodeURIComponent(data.path)}`
  return (
    <>
      <PageHeader title={t('studio.history.title')} lead={data.path} />
      <p className="crumb">
        <Link to={`/trainer/studio?from=${encodeURIComponent(data.path)}#current`}>{t('studio.title')}</Link> · <Link to={edit}>{t('studio.history.back')}</Link>
      </p>
      <section className="card">
        <ul className="list">
          {data.versions.map((v) => (
            <li key={v.number}>
              <strong>{t('studio.history.version', { number: v.number })}</strong> · {v.author ?? t('studio.history.fromFiles')} · <TimeText value={v.at} />
              {v.deleted ? ` · ${t('studio.history.deleted')}` : null}{' '}
              {v.number > 1 ? <Link to={`?path=${encodeURIComponent(data.path)}&a=${v.number - 1}&b=${v.number}`}>{t('studio.history.compare')}</Link> : null}
              {v.restorable ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="restore" />
                  <input type="hidden" name="path" value={data.path} />
                  <input type="hidden" name="number" value={v.number} />
                  <button type="submit" className="button secondary">{t('studio.history.restore')}</button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {data.diff ? (
        <section className="card">
          <h2>{t('studio.history.diffTitle', { a: data.a, b: data.b })}</h2>
          <DiffView lines={data.diff} />
        </section>
      ) : null}
    </>
  )
}
