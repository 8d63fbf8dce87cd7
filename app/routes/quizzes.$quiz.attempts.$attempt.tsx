// One attempt: answer (each item autosaved on its own), play dialogues turn by turn, submit; afterwards, the review.
// The page never holds an answer key: the loader sends the view, the actions record and score.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { answerAttemptForm } from '~/server/attempt-posts.server'
import { attemptPage } from '~/server/quiz-attempts.server'
import { parseParams } from '~/server/responses.server'
import { requireArea } from '~/server/session.server'
import { AttemptParams } from '~/server/route-input.server'
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

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { quiz, attempt } = parseParams(AttemptParams, params)
  const user = await requireArea({ request, context }, 'learn')
  const form = [...(await request.formData()).entries()].map(([k, v]) => [k, String(v)] as const)
  // the same function answers the page's data posts on the lean path (app/server/attempt-posts.server.ts)
  const reply = await answerAttemptForm(user, quiz, attempt, form, new Date())
  if ('redirect' in reply) return redirect(reply.redirect)
  return json(reply.data, { status: reply.status })
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
