// How each item type is answered in the browser: one component per type, listed once in ITEM_INPUTS.
// Every field belongs to the form "answers" (form attribute), so the items can sit anywhere on the page.
import { Form } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { QuizItemView } from '~/core/quiz/registry'

export const ANSWERS_FORM = 'answers'

type ViewOf<T extends QuizItemView['type']> = Extract<QuizItemView, { type: T }>
interface InputProps<T extends QuizItemView['type']> {
  item: ViewOf<T>
  saved: unknown
  /** Tells the item's autosave that the answer changed where no input event says so (a moved entry). */
  changed?: () => void
}

function SingleInput({ item, saved }: InputProps<'single'>) {
  return (
    <fieldset className="choices">
      <legend className="prompt" lang="zh-CN">{item.prompt}</legend>
      {item.options.map((option) => (
        <label key={option.id} className="choice">
          <input type="radio" form={ANSWERS_FORM} name={`a.${item.id}`} value={option.id} defaultChecked={saved === option.id} />
          <span lang="zh-CN">{option.text}</span>
        </label>
      ))}
    </fieldset>
  )
}

function MultipleInput({ item, saved }: InputProps<'multiple'>) {
  const picked = Array.isArray(saved) ? (saved as string[]) : []
  return (
    <fieldset className="choices">
      <legend className="prompt" lang="zh-CN">{item.prompt}</legend>
      <input type="hidden" form={ANSWERS_FORM} name={`present.${item.id}`} value="1" />
      {item.options.map((option) => (
        <label key={option.id} className="choice">
          <input type="checkbox" form={ANSWERS_FORM} name={`a.${item.id}`} value={option.id} defaultChecked={picked.includes(option.id)} />
          <span lang="zh-CN">{option.text}</span>
        </label>
      ))}
    </fieldset>
  )
}

/** Entries moved with up/down buttons (or the keyboard on those buttons): every state is a whole, valid order.
 * The order is sent as `o.<item>` once per entry; nothing is sent until the clerk moved something or it was saved. */
function OrderingInput({ item, saved, changed }: InputProps<'ordering'>) {
  const { t } = useTranslation()
  const savedOrder = Array.isArray(saved) && saved.length === item.entries.length ? (saved as string[]) : null
  const [order, setOrder] = useState<string[]>(savedOrder ?? item.entries.map((e) => e.id))
  const [touched, setTouched] = useState(savedOrder !== null)
  const [moved, setMoved] = useState<{ id: string; direction: 'up' | 'down'; version: number } | null>(null)
  const buttons = useRef(new Map<string, HTMLButtonElement | null>())
  const text = (id: string) => item.entries.find((e) => e.id === id)?.text ?? id
  useEffect(() => {
    if (!moved) return
    changed?.()
    // focus stays on the entry that moved, so pressing again keeps moving it
    const button = buttons.current.get(`${moved.id}:${moved.direction}`)
    if (button && !button.disabled) button.focus()
    else buttons.current.get(`${moved.id}:${moved.direction === 'up' ? 'down' : 'up'}`)?.focus()
  }, [moved, changed])
  const move = (index: number, direction: 'up' | 'down') => {
    const target = direction === 'up' ? index - 1 : index + 1
    if (target < 0 || target >= order.length) return
    const next = [...order]
    ;[next[index], next[target]] = [next[target], next[index]]
    setOrder(next)
    setTouched(true)
    setMoved({ id: order[index], direction, version: (moved?.version ?? 0) + 1 })
  }
  return (
    <fieldset className="choices">
      <legend className="prompt" lang="zh-CN">{item.prompt}</legend>
      <p className="muted">{t('quizTaking.orderHint')}</p>
      <ol className="order-list">
        {order.map((id, index) => (
          <li key={id} className="order-entry">
            <span className="order-number">{index + 1}</span>
            <span className="order-text" lang="zh-CN">{text(id)}</span>
            <span className="order-buttons">
              <button type="button" className="icon-button" ref={(el) => buttons.current.set(`${id}:up`, el)} disabled={index === 0} aria-label={t('quizTaking.moveUp', { text: text(id) })} onClick={() => move(index, 'up')}>
                ↑
              </button>
              <button type="button" className="icon-button" ref={(el) => buttons.current.set(`${id}:down`, el)} disabled={index === order.length - 1} aria-label={t('quizTaking.moveDown', { text: text(id) })} onClick={() => move(index, 'down')}>
                ↓
              </button>
            </span>
            {touched ? <input type="hidden" form={ANSWERS_FORM} name={`o.${item.id}`} value={id} /> : null}
          </li>
        ))}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {moved ? t('quizTaking.movedTo', { text: text(moved.id), position: order.indexOf(moved.id) + 1 }) : ''}
      </p>
    </fieldset>
  )
}

