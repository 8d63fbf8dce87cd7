// A manager's dashboard: the halls under their units only, with head counts.
import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { hallsInScope } from '~/server/people.server'
import { quizListFor } from '~/server/quiz-statistics.server'
import { requireArea } from '~/server/session.server'
import { localized } from '~/ui/localized'
import { PageHeader, unitName } from '~/ui/page'
import { PeopleTools } from '~/ui/people/people-tools'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'manage')
  const [halls, quizList] = await Promise.all([hallsInScope(user.viewer, new Date()), quizListFor(user.viewer)])
  return json({ name: user.name, scope: user.managedUnits, halls, quizzes: quizList.quizzes })
}

export default function ManageHome() {
  const { name, scope, halls, quizzes } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const totals = halls.reduce((sum, h) => ({ clerks: sum.clerks + h.clerks, newHires: sum.newHires + h.newHires }), {
    clerks: 0,
    newHires: 0,
  })
  return (
    <>
      <PageHeader title={t('manage.title')} lead={t('home.greeting', { name })} />
      {scope.length ? (
        <p className="muted">
          {t('manage.scope')}{' '}
          {scope.map((u) => (
            <span key={u.code} className="pill">
              {t(`units.${u.kind}`)} · {unitName(u, i18n.language)}
            </span>
          ))}
        </p>
      ) : null}
      <div className="stat-grid">
        <div className="stat">
          <strong>{halls.length}</strong>
          {t('manage.hall')}
        </div>
        <div className="stat">
          <strong>{totals.clerks}</strong>
          {t('manage.clerks')}
        </div>
        <div className="stat">
          <strong>{totals.newHires}</strong>
          {t('manage.newHires')}
        </div>
      </div>
      <PeopleTools admin={false} />
      <Link className="button secondary" to="/manage/pairings">
        {t('mentoring.nav.pairings')}
      </Link>
      <section className="card" aria-label={t('manage.intro')}>
        {halls.length === 0 ? (
          <p>{t('manage.empty')}</p>
        ) : (
          <ul className="list halls">
            {halls.map((hall) => (
              <li key={hall.code}>
                <Link className="row-link" to={`/manage/halls/${hall.code}`}>
                  <span>
                    <strong>{unitName(hall, i18n.language)}</strong>
                    <br />
                    <span className="muted">{hall.branch ? unitName(hall.branch, i18n.language) : null}</span>
                  </span>
                  <span className="muted">
                    {t('manage.clerks')} {hall.clerks}
                    {hall.newHires ? (
                      <>
                        <br />
                        <span className="pill new">
                          {t('manage.newHires')} {hall.newHires}
                        </span>
                      </>
                    ) : null}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      {quizzes.length ? (
        <section className="card">
          <h2 className="section-title">{t('stats.listTitle')}</h2>
          <ul className="list">
            {quizzes.map((quiz) => (
              <li key={quiz.id}>
                <Link className="row-link" to={`/manage/quizzes/${quiz.id}`}>
                  <span>{localized(quiz, 'title', i18n.language)}</span>
                  <span className="muted">{quiz.attempts === 0 ? t('stats.noAttempts') : t('stats.attemptsCount', { count: quiz.attempts })}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}
