// One module: read it on a phone, mark it read (recorded once), move on to the next.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { loadModuleForLearner, markModuleRead } from '~/server/courses.server'
import { badRequest, parseParams } from '~/server/responses.server'
import { languageOf } from '~/server/i18n.server'
import { requireArea } from '~/server/session.server'
import { localized } from '~/ui/localized'
import { MarkReadForm, ModulePageParams } from '~/server/route-input.server'
import { ChineseOnlyNote } from '~/ui/chinese-only'
import { Dated } from '~/ui/date-text'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { course, module } = parseParams(ModulePageParams, params)
  const user = await requireArea({ request, context }, 'learn')
  return json(await loadModuleForLearner(user, course, module, new Date(), await languageOf(request)))
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { course, module } = parseParams(ModulePageParams, params)
  const user = await requireArea({ request, context }, 'learn')
  const form = MarkReadForm.safeParse(Object.fromEntries(await request.formData()))
  if (!form.success) badRequest('unknown form')
  await markModuleRead(user, course, module, form.data.versionId, new Date())
  return json({ ok: true })
}

export default function ModulePage() {
  const data = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const saving = useNavigation().state !== 'idle'
  const title = (record: Record<string, unknown>) => localized(record, 'title', i18n.language)
  return (
    <article>
      <p className="crumb">
        <a href={`/learn/${data.course.id}`}>{title(data.course)}</a>
      </p>
      <h1>{title(data.module)}</h1>
      <p className="meta">
        <span>{t('module.position', data.position)}</span>
        <span>{t('module.minutes', { count: data.module.minutes })}</span>
      </p>
      {data.updatedSinceRead ? <p className="notice updated">{t('module.updated')}</p> : null}
      <ChineseOnlyNote what="module" />
      <section className="objectives">
        <h2>{t('module.objectives')}</h2>
        <ul lang="zh-CN">
          {data.module.objectives.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
      </section>
      {/* rendered once at import from the checked MDX (no user input): safe to insert as it is */}
      <div className="prose" lang="zh-CN" dangerouslySetInnerHTML={{ __html: data.module.html }} />
      <div className="read-bar">
        {data.readDay ? (
          <p className="notice done">✓ <Dated text={t('module.readOn', { day: data.readDay })} /></p>
        ) : (
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value="read" />
            <input type="hidden" name="versionId" value={data.module.id} />
            <button type="submit" className="button full" disabled={saving}>
              {saving ? t('module.marking') : t('module.markRead')}
            </button>
          </Form>
        )}
      </div>
      {/* Whole-page links: each module is its own document (it opens at the top, works without
          JavaScript, and a return visit is answered 304); a client-side Link also costs more to render
          than the rest of this component. */}
      <nav className="pager" aria-label={t('module.backToCourse')}>
        {data.previous ? (
          <a href={`/learn/${data.course.id}/${data.previous.slug}`} rel="prev">
            <span>← {t('module.previous')}</span>
            {title(data.previous)}
          </a>
        ) : null}
        {data.next ? (
          <a className="next" href={`/learn/${data.course.id}/${data.next.slug}`} rel="next">
            <span>{t('module.next')} →</span>
            {title(data.next)}
          </a>
        ) : (
          <a className="next" href={`/learn/${data.course.id}`}>
            <span>{t('module.finished')}</span>
            {t('module.backToCourse')}
          </a>
        )}
      </nav>
    </article>
  )
}
