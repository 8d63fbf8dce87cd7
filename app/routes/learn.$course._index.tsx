// A course's contents: its modules with what the learner has read, and where to continue.
import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { loadCourseForLearner } from '~/server/courses.server'
import { parseParams } from '~/server/responses.server'
import { requireArea } from '~/server/session.server'
import { localized } from '~/ui/localized'
import { PageHeader } from '~/ui/page'
import { ProgressBar } from '~/ui/progress'
import { CourseParams } from '~/server/route-input.server'
import { Dated } from '~/ui/date-text'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { course } = parseParams(CourseParams, params)
  const user = await requireArea({ request, context }, 'learn')
  return json(await loadCourseForLearner(user, course, new Date()))
}

const STATE_KEY = { unread: 'course.stateUnread', read: 'course.stateRead', updated: 'course.stateUpdated' } as const

export default function CourseContents() {
  const data = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const { completion } = data
  const next = data.resumeModule ?? data.modules.find((m) => m.state !== 'read')?.slug ?? data.modules[0]?.slug
  return (
    <>
      <p className="crumb">
        <Link to="/learn">{t('course.backToLearn')}</Link>
      </p>
      <PageHeader title={localized(data.course, 'title', i18n.language)} lead={localized(data.course, 'summary', i18n.language)} />
      <section className="card">
        <ProgressBar percent={completion.percent} label={t('learn.progress', { read: completion.read, total: completion.total })} />
        <p className="muted">
          {t('learn.progress', { read: completion.read, total: completion.total })} · {t('learn.minutes', { count: data.course.minutes })}
          {data.dueDay ? <> · <Dated text={t('learn.due', { day: data.dueDay })} /></> : ''}
          {data.overdue ? ` · ${t('learn.overdue')}` : ''}
        </p>
        {next ? (
          <Link className="button full" to={`/learn/${data.course.id}/${next}`}>
            {completion.complete ? t('learn.review') : data.resumeModule || completion.read > 0 ? t('learn.resume') : t('learn.start')}
          </Link>
        ) : null}
      </section>
      <section className="card">
        <h2 className="section-title">{t('course.modules')}</h2>
        <ol className="module-list">
          {data.modules.map((m, i) => (
            <li key={m.slug}>
              <Link to={`/learn/${data.course.id}/${m.slug}`}>
                <span className="muted">{i + 1}</span>
                <span>{localized(m, 'title', i18n.language)}</span>
                <span className={`state pill ${m.state === 'read' ? 'done' : m.state === 'updated' ? 'new' : ''}`}>{t(STATE_KEY[m.state ?? 'unread'])}</span>
              </Link>
            </li>
          ))}
        </ol>
      </section>
      {data.quizzes.length ? (
        <section className="card">
          <h2 className="section-title">
            {t('course.requiredQuizzes')} · {completion.quizzesPassed}/{completion.quizzesRequired}
          </h2>
          <ul className="list">
            {data.quizzes.map((quiz) => (
              <li key={quiz.id}>
                <Link className="row-link" to={`/quizzes/${quiz.id}`}>
                  <span>{localized(quiz, 'title', i18n.language)}</span>
                  <span className={`pill ${quiz.passed ? 'done' : ''}`}>{quiz.passed ? t('quiz.passed') : '→'}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card">
        <Link to="/practice">{t('practice.scenarios')} →</Link>
      </section>
    </>
  )
}
