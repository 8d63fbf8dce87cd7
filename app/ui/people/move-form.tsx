// "Move to…" on the account page (a person to another hall) and the organisation unit page (a unit under another
// parent): one card, one select of units, one intent. The labels are the caller's, already translated.
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { unitName } from '~/ui/page'

interface MoveFormProps {
  /** The form field the chosen unit's code is posted as (hallCode, parentCode). */
  field: string
  units: ReadonlyArray<{ code: string; nameZh: string; nameEn: string }>
  labels: { title: string; choose: string; placeholder: string; submit: string }
  busy: boolean
  /** The account page's move is its main action; the unit page's is one of several. */
  primary?: boolean
}

export function MoveForm({ field, units, labels, busy, primary = false }: MoveFormProps) {
  const { i18n } = useTranslation()
  const selectId = `move-${field}`
  return (
    <section className="card" aria-labelledby="move-title">
      <h2 id="move-title">{labels.title}</h2>
      <Form method="post">
        <input type="hidden" name="intent" value="move" />
        <div className="field">
          <label htmlFor={selectId}>{labels.choose}</label>
          <select id={selectId} name={field} required defaultValue="">
            <option value="" disabled>{labels.placeholder}</option>
            {units.map((u) => (
              <option key={u.code} value={u.code}>{unitName(u, i18n.language)} ({u.code})</option>
            ))}
          </select>
        </div>
        <button type="submit" className={primary ? 'button' : 'button secondary'} disabled={busy}>{labels.submit}</button>
      </Form>
    </section>
  )
}
