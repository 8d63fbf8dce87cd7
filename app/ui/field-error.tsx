// The error line beside a form field; always present so the layout does not jump.
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <p id={id} className="field-error" role={errors?.length ? 'alert' : undefined}>
      {errors?.join(' ')}
    </p>
  )
}
