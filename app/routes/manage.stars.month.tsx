// /manage/stars/month: 服务明星 of the month — each hall's ranked shortlist and the manager's pick.
import { parseWithZod } from '@conform-to/zod'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { prisma } from '~/server/db.server'
import { requireArea } from '~/server/session.server'
import { hallIdsInScope } from '~/server/stars/manage.server'
import { StarOfMonthForm } from '~/server/stars/stars-input.server'
import { currentLadder } from '~/server/stars/ladder.server'
import { monthOf, pickStarOfMonth, starOfMonthShortlistFor } from '~/server/stars/star-of-month.server'
import { PageHeader, unitName } from '~/ui/page'
import { monthText } from '~/ui/stars/star-words'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'manage')
  const now = new Date()
  const month = monthOf(now)
  const [halls, ladder] = await Promise.all([hallIdsInScope(user.viewer, now), currentLadder()])
  const picks = await prisma.starOfMonth.findMany({ where: { hallId: { in: halls.map((h) => h.id) }, month }, select: { hallId: true, userId: true } })
  const shortlists = await Promise.all(
    halls.map(async (h) => ({
      code: h.code,
      nameZh: h.nameZh,
      nameEn: h.nameEn,
      picked: picks.find((p) => p.hallId === h.id)?.userId ?? null,
      entries: (await starOfMonthShortlistFor(h.id, month)).map((e) => ({ ...e, inspection: e.inspection === null ? null : Math.round(e.inspection * 10) / 10 })),
    })),
  )
  return json({ month, minRatings: ladder?.ladder.starOfMonth.minRatings ?? 0, shortlists })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireArea({ request, context }, 'manage')
  const submission = parseWithZod(await request.formData(), { schema: StarOfMonthForm })
  if (submission.status !== 'success') return json({ outcome: null }, { status: 400 })
  const outcome = await pickStarOfMonth(user.viewer, submission.value.hall, submission.value.userId, new Date())
  return json({ outcome }, { status: outcome.ok ? 200 : outcome.error === 'forbidden' ? 403 : 409 })
}

export default function StarOfMonthPage() {
  const { month, minRatings, shortlists } = useLoaderData<typeof loader>()
  const sent = useActionData<typeof action>()
  const { t, i18n } = useTranslation()
  const dash = (v: number | null) => (v === null ? '—' : String(v))
  return (
    <>
      <PageHeader title={t('stars.month.title', { month: monthText(month, t, i18n.language) })} lead={t('stars.month.lead', { min: minRatings })} />
      {sent?.outcome && !sent.outcome.ok ? <p className="notice updated" role="alert">{t('stars.month.notListed')}</p> : null}
      {shortlists.map((hall) => (
        <section className="card" key={hall.code}>
          <h2 className="section-title">{unitName(hall, i18n.language)}</h2>
          {hall.entries.length === 0 ? <p className="muted">{t('stars.month.empty')}</p> : null}
          <ol className="list">
            {hall.entries.map((e) => (
              <li key={e.userId}>
                <strong>
                  {e.rank}. {e.name}
                </strong>{' '}
                {hall.picked === e.userId ? <span className="pill done">🏅 {t('stars.month.picked')}</span> : null} · {t('stars.month.score', { score: e.score })}
                <br />
                <span className="muted">
                  {t('stars.month.parts', { satisfaction: dash(e.satisfaction), inspection: dash(e.inspection), quiz: dash(e.quiz), ratings: e.ratings })}
                </span>
                {hall.picked ? null : (
                  <Form method="post">
                    <input type="hidden" name="hall" value={hall.code} />
                    <input type="hidden" name="userId" value={e.userId} />
                    <button type="submit" className="button secondary">
                      {t('stars.month.pick')}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  )
}
