// Trainers' list of quizzes (current versions): real quizzes first, then practice dialogues by course, each with
// its submitted attempts and pass rate, linking to its statistics.
import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { quizListFor, type QuizListEntry } from '~/server/quiz-statistics.server'
import { requireArea } from '~/server/session.server'
import { localized } from '~/ui/localized'
import { PageHeader } from '~/ui/page'
import { formatShare } from '~/ui/quiz-stats/bars'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'trainer')
  return json(await quizListFor(user.viewer))
}

function QuizRows({ quizzes }: { quizzes: QuizListEntry[] }) {
  const { t, i18n } = useTranslation()
  return (
    <ul className="list">
      {quizzes.map((quiz) => (
        <li key={quiz.id}>
          <Link className="row-link" to={`/trainer/quizzes/${quiz.id}`}>
            <strong>{localized(quiz, 'title', i18n.language)}</strong>
            <span className="muted stats-list-figures">
              {quiz.attempts === 0
                ? t('stats.noAttempts')
                : `${t('stats.attemptsCount', { count: quiz.attempts })} · ${t('stats.passRateValue', { percent: formatShare(quiz.passRate, 0) })}`}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  )
}

export default function TrainerQuizzes() {
  const { quizzes, practice } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  return (
    <>
      <p className="crumb">
        <Link to="/trainer">{t('trainer.title')}</Link>
      </p>
      <PageHeader title={t('stats.listTitle')} lead={t('stats.listLead')} />
      <h2 className="section-title">{t('stats.quizzes')}</h2>
      <section className="card">{quizzes.length ? <QuizRows quizzes={quizzes} /> : <p className="muted">{t('stats.noQuizzes')}</p>}</section>
      {practice.length ? <h2 className="section-title">{t('stats.practice')}</h2> : null}
      {practice.map((course) => (
        <section key={course.courseId} className="card" aria-label={localized(course, 'title', i18n.language)}>
          <h3 className="stats-item-title">{localized(course, 'title', i18n.language)}</h3>
          <QuizRows quizzes={course.quizzes} />
        </section>
      ))}
    </>
  )
}
