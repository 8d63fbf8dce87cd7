// The publish (or, with second-trainer review on, "ask for review") and discard buttons of a studio draft, shared by
// the text editor and the scenario graph: one place decides which intent the button posts and why it is disabled.
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export function PublishForm(props: { path: string; revision: number; reviewRequired: boolean; blocked: string | null; busy: boolean; children?: ReactNode }) {
  const { t } = useTranslation()
  return (
    <Form method="post" className="card">
      <input type="hidden" name="path" value={props.path} />
      <input type="hidden" name="revision" value={props.revision} />
      {props.children}
      <button type="submit" name="intent" value={props.reviewRequired ? 'request-review' : 'publish'} className="button" disabled={props.blocked !== null || props.busy}>
        {props.reviewRequired ? t('studioReview.requestButton') : t('studio.publish.button')}
      </button>
      {props.blocked ? <p className="field-error">{props.blocked}</p> : null}{' '}
      {props.revision ? (
        <button type="submit" name="intent" value="discard" className="button secondary">
          {t('studio.edit.discard')}
        </button>
      ) : null}
    </Form>
  )
}
