// The studio's admin page: whether publishing needs a second trainer's approval, and which courses each trainer
// may author (none ticked: all). Every change is in the audit log.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { prisma } from '~/server/db.server'
import { badRequest } from '~/server/responses.server'
import { requireArea } from '~/server/session.server'
import { setCourseLimits, trainersWithLimits } from '~/server/studio/course-limits.server'
import { setReviewRequired, studioSettings } from '~/server/studio/reviews.server'
import { CourseLimitForm } from '~/server/studio/studio-input.server'
import { localized } from '~/ui/localized'
import { PageHeader } from '~/ui/page'

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireArea({ request, context }, 'admin')
  const [trainers, settings, courses] = await Promise.all([
    trainersWithLimits(prisma),
    studioSettings(prisma),
    prisma.course.findMany({ where: { currentVersionId: { not: null } }, orderBy: { id: 'asc' }, select: { id: true, currentVersion: { select: { titleZh: true, titleEn: true } } } }),
  ])
  return json({ trainers, settings, courses: courses.map((c) => ({ id: c.id, titleZh: c.currentVersion?.titleZh ?? c.id, titleEn: c.currentVersion?.titleEn ?? c.id })) })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireArea({ request, context }, 'admin')
  const form = await request.formData()
  const parsed = CourseLimitForm.safeParse({ ...Object.fromEntries(form), courses: form.getAll('courses') })
  if (!parsed.success) badRequest('studio admin form')
  const now = new Date()
  if (parsed.data.intent === 'review') {
    await setReviewRequired(prisma, { on: parsed.data.reviewRequired === 'on', actorId: admin.id, now })
    return json({ ok: true as const, trainerId: null })
  }
  const result = await setCourseLimits(prisma, admin, { trainerId: parsed.data.trainerId, courseIds: parsed.data.courses, now })
  return json(result.ok ? { ok: true as const, trainerId: parsed.data.trainerId } : { ok: false as const, reason: result.reason, trainerId: parsed.data.trainerId }, { status: result.ok ? 200 : 422 })
}

export default function AdminStudio() {
  const { trainers, settings, courses } = useLoaderData<typeof loader>()
  const outcome = useActionData<typeof action>()
  const { t, i18n } = useTranslation()
  return (
    <>
      <PageHeader title={t('studioAdmin.title')} lead={t('studioAdmin.lead')} />
      <Form method="post" className="card">
        <h2>{t('studioAdmin.reviewTitle')}</h2>
        <p>{settings.reviewRequired ? t('studioAdmin.reviewOn') : t('studioAdmin.reviewOff')}</p>
        <input type="hidden" name="intent" value="review" />
        <button type="submit" name="reviewRequired" value={settings.reviewRequired ? 'off' : 'on'} className="button secondary">
          {settings.reviewRequired ? t('studioAdmin.turnOff') : t('studioAdmin.turnOn')}
        </button>
      </Form>
      {trainers.map((trainer) => (
        <Form method="post" className="card" key={trainer.id}>
          <h2>
            {trainer.name} <span className="muted">{trainer.username}</span>
          </h2>
          <p className="muted">{trainer.courses.length ? t('studioAdmin.limited', { count: trainer.courses.length }) : t('studioAdmin.unlimited')}</p>
          <input type="hidden" name="intent" value="limits" />
          <input type="hidden" name="trainerId" value={trainer.id} />
          <fieldset>
            <legend>{t('studioAdmin.courses')}</legend>
            {courses.map((c) => (
              <label key={c.id} className="check">
                <input type="checkbox" name="courses" value={c.id} defaultChecked={trainer.courses.includes(c.id)} /> {localized(c, 'title', i18n.language)}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button">{t('studioAdmin.save')}</button>
          {outcome?.trainerId === trainer.id ? (
            outcome.ok ? <p className="notice done" role="status">{t('studioAdmin.saved')}</p> : <p className="field-error" role="alert">{t(`studioAdmin.refused.${outcome.reason}`)}</p>
          ) : null}
        </Form>
      ))}
    </>
  )
}
