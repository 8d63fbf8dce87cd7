// The pieces every item form is built from: a text, a long text, a number, a tick box, a choice, and lists that
// grow and shrink (conform's insert/remove, which also work without JavaScript). Errors sit beside their field.
import { getInputProps, getSelectProps, getTextareaProps, useFormMetadata, type FieldMetadata } from '@conform-to/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { FieldError } from '~/ui/field-error'

type Field = FieldMetadata<string | number | boolean | undefined>

export function TextField({ field, label, long = false }: { field: Field; label: string; long?: boolean }) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {long ? <textarea {...getTextareaProps(field)} rows={2} /> : <input {...getInputProps(field, { type: 'text' })} />}
      <FieldError id={field.errorId} errors={field.errors} />
    </div>
  )
}

export function NumberField({ field, label }: { field: Field; label: string }) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <input {...getInputProps(field, { type: 'number' })} step="any" inputMode="decimal" />
      <FieldError id={field.errorId} errors={field.errors} />
    </div>
  )
}

export function CheckField({ field, label }: { field: Field; label: string }) {
  return (
    <div className="field check-field">
      <label>
        <input {...getInputProps(field, { type: 'checkbox' })} /> {label}
      </label>
      <FieldError id={field.errorId} errors={field.errors} />
    </div>
  )
}

export function SelectField({ field, label, options }: { field: Field; label: string; options: Array<{ value: string; label: string }> }) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <select {...getSelectProps(field)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={field.errorId} errors={field.errors} />
    </div>
  )
}

/** A list of rows (options, pairs, entries, wordings): each row rendered by `row`, with remove, and one add button. */
export function RowList<Row>({
  list,
  legend,
  addLabel,
  newRow,
  row,
}: {
  list: FieldMetadata<Row[] | undefined>
  legend: string
  addLabel: string
  newRow: Row
  row: (field: FieldMetadata<Row>, index: number) => ReactNode
}) {
  const { t } = useTranslation()
  const form = useFormMetadata()
  const rows = list.getFieldList()
  return (
    <fieldset className="item-rows" aria-describedby={list.errorId}>
      <legend>{legend}</legend>
      <FieldError id={list.errorId} errors={list.errors} />
      <ol>
        {rows.map((field, index) => (
          <li key={field.key} className="item-row">
            {row(field, index)}
            <button {...form.remove.getButtonProps({ name: list.name, index })} className="button secondary small">
              {t('items.form.removeRow')}
            </button>
          </li>
        ))}
      </ol>
      <button {...form.insert.getButtonProps({ name: list.name, defaultValue: newRow as never })} className="button secondary small">
        {addLabel}
      </button>
    </fieldset>
  )
}

/** A list of plain texts (examples, model answers), one input each. */
export function TextList({ list, legend, addLabel, label }: { list: FieldMetadata<string[] | undefined>; legend: string; addLabel: string; label: string }) {
  return (
    <RowList<string> list={list} legend={legend} addLabel={addLabel} newRow="" row={(field, index) => <TextField field={field} label={`${label} ${index + 1}`} />} />
  )
}