function MatchingInput({ item, saved }: InputProps<'matching'>) {
  const { t } = useTranslation()
  const matches = saved && typeof saved === 'object' && !Array.isArray(saved) ? (saved as Record<string, string>) : {}
  return (
    <fieldset className="choices">
      <legend className="prompt" lang="zh-CN">{item.prompt}</legend>
      <p className="muted">{t('quiz.matchHint')}</p>
      {item.lefts.map((left) => (
        <label key={left.id} className="match">
          <span className="match-left" lang="zh-CN">{left.text}</span>
          <select form={ANSWERS_FORM} name={`m.${item.id}.${left.id}`} defaultValue={matches[left.id] ?? ''}>
            <option value="">{t('quiz.choose')}</option>
            {item.rights.map((right) => (
              <option key={right.id} value={right.id} lang="zh-CN">
                {right.text}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  )
}

function TextInput({ item, saved }: InputProps<'text'>) {
  const { t } = useTranslation()
  return (
    <div className="choices">
      <label className="prompt" lang="zh-CN" htmlFor={`text-${item.id}`}>
        {item.prompt}
      </label>
      <p className="muted">{t('quiz.textHint')}</p>
      <textarea
        id={`text-${item.id}`}
        form={ANSWERS_FORM}
        name={`a.${item.id}`}
        rows={4}
        maxLength={item.maxLength}
        defaultValue={typeof saved === 'string' ? saved : ''}
        lang="zh-CN"
      />
    </div>
  )
}

/** A dialogue: the conversation so far, then the customer's line and the replies, each its own POST. */
function ScenarioInput({ item }: InputProps<'scenario'>) {
  const { t, i18n } = useTranslation()
  return (
    <div className="dialogue">
      <p className="prompt" lang={item.prompt || i18n.language !== 'en' ? 'zh-CN' : undefined}>{item.prompt ?? (i18n.language === 'en' ? item.title.en : item.title.zh)}</p>
      {item.transcript.map((turn, i) => (
        <div key={i}>
          <p className="bubble customer">
            <span className="who">
              {t('quiz.customer')} · {t(`quiz.mood.${turn.mood}`)}
            </span>
            <span lang="zh-CN">{turn.customer}</span>
          </p>
          <p className={`bubble clerk${turn.judged ? (turn.judged.points >= turn.judged.bestPoints ? ' best' : ' weak') : ''}`}>
            <span className="who">
              {t('quiz.you')}
              {turn.judged ? ` · ${t('quizTaking.turnPoints', { points: turn.judged.points, best: turn.judged.bestPoints })}` : ''}
            </span>
            <span lang="zh-CN">{turn.reply}</span>
            {turn.judged ? <span className="option-feedback" lang="zh-CN">{turn.judged.feedback}</span> : null}
          </p>
        </div>
      ))}
      {item.node.type === 'turn' ? (
        <>
          <p className="bubble customer current">
            <span className="who">
              {t('quiz.customer')} · {t(`quiz.mood.${item.node.mood}`)}
            </span>
            <span lang="zh-CN">{item.node.customer}</span>
          </p>
          <p className="muted">{t('quiz.chooseReply')}</p>
          <div className="replies">
            {item.node.replies.map((reply) => (
              <Form method="post" key={reply.id} preventScrollReset>
                <input type="hidden" name="intent" value="reply" />
                <input type="hidden" name="itemId" value={item.id} />
                <input type="hidden" name="replyId" value={reply.id} />
                <button type="submit" className="reply" lang="zh-CN">
                  {reply.text}
                </button>
              </Form>
            ))}
          </div>
        </>
      ) : (
        <>
          <p className={`ending ending-${item.node.end}`}>
            <strong>{t(`quiz.ends.${item.node.end}`)}</strong> · <span lang="zh-CN">{item.node.text}</span>
          </p>
          {item.bestPath ? <PathComparison taken={item.transcript.map((turn) => turn.reply)} best={item.bestPath} /> : null}
        </>
      )}
    </div>
  )
}

/** The replies taken beside the best path's, turn by turn (a turn taken differently is marked). */
export function PathComparison({ taken, best }: { taken: string[]; best: string[] }) {
  const { t } = useTranslation()
  const same = taken.length === best.length && taken.every((reply, i) => reply === best[i])
  return (
    <div className="path-compare">
      <p className="section-title">{same ? t('quizTaking.tookBestPath') : t('quizTaking.bestPath')}</p>
      {same ? null : (
        <ol lang="zh-CN">
          {best.map((reply, i) => (
            <li key={i} className={taken[i] === reply ? 'is-correct' : 'is-wrong'}>
              {reply}
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}

const ITEM_INPUTS: { [K in QuizItemView['type']]: (props: InputProps<K>) => React.ReactElement } = {
  single: SingleInput,
  multiple: MultipleInput,
  ordering: OrderingInput,
  matching: MatchingInput,
  text: TextInput,
  scenario: ScenarioInput,
}

export function ItemInput({ item, saved, changed }: { item: QuizItemView; saved: unknown; changed?: () => void }) {
  const Input = ITEM_INPUTS[item.type] as (props: { item: QuizItemView; saved: unknown; changed?: () => void }) => React.ReactElement
  return <Input item={item} saved={saved} changed={changed} />
}
