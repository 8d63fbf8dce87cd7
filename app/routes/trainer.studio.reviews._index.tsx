// Requests to publish waiting for a second trainer, oldest first; each opens its review page (usable on a phone).
import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { prisma } from '~/server/db.server'
import { requireArea } from '~/server/session.server'
import { openReviews, studioSettings } from '~/server/studio/reviews.server'
import { PageHeader } from '~/ui/page'
import { TimeText } from '~/ui/time-text'

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireArea({ request, context }, 'trainer')
  const [reviews, settings] = await Promise.all([openReviews(prisma), studioSettings(prisma)])
  return json({ reviewRequired: settings.reviewRequired, reviews: reviews.map((r) => ({ ...r, requestedAt: r.requestedAt.toISOString() })) })
}

export default function StudioReviews() {
  const { reviews, reviewRequired } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('studioReview.title')} lead={reviewRequired ? t('studioReview.leadOn') : t('studioReview.leadOff')} />
      <p className="crumb">
        <Link to="/trainer/studio">{t('studio.title')}</Link>
      </p>
      <section className="card">
        {reviews.length === 0 ? <p className="muted">{t('studioReview.none')}</p> : (
          <ul className="list">
            {reviews.map((r) => (
              <li key={r.id}>
                <Link className="row-link" to={`/trainer/studio/reviews/${r.id}`}>
                  <span>{r.path}</span>
                  <span className="muted">{t('studioReview.requestedBy', { name: r.requestedBy })} · <TimeText value={r.requestedAt} /></span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
