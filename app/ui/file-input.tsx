// A file field that refuses a file larger than the page accepts before it is sent: the message shows beside the
// field and the browser will not submit the form (setCustomValidity), so a clerk on a slow line does not upload
// megabytes only to be told no, and nothing else typed in the form is lost. The server still checks every body
// (server/body-gate.js, then the route's own cap); this only spares the round trip.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FieldError } from './field-error'

/** "600 KB", "2.5 MB": the size a person reads, rounded as a file manager would. */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  const mb = bytes / (1024 * 1024)
  return `${mb < 10 ? Math.round(mb * 10) / 10 : Math.round(mb)} MB`
}

interface FileInputProps {
  id: string
  name: string
  accept: string
  maxBytes: number
  /** The server's refusal of the last upload, shown until another file is chosen. */
  errors?: string[]
  hintId?: string
}

export function FileInput({ id, name, accept, maxBytes, errors, hintId }: FileInputProps) {
  const { t } = useTranslation()
  const [tooLarge, setTooLarge] = useState<string | null>(null)
  const [chosen, setChosen] = useState(false)
  const shown = tooLarge ? [tooLarge] : chosen ? undefined : errors
  return (
    <>
      <input
        id={id}
        name={name}
        type="file"
        accept={accept}
        required
        aria-invalid={shown?.length ? true : undefined}
        aria-describedby={[`${id}-error`, hintId].filter(Boolean).join(' ')}
        onChange={(event) => {
          const input = event.currentTarget
          const file = input.files?.[0]
          const message = file && file.size > maxBytes ? t('upload.tooLarge', { size: fileSize(file.size), limit: fileSize(maxBytes) }) : null
          input.setCustomValidity(message ?? '')
          setTooLarge(message)
          setChosen(true)
        }}
      />
      <FieldError id={`${id}-error`} errors={shown} />
    </>
  )
}
