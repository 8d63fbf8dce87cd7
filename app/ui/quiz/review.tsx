// What each item type shows after submission: the clerk's answer, what was right, and the feedback.
// One component per type, listed once in ITEM_REVIEWS.
import { useTranslation } from 'react-i18next'
import { categorySlug } from '~/core/language/categories'
import type { QuizItemReview } from '~/core/quiz/registry'
import { PathComparison } from './inputs'

type ReviewOf<T extends QuizItemReview['type']> = Extract<QuizItemReview, { type: T }>

function Options({ review }: { review: ReviewOf<'single'> | ReviewOf<'multiple'> }) {
  return (
    <>
      <p className="prompt" lang="zh-CN">{review.prompt}</p>
      <ul className="review-options">
        {review.options.map((o) => (
          <li key={o.id} className={`${o.correct ? 'is-correct' : ''} ${o.chosen ? 'is-chosen' : ''}`}>
            <span className="mark" aria-hidden="true">
              {o.correct ? '✓' : o.chosen ? '✗' : '·'}
            </span>
            <span lang="zh-CN">
              {o.text}
              {o.chosen && o.feedback ? <span className="option-feedback">{o.feedback}</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </>
  )
}

function Ordering({ review }: { review: ReviewOf<'ordering'> }) {
  const { t } = useTranslation()
  return (
    <>
      <p className="prompt" lang="zh-CN">{review.prompt}</p>
      <p className="muted">{t('quiz.correctAnswer')}</p>
      <ol lang="zh-CN">
        {review.correctOrder.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ol>
      {review.answer.length ? (
        <>
          <p className="muted">{t('quiz.yourAnswer')}</p>
          <ol lang="zh-CN">
            {review.answer.map((a) => (
              <li key={a.text} className={a.inPlace ? 'is-correct' : 'is-wrong'}>
                {a.text}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </>
  )
}

function Matching({ review }: { review: ReviewOf<'matching'> }) {
  const { t } = useTranslation()
  return (
    <>
      <p className="prompt" lang="zh-CN">{review.prompt}</p>
      <ul className="review-options">
        {review.pairs.map((pair) => (
          <li key={pair.left} className={pair.correct ? 'is-correct' : 'is-wrong'}>
            <span className="mark" aria-hidden="true">
              {pair.correct ? '✓' : '✗'}
            </span>
            <span>
              <strong lang="zh-CN">{pair.left}</strong> → <span lang="zh-CN">{pair.right}</span>
              {!pair.correct ? (
                <span className="option-feedback">
                  {t('quiz.yourAnswer')}: {pair.chosenRight ?? t('quiz.notAnswered')}
                </span>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </>
  )
}

function Text({ review }: { review: ReviewOf<'text'> }) {
  const { t } = useTranslation()
  return (
    <>
      <p className="prompt" lang="zh-CN">{review.prompt}</p>
      <blockquote className="answer-text">{review.text || t('quiz.notAnswered')}</blockquote>
      <ul className="review-options">
        {review.elements.map((element) => (
          <li key={element.says} className={element.found ? 'is-correct' : 'is-wrong'}>
            <span className="mark">{element.found ? '✓' : '✗'}</span>
            <span>
              {element.says} · {element.found ? t('lang.elementSaid', { words: element.matched }) : t('lang.elementMissing')}
            </span>
          </li>
        ))}
        {review.avoided.map((element) => (
          <li key={`avoid-${element.says}`} className="is-wrong">
            <span className="mark">✗</span>
            <span>{t('lang.avoidSaid', { says: element.says, words: element.matched })}</span>
          </li>
        ))}
        {review.hits.map((hit) => (
          <li key={`${hit.start}`} className="is-wrong">
            <span className="mark">✗</span>
            <span>
              {t('quiz.forbiddenHits')}「{hit.matched}」· {t(`lang.category.${categorySlug(hit.category)}`)} → {t('lang.sayInstead', { text: hit.suggestion })}
            </span>
          </li>
        ))}
      </ul>
    </>
  )
}

function Dialogue({ review }: { review: ReviewOf<'scenario'> }) {
  const { t, i18n } = useTranslation()
  return (
    <div className="dialogue">
      <p className="prompt">{i18n.language === 'en' ? review.title.en : review.title.zh}</p>
      {review.steps.map((step, i) => (
        <div key={i}>
          <p className="bubble customer">
            <span className="who">{t('quiz.customer')}</span>
            <span lang="zh-CN">{step.customer}</span>
          </p>
          <p className={`bubble clerk ${step.points >= step.bestPoints ? 'best' : 'weak'}`}>
            <span className="who">
              {t('quiz.you')} · {t('quizTaking.turnPoints', { points: step.points, best: step.bestPoints })}
            </span>
            <span lang="zh-CN">{step.reply}</span>
            <span className="option-feedback" lang="zh-CN">{step.feedback}</span>
          </p>
        </div>
      ))}
      {review.ending ? (
        <p className={`ending ending-${review.ending.end}`}>
          <strong>{t(`quiz.ends.${review.ending.end}`)}</strong> · <span lang="zh-CN">{review.ending.text}</span>
        </p>
      ) : null}
      {/* stored reviews from before the best path was recorded have none */}
      {review.bestPath ? <PathComparison taken={review.steps.map((step) => step.reply)} best={review.bestPath} /> : null}
    </div>
  )
}

const ITEM_REVIEWS: { [K in QuizItemReview['type']]: (props: { review: ReviewOf<K> }) => React.ReactElement } = {
  single: Options,
  multiple: Options,
  ordering: Ordering,
  matching: Matching,
  text: Text,
  scenario: Dialogue,
}

export function ItemReview({ review }: { review: QuizItemReview }) {
  const Review = ITEM_REVIEWS[review.type] as (props: { review: QuizItemReview }) => React.ReactElement
  const feedback = 'feedback' in review ? review.feedback : null
  return (
    <>
      <Review review={review} />
      {feedback ? <p className="item-feedback">{feedback}</p> : null}
    </>
  )
}
