// An attempt in progress: the countdown, "answered x / n", the question navigator, one item per screen (phones)
// with previous/next, and 交卷 asking first when items are unanswered. Every field belongs to the form "answers",
// so without script the page is one long form that still saves and submits.
import { ChineseOnlyNote } from '~/ui/chinese-only'
import { Form, useNavigation } from '@remix-run/react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { QuizItemView } from '~/core/quiz/registry'
import { Countdown } from './countdown'
import { ANSWERS_FORM } from './inputs'
import { ItemCard } from './item-card'
import { Navigator } from './navigator'

export interface AttemptFormProps {
  attemptId: string
  items: QuizItemView[]
  saved: Record<string, unknown>
  invalid: Record<string, string>
  deadline: string | null
  serverNow: string
  onePerPage: boolean
  submitErrors: Map<string, string>
}

const isBlank = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && Object.keys(value).length === 0)

/** Flags and the current item live in the browser: they help the clerk, the server does not need them. */
function useStoredState<T>(key: string, initial: T, storage: 'local' | 'session'): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(initial)
  useEffect(() => {
    const store = storage === 'local' ? window.localStorage : window.sessionStorage
    const stored = store.getItem(key)
    if (stored !== null) setValue(JSON.parse(stored) as T)
  }, [key, storage])
  const set = useCallback(
    (next: T) => {
      setValue(next)
      ;(storage === 'local' ? window.localStorage : window.sessionStorage).setItem(key, JSON.stringify(next))
    },
    [key, storage],
  )
  return [value, set]
}

export function AttemptForm({ attemptId, items, saved, invalid, deadline, serverNow, onePerPage, submitErrors }: AttemptFormProps) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const submitting = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'submit'
  const [answered, setAnswered] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(items.map((item) => [item.id, item.type === 'scenario' ? item.transcript.length > 0 : !isBlank(saved[item.id])])),
  )
  const [flags, setFlags] = useStoredState<string[]>(`quiz-flags:${attemptId}`, [], 'local')
  const [current, setCurrent] = useStoredState<number>(`quiz-current:${attemptId}`, 0, 'session')
  const [paged, setPaged] = useState(false) // one per page only once script runs: without it, every item shows
  const confirm = useRef<HTMLDialogElement>(null)
  useEffect(() => setPaged(onePerPage), [onePerPage])
  const onAnswered = useCallback((itemId: string, now: boolean) => setAnswered((before) => (before[itemId] === now ? before : { ...before, [itemId]: now })), [])
  // a dialogue's replies come back with the page after each turn: its state is read from the view, not kept here
  const answeredNow = Object.fromEntries(items.map((item) => [item.id, item.type === 'scenario' ? item.transcript.length > 0 : answered[item.id] === true]))
  const unanswered = items.map((item, index) => ({ item, number: index + 1 })).filter(({ item }) => !answeredNow[item.id])
  const shown = Math.min(current, items.length - 1)
  const go = (index: number) => {
    setCurrent(index)
    confirm.current?.close()
    document.getElementById(`item-${items[index].id}`)?.scrollIntoView({ block: 'start' })
  }
  const toggleFlag = (itemId: string) => setFlags(flags.includes(itemId) ? flags.filter((id) => id !== itemId) : [...flags, itemId])
  const currentId = items[shown]?.id
  return (
    <>
      <div className="attempt-bar">
        {deadline ? <Countdown deadline={deadline} serverNow={serverNow} /> : null}
        <p className="progress-text">{t('quizTaking.answeredCount', { answered: items.length - unanswered.length, total: items.length })}</p>
      </div>
      <ChineseOnlyNote what="quiz" />
      {items.length > 1 ? <Navigator items={items} answered={answeredNow} flags={flags} current={paged ? shown : null} onGo={go} /> : null}
      <ol className={`quiz-items${paged ? ' paged' : ''}`}>
        {items.map((item, index) => (
          <ItemCard
            key={item.id}
            item={item}
            number={index + 1}
            saved={saved[item.id]}
            invalid={submitErrors.get(item.id) ?? invalid[item.id]}
            hidden={paged && index !== shown}
            onAnswered={onAnswered}
          />
        ))}
      </ol>
      <div className="pager">
        {paged && items.length > 1 ? (
          <button type="button" className="button secondary" disabled={shown === 0} onClick={() => go(shown - 1)}>
            ← {t('quizTaking.previous')}
          </button>
        ) : null}
        {currentId ? (
          <button type="button" className={`button secondary flag${flags.includes(currentId) && paged ? ' on' : ''}`} hidden={!paged || items.length === 1} aria-pressed={flags.includes(currentId)} onClick={() => toggleFlag(currentId)}>
            {flags.includes(currentId) ? t('quizTaking.unflag') : t('quizTaking.flag')}
          </button>
        ) : null}
        {paged && items.length > 1 ? (
          <button type="button" className="button secondary" disabled={shown >= items.length - 1} onClick={() => go(shown + 1)}>
            {t('quizTaking.next')} →
          </button>
        ) : null}
      </div>
      <Form method="post" id={ANSWERS_FORM} className="submit-bar">
        <button
          type="submit"
          name="intent"
          value="submit"
          className="button full"
          disabled={submitting}
          onClick={(event) => {
            if (unanswered.length === 0 || confirm.current?.open) return
            event.preventDefault()
            confirm.current?.showModal()
          }}
        >
          {submitting ? t('quiz.submitting') : t('quiz.submit')}
        </button>
        <dialog ref={confirm} className="confirm" aria-labelledby="confirm-title">
          <h2 id="confirm-title" className="section-title">
            {t('quizTaking.confirmTitle', { count: unanswered.length })}
          </h2>
          <p>{t('quizTaking.confirmLead')}</p>
          <ul className="unanswered">
            {unanswered.map(({ item, number }) => (
              <li key={item.id}>
                <button type="button" className="nav-item unanswered" aria-label={t('quizTaking.itemNumber', { n: number })} onClick={() => go(number - 1)}>
                  {number}
                </button>
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" className="button secondary" onClick={() => confirm.current?.close()}>
              {t('quizTaking.keepAnswering')}
            </button>
            <button type="submit" name="intent" value="submit" className="button">
              {t('quizTaking.submitAnyway')}
            </button>
          </div>
        </dialog>
      </Form>
    </>
  )
}
