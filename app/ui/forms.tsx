// A form field as every form shows it (the Epic Stack's forms.tsx idea): its label, the control, and the error line
// beside it, tied together by the ids conform gives the field (the label names the control, the error describes
// it). One component, so that every form's fields look and read alike and none forgets its error line.
import type { ReactNode } from 'react'
import { FieldError } from './field-error'

export function Field({ field, label, errors, children }: { field: { id: string; errorId: string }; label: ReactNode; errors?: string[]; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {children}
      <FieldError id={field.errorId} errors={errors} />
    </div>
  )
}
