// Trainers' review of a quiz's free-text answers: what each clerk wrote, the elements missing, the mark, an
// override with its reason, and a regrade of every attempt after the quiz's items changed.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { OverrideInputSchema } from '~/core/quiz/manual-grading'
import { freeTextAnswers, overrideMark, regradeQuiz } from '~/server/manual-grading.server'
import { badRequest, parseParams } from '~/server/responses.server'
import { QuizParams } from '~/server/route-input.server'
import { requireArea } from '~/server/session.server'
import { PageHeader } from '~/ui/page'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { quiz } = parseParams(QuizParams, params)
  const user = await requireArea({ request, context }, 'trainer')
  return json({ quiz, answers: await freeTextAnswers(user, quiz) })
}

const Intent = z.discriminatedUnion('intent', [
  OverrideInputSchema.extend({ intent: z.literal('override'), attemptId: z.string().trim().min(1).max(64) }),
  z.object({ intent: z.literal('regrade') }),
])

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { quiz } = parseParams(QuizParams, params)
  const user = await requireArea({ request, context }, 'trainer')
  const raw = Object.fromEntries(await request.formData())
  if (raw.intent === 'regrade') return json({ kind: 'regraded' as const, summary: await regradeQuiz(user, quiz, new Date()) })
  const parsed = Intent.safeParse(raw)
  if (!parsed.success) {
    if (raw.intent !== 'override') badRequest('unknown intent')
    const fields = parsed.error.flatten().fieldErrors
    const errors: { points?: string[]; reason?: string[] } = { points: fields.points, reason: fields.reason }
    return json({ kind: 'invalid' as const, key: `${raw.attemptId}:${raw.itemId}`, errors, values: { points: String(raw.points ?? ''), reason: String(raw.reason ?? '') } }, { status: 400 })
  }
  if (parsed.data.intent !== 'override') badRequest('unknown intent')
  const { attemptId, itemId, points, reason } = parsed.data
  const result = await overrideMark(user, quiz, attemptId, { itemId, points, reason }, new Date())
  if (!result.ok) {
    return json({ kind: 'invalid' as const, key: `${attemptId}:${itemId}`, errors: { points: [result.error] } as { points?: string[]; reason?: string[] }, values: { points: String(points), reason } }, { status: 400 })
  }
  return json({ kind: 'saved' as const, key: `${attemptId}:${itemId}` })
}

export default function FreeTextAnswers() {
  const { quiz, answers } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const { t } = useTranslation()
  const busy = useNavigation().state !== 'idle'
  return (
    <>
      <p className="crumb">
        <Link to={`/trainer/quizzes/${quiz}`}>{t('lang.grading.back')}</Link>
      </p>
      <PageHeader title={t('lang.grading.title')} lead={t('lang.grading.lead')} />
      <section className="card">
        <Form method="post">
          <input type="hidden" name="intent" value="regrade" />
          <p className="muted">{t('lang.grading.regradeHint')}</p>
          <button type="submit" className="button secondary full" disabled={busy}>
            {t('lang.grading.regrade')}
          </button>
        </Form>
        {data?.kind === 'regraded' ? (
          <p className="notice done" role="status">
            {t('lang.grading.regraded', data.summary)}
          </p>
        ) : null}
      </section>
      {answers.length === 0 ? <p className="card muted">{t('lang.grading.none')}</p> : null}
      {answers.map((answer) => {
        const key = `${answer.attemptId}:${answer.itemId}`
        const invalid = data?.kind === 'invalid' && data.key === key ? data : null
        return (
          <section key={key} className="card quiz-item" aria-label={answer.clerk}>
            <p>
              <strong>{answer.clerk}</strong> <span className="muted">· {answer.prompt}</span>
            </p>
            <blockquote className="answer-text" lang="zh-CN">{answer.text || t('quiz.notAnswered')}</blockquote>
            <p>
              {t('lang.grading.mark', { points: answer.points, max: answer.maxPoints })}
              {answer.override ? ` · ${t('lang.grading.overridden', { by: answer.override.by, auto: answer.override.autoPoints, reason: answer.override.reason })}` : null}
            </p>
            {answer.missing.length > 0 ? <p className="muted">{t('lang.grading.missing', { elements: answer.missing.join('；') })}</p> : null}
            {data?.kind === 'saved' && data.key === key ? <p className="notice done" role="status">{t('lang.grading.saved')}</p> : null}
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="override" />
              <input type="hidden" name="attemptId" value={answer.attemptId} />
              <input type="hidden" name="itemId" value={answer.itemId} />
              <div className="field">
                <label htmlFor={`points-${key}`}>{t('lang.grading.points', { max: answer.maxPoints })}</label>
                <input id={`points-${key}`} name="points" type="number" min={0} max={answer.maxPoints} step={0.01} inputMode="decimal"
                  defaultValue={invalid?.values.points ?? answer.points} aria-invalid={invalid?.errors.points ? true : undefined} />
                {invalid?.errors.points ? <p className="field-error">{invalid.errors.points.join(' ')}</p> : null}
              </div>
              <div className="field">
                <label htmlFor={`reason-${key}`}>{t('lang.grading.reason')}</label>
                <textarea id={`reason-${key}`} name="reason" rows={2} maxLength={500} defaultValue={invalid?.values.reason ?? ''} aria-invalid={invalid?.errors.reason ? true : undefined} />
                {invalid?.errors.reason ? <p className="field-error">{invalid.errors.reason.join(' ')}</p> : null}
              </div>
              <button type="submit" className="button full" disabled={busy}>
                {t('lang.grading.save')}
              </button>
            </Form>
          </section>
        )
      })}
    </>
  )
}
