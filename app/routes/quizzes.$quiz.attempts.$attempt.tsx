// One attempt: answer (autosaved), play dialogues turn by turn, submit; afterwards, the review.
// The page never holds an answer key: the loader sends the view, the actions record and score.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { answersOfForm, attemptPage, replyInScenario, saveAnswers, submitAttempt } from '~/server/quiz-attempts.server'
import { badRequest, parseParams } from '~/server/responses.server'
import { requireArea } from '~/server/session.server'
import { useAutosave } from '~/ui/quiz/autosave'
import { ANSWERS_FORM, ItemInput } from '~/ui/quiz/inputs'
import { AttemptReviewView } from '~/ui/quiz/attempt-review'
import { PageHeader } from '~/ui/page'
import { hallTime } from '~/ui/time-text'
import { AttemptIntent, AttemptParams } from '~/server/route-input.server'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { quiz, attempt } = parseParams(AttemptParams, params)
  const user = await requireArea({ request, context }, 'learn')
  return json({ quizId: quiz, page: await attemptPage(user, quiz, attempt, new Date()) })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { quiz, attempt } = parseParams(AttemptParams, params)
  const user = await requireArea({ request, context }, 'learn')
  const form = await request.formData()
  const intent = AttemptIntent.safeParse(Object.fromEntries(form))
  if (!intent.success) badRequest('unknown intent')
  const now = new Date()
  const back = `/quizzes/${quiz}/attempts/${attempt}`
  if (intent.data.intent === 'reply') {
    const turn = await replyInScenario(user, quiz, attempt, intent.data.itemId, intent.data.replyId, now)
    if (!turn.ok && 'error' in turn) return json({ errors: [{ itemId: intent.data.itemId, error: turn.error }] }, { status: 400 })
    return redirect(back)
  }
  const entries = [...form.entries()].map(([k, v]) => [k, String(v)] as const)
  const { answers, errors: unreadable } = await answersOfForm(user, quiz, attempt, entries, now)
  if (unreadable.length) return json({ errors: unreadable }, { status: 400 })
  const result = intent.data.intent === 'save' ? await saveAnswers(user, quiz, attempt, answers, now) : await submitAttempt(user, quiz, attempt, answers, now)
  if (!result.ok && 'errors' in result) return json({ errors: result.errors }, { status: 400 })
  // a save that arrives after the attempt closed (submitted elsewhere, or its time ran out) stored nothing
  if (!result.ok && intent.data.intent === 'save') return json({ errors: [], closed: true }, { status: 409 })
  return intent.data.intent === 'submit' ? redirect(back) : json({ errors: [] as Array<{ itemId: string; error: string }> })
}

export default function AttemptRoute() {
  const { page, quizId } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, i18n } = useTranslation()
  const navigation = useNavigation()
  const autosave = useAutosave(ANSWERS_FORM)
  const title = i18n.language === 'en' ? page.title.en : page.title.zh
  if (page.status === 'submitted') return <AttemptReviewView title={title} review={page.review} closedBy={page.closedBy} quizId={quizId} modules={page.modules} />
  const errors = new Map([...(actionData?.errors ?? []), ...(autosave.errors ?? [])].map((e) => [e.itemId, e.error]))
  const submitting = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'submit'
  return (
    <>
      <PageHeader title={title} lead={page.deadline ? t('quiz.deadline', { time: hallTime(page.deadline) }) : undefined} />
      <ol className="quiz-items">
        {page.view.items.map((item) => (
          <li key={item.id} className={`card quiz-item ${errors.has(item.id) ? 'has-error' : ''}`} id={`item-${item.id}`}>
            <ItemInput item={item} saved={page.saved[item.id]} />
            {errors.has(item.id) ? (
              <p className="field-error" role="alert">
                {errors.get(item.id) === 'order-duplicate' ? t('quiz.orderDuplicate') : t('quiz.malformed', { error: errors.get(item.id) })}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      <Form method="post" id={ANSWERS_FORM} className="submit-bar">
        <p className="muted" aria-live="polite">
          {autosave.state === 'closed' ? (
            <span role="alert">
              {t('security.attemptClosed')} <a href={`/quizzes/${quizId}`}>{t('quiz.overview')}</a>
            </span>
          ) : autosave.state === 'saving' ? t('quiz.saving') : autosave.state === 'saved' ? t('quiz.saved') : autosave.state === 'failed' ? t('quiz.saveFailed') : ''}
        </p>
        <button type="submit" name="intent" value="submit" className="button full" disabled={submitting}>
          {submitting ? t('quiz.submitting') : t('quiz.submit')}
        </button>
      </Form>
      <p className="crumb">
        <Link to={`/quizzes/${quizId}`}>{t('quiz.overview')}</Link>
      </p>
    </>
  )
}
