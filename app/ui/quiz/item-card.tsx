// One item of an attempt with its own autosave: a moment after the clerk changes it, only this item's fields are
// posted (intent=save, item=<id>). An answer the server cannot read yet is kept as typed and marked here; it never
// holds up the other items.
import { useFetcher } from '@remix-run/react'
import { useCallback, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { QuizItemView } from '~/core/quiz/registry'
import { ANSWERS_FORM, ItemInput } from './inputs'

export interface SaveReply {
  itemId?: string
  invalid?: Array<{ itemId: string; error: string }>
  errors?: Array<{ itemId: string; error: string }>
  closed?: boolean
}

const SAVE_DELAY_MS = 600

/** This item's fields as the answers form would post them (checked boxes only), read from the item's own element. */
function itemFields(container: HTMLElement): Array<[string, string]> {
  const fields: Array<[string, string]> = []
  container.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input[name], select[name], textarea[name]').forEach((element) => {
    if (element.getAttribute('form') !== ANSWERS_FORM) return
    if (element instanceof HTMLInputElement && (element.type === 'radio' || element.type === 'checkbox') && !element.checked) return
    fields.push([element.name, element.value])
  })
  return fields
}

/** Whether the item holds an answer now: a field with a value (a dialogue: a reply recorded). */
export function isAnswered(container: HTMLElement | null, item: QuizItemView): boolean {
  if (item.type === 'scenario') return item.transcript.length > 0
  return container ? itemFields(container).some(([name, value]) => !name.startsWith('present.') && value.trim() !== '') : false
}

export function ItemCard({
  item,
  number,
  saved,
  invalid,
  hidden,
  onAnswered,
}: {
  item: QuizItemView
  number: number
  saved: unknown
  /** Why the saved answer does not parse yet, if it does not. */
  invalid: string | undefined
  hidden: boolean
  onAnswered: (itemId: string, answered: boolean) => void
}) {
  const { t } = useTranslation()
  const fetcher = useFetcher<SaveReply>()
  const container = useRef<HTMLLIElement>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const submit = fetcher.submit
  const changed = useCallback(() => {
    onAnswered(item.id, isAnswered(container.current, item))
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      if (!container.current) return
      const data = new FormData()
      data.set('intent', 'save')
      data.set('item', item.id)
      for (const [name, value] of itemFields(container.current)) data.append(name, value)
      submit(data, { method: 'post' })
    }, SAVE_DELAY_MS)
  }, [item, onAnswered, submit])
  useEffect(() => () => clearTimeout(timer.current), [])
  const reply = fetcher.data
  const error = reply ? (reply.invalid?.[0]?.error ?? reply.errors?.[0]?.error) : invalid
  const state = fetcher.state !== 'idle' ? 'saving' : reply ? (reply.closed ? 'closed' : 'saved') : null
  return (
    <li
      ref={container}
      id={`item-${item.id}`}
      className={`card quiz-item${error ? ' has-error' : ''}`}
      hidden={hidden}
      onChange={changed}
      onInput={item.type === 'text' ? changed : undefined}
      data-item={item.id}
    >
      <p className="item-number muted">{t('quizTaking.itemNumber', { n: number })}</p>
      <ItemInput item={item} saved={saved} changed={changed} />
      {error ? (
        <p className="field-error" role="alert">
          {t('quizTaking.keptInvalid')}
        </p>
      ) : null}
      <p className="muted item-save" aria-live="polite">
        {state ? t(`quizTaking.save.${state}`) : ''}
      </p>
    </li>
  )
}
