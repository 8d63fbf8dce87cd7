// A quiz before an attempt: the rules, the learner's attempts so far, and start (or continue).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Dated } from '~/ui/date-text'
import { quizOverview, startAttempt } from '~/server/quiz-attempts.server'
import { parseParams } from '~/server/responses.server'
import { requireArea } from '~/server/session.server'
import { localized } from '~/ui/localized'
import { PageHeader } from '~/ui/page'
import { TimeText, hallTime } from '~/ui/time-text'
import { QuizParams } from '~/server/route-input.server'
import { backLinkOf } from '~/ui/quiz/attempt-review'
import { formatPoints } from '~/ui/quiz/score'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { quiz } = parseParams(QuizParams, params)
  const user = await requireArea({ request, context }, 'learn')
  return json(await quizOverview(user, quiz, new Date()))
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { quiz } = parseParams(QuizParams, params)
  const user = await requireArea({ request, context }, 'learn')
  const started = await startAttempt(user, quiz, new Date())
  if (started.ok) return redirect(`/quizzes/${quiz}/attempts/${started.attemptId}`)
  return json({ refused: started.reason, nextAllowedAt: started.nextAllowedAt }, { status: 409 })
}

export default function QuizOverview() {
  const { quiz, open, attempts, verdict } = useLoaderData<typeof loader>()
  const refusal = useActionData<typeof action>()
  const { t, i18n } = useTranslation()
  const busy = useNavigation().state !== 'idle'
  const back = backLinkOf({ kind: quiz.kind, courseId: quiz.courseId })
  const refused = refusal ?? (!verdict.allowed && verdict.reason !== 'in-progress' ? { refused: verdict.reason, nextAllowedAt: verdict.nextAllowedAt } : null)
  return (
    <>
      <p className="crumb">
        <Link to={back.to}>{t(back.label)}</Link>
      </p>
      <PageHeader title={localized(quiz, 'title', i18n.language)} />
      <section className="card">
        <ul className="facts-inline">
          <li>{t('quiz.items', { count: quiz.items })}</li>
          <li>{t('quiz.passMark', { mark: quiz.passMark })}</li>
          <li>{quiz.attemptsAllowed ? t('quiz.attemptsAllowed', { count: quiz.attemptsAllowed }) : t('quiz.attemptsUnlimited')}</li>
          {quiz.minDelayMinutes ? <li>{t('quiz.delay', { minutes: quiz.minDelayMinutes })}</li> : null}
          <li>{quiz.timeLimitMinutes ? t('quiz.timeLimit', { minutes: quiz.timeLimitMinutes }) : t('quiz.noTimeLimit')}</li>
        </ul>
        {refused && !open ? (
          <p className="notice updated" role="status">
            {refused.refused === 'limit' ? t('quiz.refusedLimit') : null}
            {refused.refused === 'delay' && refused.nextAllowedAt ? <Dated text={t('quiz.refusedDelay', { time: hallTime(refused.nextAllowedAt) })} /> : null}
          </p>
        ) : (
          <Form method="post">
            <button type="submit" className="button full" disabled={busy}>
              {open ? t('quiz.resume') : quiz.kind === 'practice' ? t('quiz.practise') : t('quiz.start')}
            </button>
          </Form>
        )}
      </section>
      <section className="card">
        <h2 className="section-title">{t('quiz.history')}</h2>
        {attempts.length === 0 ? (
          <p className="muted">{t('quiz.noHistory')}</p>
        ) : (
          <ul className="list">
            {attempts.map((a) => (
              <li key={a.id} className="row-link">
                <Link to={`/quizzes/${quiz.id}/attempts/${a.id}`}>
                  {a.submittedAt ? <TimeText value={a.submittedAt} /> : null}
                  {a.closedBy === 'deadline' ? ` · ${t('quiz.closedByDeadline')}` : ''}
                </Link>
                <span className={`pill ${a.passed ? 'done' : 'overdue'}`}>
                  {t('quizTaking.points', { points: formatPoints(a.points ?? 0), max: formatPoints(a.maxPoints ?? 0) })} · {a.passed ? t('quiz.passed') : t('quiz.failed')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
