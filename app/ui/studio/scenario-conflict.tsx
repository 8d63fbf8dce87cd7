// A graph edit that lost to another trainer's save: the scenario's YAML, theirs (−) against yours (+), drawn by
// the text editor's DiffView, with the choice to apply your edit again on their version or to keep theirs.
// Edits are posted with the text the page was drawn from (multipart: raw UTF-8, well under the form limit),
// which the server only uses to make that diff.
import type { FetcherWithComponents } from '@remix-run/react'
import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ScenarioEditResult } from '~/server/studio/scenario-editor.server'
import { DiffView } from './diff-view'

type Conflict = Extract<ScenarioEditResult, { conflict: unknown }>['conflict']

/** Submits a node form through the fetcher with the page's text; remembers it so it can be applied again. */
export function useGraphEdits(fetcher: FetcherWithComponents<ScenarioEditResult>, text: string) {
  const last = useRef<FormData | null>(null)
  const [dismissed, setDismissed] = useState<unknown>(null)
  const send = (form: FormData) => {
    form.set('base', text)
    last.current = form
    fetcher.submit(form, { method: 'post', encType: 'multipart/form-data' })
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    send(new FormData(event.currentTarget))
  }
  const result = fetcher.data
  const conflict = result && !result.ok && 'conflict' in result && result !== dismissed ? result.conflict : null
  const reapply = () => {
    if (!last.current || !conflict) return
    const again = new FormData()
    for (const [name, value] of last.current) again.append(name, value)
    again.set('revision', String(conflict.revision))
    send(again)
  }
  return { onSubmit, conflict, reapply, dismiss: () => setDismissed(result) }
}

export function ScenarioConflict({ conflict, busy, onReapply, onDismiss }: { conflict: Conflict; busy: boolean; onReapply: () => void; onDismiss: () => void }) {
  const { t } = useTranslation()
  return (
    <section className="card notice error scenario-conflict" role="alert">
      <p>{t('graphConflict.lead', { name: conflict.updatedBy || '—' })}</p>
      <p className="muted">{t(`graphConflict.yoursFrom.${conflict.yoursFrom}`)}</p>
      {conflict.diff.length ? <DiffView lines={conflict.diff} /> : null}
      <p className="inline-form">
        {conflict.yoursFrom !== 'none' ? (
          <button type="button" className="button secondary" disabled={busy} onClick={onReapply}>
            {t('graphConflict.reapply')}
          </button>
        ) : null}{' '}
        <button type="button" className="button secondary" onClick={onDismiss}>
          {t('graphConflict.keepTheirs')}
        </button>
      </p>
    </section>
  )
}
