// How each item type is answered in the browser: one component per type, listed once in ITEM_INPUTS.
// Every field belongs to the form "answers" (form attribute), so the items can sit anywhere on the page.
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { QuizItemView } from '~/core/quiz/registry'

export const ANSWERS_FORM = 'answers'

type ViewOf<T extends QuizItemView['type']> = Extract<QuizItemView, { type: T }>
interface InputProps<T extends QuizItemView['type']> {
  item: ViewOf<T>
  saved: unknown
}

function SingleInput({ item, saved }: InputProps<'single'>) {
  return (
    <fieldset className="choices">
      <legend className="prompt">{item.prompt}</legend>
      {item.options.map((option) => (
        <label key={option.id} className="choice">
          <input type="radio" form={ANSWERS_FORM} name={`a.${item.id}`} value={option.id} defaultChecked={saved === option.id} />
          <span>{option.text}</span>
        </label>
      ))}
    </fieldset>
  )
}

function MultipleInput({ item, saved }: InputProps<'multiple'>) {
  const picked = Array.isArray(saved) ? (saved as string[]) : []
  return (
    <fieldset className="choices">
      <legend className="prompt">{item.prompt}</legend>
      <input type="hidden" form={ANSWERS_FORM} name={`present.${item.id}`} value="1" />
      {item.options.map((option) => (
        <label key={option.id} className="choice">
          <input type="checkbox" form={ANSWERS_FORM} name={`a.${item.id}`} value={option.id} defaultChecked={picked.includes(option.id)} />
          <span>{option.text}</span>
        </label>
      ))}
    </fieldset>
  )
}

function OrderingInput({ item, saved }: InputProps<'ordering'>) {
  const { t } = useTranslation()
  const order = Array.isArray(saved) && saved.length === item.entries.length ? (saved as string[]) : item.entries.map((e) => e.id)
  return (
    <fieldset className="choices">
      <legend className="prompt">{item.prompt}</legend>
      <p className="muted">{t('quiz.orderHint')}</p>
      {item.entries.map((entry) => (
        <label key={entry.id} className="choice order">
          <select form={ANSWERS_FORM} name={`o.${item.id}.${entry.id}`} defaultValue={String(order.indexOf(entry.id) + 1)}>
            {item.entries.map((_, i) => (
              <option key={i} value={String(i + 1)}>
                {i + 1}
              </option>
            ))}
          </select>
          <span>{entry.text}</span>
        </label>
      ))}
    </fieldset>
  )
}

function MatchingInput({ item, saved }: InputProps<'matching'>) {
  const { t } = useTranslation()
  const matches = saved && typeof saved === 'object' && !Array.isArray(saved) ? (saved as Record<string, string>) : {}
  return (
    <fieldset className="choices">
      <legend className="prompt">{item.prompt}</legend>
      <p className="muted">{t('quiz.matchHint')}</p>
      {item.lefts.map((left) => (
        <label key={left.id} className="match">
          <span className="match-left">{left.text}</span>
          <select form={ANSWERS_FORM} name={`m.${item.id}.${left.id}`} defaultValue={matches[left.id] ?? ''}>
            <option value="">{t('quiz.choose')}</option>
            {item.rights.map((right) => (
              <option key={right.id} value={right.id}>
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
      <label className="prompt" htmlFor={`text-${item.id}`}>
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
      <p className="prompt">{item.prompt ?? (i18n.language === 'en' ? item.title.en : item.title.zh)}</p>
      {item.transcript.map((turn, i) => (
        <div key={i}>
          <p className="bubble customer">
            <span className="who">
              {t('quiz.customer')} · {t(`quiz.mood.${turn.mood}`)}
            </span>
            {turn.customer}
          </p>
          <p className="bubble clerk">
            <span className="who">{t('quiz.you')}</span>
            {turn.reply}
          </p>
        </div>
      ))}
      {item.node.type === 'turn' ? (
        <>
          <p className="bubble customer current">
            <span className="who">
              {t('quiz.customer')} · {t(`quiz.mood.${item.node.mood}`)}
            </span>
            {item.node.customer}
          </p>
          <p className="muted">{t('quiz.chooseReply')}</p>
          <div className="replies">
            {item.node.replies.map((reply) => (
              <Form method="post" key={reply.id} preventScrollReset>
                <input type="hidden" name="intent" value="reply" />
                <input type="hidden" name="itemId" value={item.id} />
                <input type="hidden" name="replyId" value={reply.id} />
                <button type="submit" className="reply">
                  {reply.text}
                </button>
              </Form>
            ))}
          </div>
        </>
      ) : (
        <p className={`ending ending-${item.node.end}`}>
          <strong>{t(`quiz.ends.${item.node.end}`)}</strong> · {item.node.text}
        </p>
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

export function ItemInput({ item, saved }: { item: QuizItemView; saved: unknown }) {
  const Input = ITEM_INPUTS[item.type] as (props: { item: QuizItemView; saved: unknown }) => React.ReactElement
  return <Input item={item} saved={saved} />
}
