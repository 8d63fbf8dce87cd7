// The review after submission: the score, each item with its result and feedback, and what to re-read.
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { GradedReview } from '~/core/quiz/manual-grading'
import { PageHeader } from '../page'
import { ItemReview } from './review'

const RESULT_CLASS = { true: 'done', partial: 'new', false: 'overdue' } as const

export function AttemptReviewView({
  title,
  review,
  closedBy,
  quizId,
  modules,
}: {
  title: string
  review: GradedReview
  closedBy: string | null
  quizId: string
  modules: Record<string, { zh: string; en: string }>
}) {
  const { t, i18n } = useTranslation()
  const moduleTitle = (slug: string) => (modules[slug] ? (i18n.language === 'en' ? modules[slug].en : modules[slug].zh) : slug)
  const results = new Map(review.items.map((item) => [item.itemId, item]))
  return (
    <>
      <PageHeader title={`${title} · ${t('quiz.review')}`} />
      <section className={`card score-card ${review.passed ? 'passed' : 'failed'}`}>
        <p className="score">{t('quiz.score', { percent: review.percent })}</p>
        <p>
          <span className={`pill ${review.passed ? 'done' : 'overdue'}`}>{review.passed ? t('quiz.passed') : t('quiz.failed')}</span>
          {closedBy === 'deadline' ? <span className="pill">{t('quiz.closedByDeadline')}</span> : null}
        </p>
        <p className="muted">{t('quiz.yourScore', { points: review.points, max: review.maxPoints, percent: review.percent })}</p>
        <div className="actions">
          <Link className="button secondary" to={`/learn/${review.course}`}>
            {t('quiz.backToCourse')}
          </Link>
          <Link className="button secondary" to={`/quizzes/${quizId}`}>
            {t('quiz.again')}
          </Link>
        </div>
      </section>
      <ol className="quiz-items">
        {review.reviews.map(({ itemId, module, review: itemReview }) => {
          const result = results.get(itemId)
          const verdict = String(result?.correct ?? false) as keyof typeof RESULT_CLASS
          return (
            <li key={itemId} className="card quiz-item">
              <p>
                <span className={`pill ${RESULT_CLASS[verdict]}`}>{t(`quiz.result.${verdict}`)}</span>
                <span className="muted">
                  {' '}
                  {result?.points}/{result?.maxPoints}
                </span>
              </p>
              {review.overrides?.[itemId] ? (
                <p className="notice updated">
                  {t('lang.overrideNote', { ...review.overrides[itemId], auto: review.overrides[itemId].autoPoints })}
                </p>
              ) : null}
              <ItemReview review={itemReview} />
              {module && verdict !== 'true' ? (
                <Link className="reread" to={`/learn/${review.course}/${module}`}>
                  {t('quiz.reread', { module: moduleTitle(module) })} →
                </Link>
              ) : null}
            </li>
          )
        })}
      </ol>
    </>
  )
}
