// One attempt: answer (each item autosaved on its own), play dialogues turn by turn, submit; afterwards, the review.
// The page never holds an answer key: the loader sends the view, the actions record and score.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { replyInScenario, saveFormAnswers, submitFormAnswers } from '~/server/quiz-answers.server'
import { attemptPage } from '~/server/quiz-attempts.server'
import { badRequest, parseParams } from '~/server/responses.server'
import { requireArea } from '~/server/session.server'
import { AttemptIntent, AttemptParams } from '~/server/route-input.server'
import { isSuccessfulAnswerSave } from '~/ui/quiz/answer-save'
import { AttemptForm } from '~/ui/quiz/attempt-form'
import { AttemptReviewView, backLinkOf } from '~/ui/quiz/attempt-review'
import { PageHeader } from '~/ui/page'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { quiz, attempt } = parseParams(AttemptParams, params)
  const user = await requireArea({ request, context }, 'learn')
  return json({ quizId: quiz, attemptId: attempt, page: await attemptPage(user, quiz, attempt, new Date()) })
}

// an item's autosave: its inputs already show what was saved and the reply marks the item, so the page is not read again
export const shouldRevalidate: ShouldRevalidateFunction = (args) => !isSuccessfulAnswerSave(args) && args.defaultShouldRevalidate

type Errors = Array<{ itemId: string; error: string }>

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
    if (!turn.ok && 'error' in turn && turn.error !== 'stale') return json({ errors: [{ itemId: intent.data.itemId, error: turn.error }] as Errors }, { status: 400 })
    return redirect(back)
  }
  const entries = [...form.entries()].map(([k, v]) => [k, String(v)] as const)
  if (intent.data.intent === 'save') {
    const saved = await saveFormAnswers(user, quiz, attempt, entries, intent.data.item, now)
    if (!saved.ok) return json({ itemId: intent.data.item, errors: 'errors' in saved ? saved.errors : ([] as Errors), invalid: [] as Errors, closed: 'closed' in saved }, { status: 'closed' in saved ? 409 : 400 })
    return json({ itemId: intent.data.item, errors: [] as Errors, invalid: saved.invalid, closed: false })
  }
  const submitted = await submitFormAnswers(user, quiz, attempt, entries, now)
  if (!submitted.ok) return json({ errors: submitted.errors, invalid: [] as Errors, closed: false, itemId: undefined }, { status: 400 })
  return redirect(back)
}

export default function AttemptRoute() {
  const { page, quizId, attemptId } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, i18n } = useTranslation()
  const title = i18n.language === 'en' ? page.title.en : page.title.zh
  const back = backLinkOf(page)
  if (page.status === 'submitted') return <AttemptReviewView title={title} page={page} quizId={quizId} />
  const submitErrors = new Map((actionData?.errors ?? []).map((e) => [e.itemId, e.error]))
  return (
    <>
      <p className="crumb">
        <Link to={back.to}>{t(back.label)}</Link>
      </p>
      <PageHeader title={title} />
      <AttemptForm
        attemptId={attemptId}
        items={page.view.items}
        saved={page.saved}
        invalid={page.invalid}
        deadline={page.deadline}
        serverNow={page.now}
        onePerPage={page.onePerPage}
        submitErrors={submitErrors}
      />
      <p className="crumb">
        <Link to={`/quizzes/${quizId}`}>{t('quiz.overview')}</Link>
      </p>
    </>
  )
}
