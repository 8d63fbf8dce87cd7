// The item as a clerk plays it: the clerk's own input component over the client view (no key), answered by the
// trainer and scored by the server: ✓ / partly / ✗ with points and the feedback a clerk would read.
import { Link, useFetcher } from '@remix-run/react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { ItemPreview as Preview, PreviewScore } from '~/server/studio/item-preview.server'
import { ANSWERS_FORM, ItemInput } from '~/ui/quiz/inputs'

export function ItemPreview({ path, index, revision }: { path: string; index: number; revision: number }) {
  const { t } = useTranslation()
  const view = useFetcher<Preview>()
  const answer = useFetcher<PreviewScore>()
  const url = `/trainer/studio/item-preview?path=${encodeURIComponent(path)}&item=${index}`
  // reload after each save: the preview plays the draft as saved
  useEffect(() => {
    view.load(url)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, revision])
  const data = view.data
  const score = answer.data
  return (
    <section className="card item-preview" aria-labelledby="item-preview-title">
      <h2 id="item-preview-title">{t('items.preview.title')}</h2>
      <p className="muted">{t('items.preview.lead')}</p>
      {!data ? null : !data.playable ? (
        data.reason === 'dialogue' ? (
          <p className="notice">
            {t('items.preview.dialogue')} <Link to={`/trainer/studio/edit?path=${encodeURIComponent(`scenarios/${data.scenario}.yaml`)}`}>{data.scenario}</Link>
          </p>
        ) : (
          <p className="notice error">{t('items.preview.invalid')}</p>
        )
      ) : (
        <answer.Form method="post" action={url} id={ANSWERS_FORM} key={`${index}-${revision}`}>
          <ItemInput item={data.view} saved={undefined} />
          <button type="submit" className="button">{t('items.preview.check')}</button>
        </answer.Form>
      )}
      {score?.ok === false ? <p className="field-error" role="alert">{score.error}</p> : null}
      {score?.ok ? (
        <div className={`notice item-score ${score.result.correct === true ? 'done' : score.result.correct === false ? 'error' : ''}`} role="status">
          <p>
            <strong>{t(`items.preview.${score.result.correct === true ? 'right' : score.result.correct === false ? 'wrong' : 'partly'}`)}</strong>{' '}
            {t('items.preview.points', { points: score.result.points, max: score.result.maxPoints })}
          </p>
          {score.result.feedback.length ? (
            <ul>
              {score.result.feedback.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  )
}
