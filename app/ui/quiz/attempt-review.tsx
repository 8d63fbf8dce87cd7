// The review after submission: the score as people read it (17.5 / 41 分, passed or not against the pass mark),
// each item ✓ / partly / ✗ with its points and feedback, and what to re-read.
import { ChineseOnlyNote } from '~/ui/chinese-only'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { GradedReview } from '~/core/quiz/manual-grading'
import { PageHeader } from '../page'
import { ItemReview } from './review'
import { formatPercent, formatPoints } from './score'

const RESULT_CLASS = { true: 'done', partial: 'new', false: 'overdue' } as const
const RESULT_MARK = { true: '✓', partial: '◐', false: '✗' } as const

/** Where "back" leads: the practice corner for a practice dialogue, else the quiz's course. */
export function backLinkOf(page: { kind: string; courseId: string }): { to: string; label: string } {
  return page.kind === 'practice' ? { to: '/practice', label: 'quizTaking.backToPractice' } : { to: `/learn/${page.courseId}`, label: 'quiz.backToCourse' }
}

interface ReviewPage {
  kind: string
  courseId: string
  passMark: number
  review: GradedReview // with a trainer's overrides, if any
  closedBy: string | null
  modules: Record<string, { zh: string; en: string }>
}

export function AttemptReviewView({ title, page, quizId }: { title: string; page: ReviewPage; quizId: string }) {
  const { t, i18n } = useTranslation()
  const { review, modules } = page
  const back = backLinkOf(page)
  const moduleTitle = (slug: string) => (modules[slug] ? (i18n.language === 'en' ? modules[slug].en : modules[slug].zh) : slug)
  const results = new Map(review.items.map((item) => [item.itemId, item]))
  return (
    <>
      <p className="crumb">
        <Link to={back.to}>{t(back.label)}</Link>
      </p>
      <PageHeader title={`${title} · ${t('quiz.review')}`} />
      <section className={`card score-card ${review.passed ? 'passed' : 'failed'}`}>
        <p className="score">{t('quizTaking.points', { points: formatPoints(review.points), max: formatPoints(review.maxPoints) })}</p>
        <p>
          <span className={`pill ${review.passed ? 'done' : 'overdue'}`}>{review.passed ? t('quiz.passed') : t('quiz.failed')}</span>{' '}
          <span className="muted">{t('quizTaking.passLine', { percent: formatPercent(review.percent), mark: page.passMark })}</span>
          {page.closedBy === 'deadline' ? <span className="pill">{t('quiz.closedByDeadline')}</span> : null}
        </p>
        <div className="actions">
          <Link className="button secondary" to={back.to}>
            {t(back.label)}
          </Link>
          <Link className="button secondary" to={`/quizzes/${quizId}`}>
            {t('quiz.again')}
          </Link>
        </div>
      </section>
      <ChineseOnlyNote what="quiz" />
      <ol className="quiz-items">
        {review.reviews.map(({ itemId, module, review: itemReview }) => {
          const result = results.get(itemId)
          const verdict = String(result?.correct ?? false) as keyof typeof RESULT_CLASS
          return (
            <li key={itemId} className="card quiz-item">
              <p>
                <span className={`pill ${RESULT_CLASS[verdict]}`}>
                  {RESULT_MARK[verdict]} {t(`quiz.result.${verdict}`)}
                </span>
                <span className="muted"> {t('quizTaking.points', { points: formatPoints(result?.points ?? 0), max: formatPoints(result?.maxPoints ?? 0) })}</span>
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
