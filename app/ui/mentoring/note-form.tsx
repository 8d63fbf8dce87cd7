// One small form on a mentoring page: a note (observation, reason, reflection) and one or more submit buttons,
// each sending its own intent. Errors stand beside the note, the text typed is kept; a double tap is harmless
// (the server records one change) and the buttons are disabled while the form is on its way.
import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FieldError } from '~/ui/field-error'
import { Field } from '~/ui/forms'

export interface MentoringActionData {
  formId: string
  result: SubmissionResult<string[]>
  done?: string
}

export function NoteForm({
  id,
  action,
  hidden,
  label,
  hint,
  buttons,
  maxNote,
  required,
}: {
  id: string
  action?: string
  hidden: Record<string, string | number>
  label: string
  hint?: string
  buttons: Array<{ intent: string; label: string; secondary?: boolean }>
  maxNote: number
  required?: boolean
}) {
  const { t } = useTranslation()
  const data = useActionData<MentoringActionData>()
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle' && navigation.formData?.get('formId') === id
  const lastResult = data?.formId === id ? data.result : undefined
  const [form, fields] = useForm({ id, lastResult, shouldRevalidate: 'onBlur' })
  const translate = (list?: string[]) => list?.map((key) => t(key, { max: maxNote }))
  return (
    <Form method="post" action={action} {...getFormProps(form)} noValidate className="note-form">
      <input type="hidden" name="formId" value={id} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {data?.formId === id && data.done ? <p className="notice done">✓ {t(data.done)}</p> : null}
      <Field field={fields.note} label={label} errors={translate(fields.note.errors)}>
        <textarea {...getTextareaProps(fields.note)} key={fields.note.key} rows={2} required={required} />
        {hint ? <p className="muted">{hint}</p> : null}
      </Field>
      <FieldError id={form.errorId} errors={translate(form.errors)} />
      <div className="actions">
        {buttons.map((b) => (
          <button key={b.intent} type="submit" name="intent" value={b.intent} className={b.secondary ? 'button secondary' : 'button'} disabled={busy}>
            {b.label}
          </button>
        ))}
      </div>
    </Form>
  )
}
