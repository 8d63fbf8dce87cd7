// One request to publish: the draft against the published text, the module as clerks will see it (360 px first,
// so a reviewer can decide on a phone), then approve (publishes) or send back with a comment.
import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { badRequest } from '~/server/responses.server'
import { requireArea } from '~/server/session.server'
import { StudioReviewParams } from '~/server/studio/studio-input.server'
import { reviewPage, studioReviewAction } from '~/server/studio/studio-review-actions.server'
import { PageHeader } from '~/ui/page'
import { DiffView } from '~/ui/studio/diff-view'
import { ModulePreview } from '~/ui/studio/module-preview'
import { TimeText } from '~/ui/time-text'
import studioStyles from '~/styles/studio.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: studioStyles }]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'trainer')
  const parsed = StudioReviewParams.safeParse(params)
  if (!parsed.success) badRequest('review')
  return json(await reviewPage(user, parsed.data.review))
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireArea({ request, context }, 'trainer')
  const parsed = StudioReviewParams.safeParse(params)
  if (!parsed.success) badRequest('review')
  const outcome = await studioReviewAction(user, parsed.data.review, await request.formData(), new Date())
  return json(outcome, { status: outcome.result.ok ? 200 : 409 })
}

export default function StudioReview() {
  const data = useLoaderData<typeof loader>()
  const outcome = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation()
  const { review } = data
  const open = review.status === 'open' && data.current
  return (
    <>
      <PageHeader title={t('studioReview.reviewTitle')} lead={review.path} />
      <p className="crumb">
        <Link to="/trainer/studio/reviews">{t('studioReview.title')}</Link>
      </p>
      <p>
        {t('studioReview.requestedBy', { name: review.requestedBy })} · <TimeText value={review.requestedAt} /> · {t(`studioReview.status.${review.status}`)}
      </p>
      {review.comment ? <p className="notice">{t('studioReview.comment', { name: review.decidedBy ?? '', comment: review.comment })}</p> : null}
      {!data.current && review.status === 'open' ? <p className="notice error">{t('studioReview.moved')}</p> : null}
      {outcome?.result.ok ? <p className="notice done" role="status">{t(`studioReview.done.${outcome.intent}`)}</p> : null}
      {outcome && !outcome.result.ok ? <p className="notice error" role="alert">{t(`studioReview.refused.${outcome.result.reason}`)}</p> : null}
      {open && !data.own ? (
        <Form method="post" className="card studio-review-form">
          <label>
            {t('studioReview.commentLabel')}
            <textarea name="comment" rows={3} maxLength={2000} />
          </label>
          <div className="studio-review-buttons">
            <button type="submit" name="intent" value="approve" className="button" disabled={navigation.state !== 'idle'}>
              {t('studioReview.approve')}
            </button>
            <button type="submit" name="intent" value="changes" className="button secondary" disabled={navigation.state !== 'idle'}>
              {t('studioReview.changes')}
            </button>
          </div>
        </Form>
      ) : null}
      {open && data.own ? <p className="muted">{t('studioReview.ownRequest')}</p> : null}
      {data.preview ? <ModulePreview data={data.preview} /> : null}
      <section className="card">
        <h2>{t('studioReview.diffTitle')}</h2>
        <DiffView lines={data.diff} />
      </section>
    </>
  )
}
