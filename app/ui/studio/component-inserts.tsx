// The toolbar: one small form per component of MDX_COMPONENTS (its attributes, required ones marked), so a
// trainer never has to remember attribute names. Inserting writes the tag at the cursor.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MDX_COMPONENTS } from '~/core/content/mdx-components'

/** Components that wrap content, written with an opening and closing tag. */
const WRAPPERS = new Set(['Case', 'Steps', 'Checklist', 'Tip', 'Warn'])

const quote = (value: string) => value.replace(/"/g, '＂').replace(/[\r\n]+/g, ' ')

export function componentSnippet(name: string, values: Record<string, string>): string {
  const rule = MDX_COMPONENTS[name]
  const attributes = [...rule.required, ...rule.optional]
    .filter((a) => rule.required.includes(a) || values[a]?.trim())
    .map((a) => ` ${a}="${quote(values[a] ?? '')}"`)
    .join('')
  return WRAPPERS.has(name) ? `\n<${name}${attributes}>\n\n${name === 'Steps' || name === 'Checklist' ? '1. \n' : ''}\n</${name}>\n` : `\n<${name}${attributes}/>\n`
}

function InsertForm({ name, onInsert }: { name: string; onInsert(snippet: string): void }) {
  const { t } = useTranslation()
  const rule = MDX_COMPONENTS[name]
  const [values, setValues] = useState<Record<string, string>>({})
  const missing = rule.required.filter((a) => !values[a]?.trim())
  return (
    <details className="studio-insert">
      <summary>{name}</summary>
      {[...rule.required, ...rule.optional].map((a) => (
        <label key={a}>
          {a}
          {rule.required.includes(a) ? ' *' : ''}
          <input value={values[a] ?? ''} onChange={(e) => setValues({ ...values, [a]: e.currentTarget.value })} />
        </label>
      ))}
      <button
        type="button"
        className="button secondary"
        disabled={missing.length > 0}
        onClick={() => {
          onInsert(componentSnippet(name, values))
          setValues({})
        }}
      >
        {t('studio.insert.button')}
      </button>
      {missing.length ? <small className="muted">{t('studio.insert.required', { names: missing.join(', ') })}</small> : null}
    </details>
  )
}

export function ComponentInserts({ modulePath, onInsert }: { modulePath: string; onInsert(snippet: string): void }) {
  const { t } = useTranslation()
  return (
    <div className="studio-toolbar" role="toolbar" aria-label={t('studio.insert.label')}>
      {Object.keys(MDX_COMPONENTS).map((name) => (
        <InsertForm key={name} name={name} onInsert={onInsert} />
      ))}
      <InsertImage modulePath={modulePath} onInsert={onInsert} />
    </div>
  )
}

/** Uploads a picture into the module's course images/ folder (a draft published with the module), then inserts it. */
function InsertImage({ modulePath, onInsert }: { modulePath: string; onInsert(snippet: string): void }) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [alt, setAlt] = useState('')
  const [error, setError] = useState<{ field: string; message: string } | null>(null)
  const [busy, setBusy] = useState(false)
  async function upload(form: HTMLFormElement) {
    setBusy(true)
    setError(null)
    try {
      const body = new FormData(form)
      body.set('path', modulePath)
      const response = await fetch('/trainer/studio/images', { method: 'POST', body })
      if (response.status === 413) return setError({ field: 'file', message: t('studioUploads.refused.body') })
      const result = (await response.json()) as { ok: true; markdown: string } | { ok: false; field: string; key: string; values: Record<string, string> }
      if (!result.ok) return setError({ field: result.field, message: t(result.key, result.values) })
      onInsert(result.markdown)
      form.reset()
      setName('')
      setAlt('')
    } catch {
      setError({ field: 'file', message: t('studioUploads.refused.network') })
    } finally {
      setBusy(false)
    }
  }
  const fieldError = (field: string) => (error?.field === field ? <small className="field-error" role="alert">{error.message}</small> : null)
  return (
    <details className="studio-insert">
      <summary>{t('studio.insert.image')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void upload(e.currentTarget)
        }}
      >
        <label>
          {t('studioUploads.file')} *
          <input type="file" name="file" accept=".png,.svg,image/png,image/svg+xml" required onChange={(e) => setName(e.currentTarget.files?.[0]?.name.toLowerCase().replace(/[^a-z0-9.-]+/g, '-') ?? '')} />
          {fieldError('file')}
        </label>
        <label>
          {t('studio.insert.imageFile')} *
          <input name="name" value={name} placeholder="counter-layout.svg" onChange={(e) => setName(e.currentTarget.value)} />
          {fieldError('name')}
        </label>
        <label>
          {t('studio.insert.imageAlt')} *
          <input name="alt" value={alt} onChange={(e) => setAlt(e.currentTarget.value)} />
          {fieldError('alt')}
        </label>
        <button type="submit" className="button secondary" disabled={busy}>
          {t('studioUploads.upload')}
        </button>
        <small className="muted">{t('studioUploads.rule')}</small>
      </form>
    </details>
  )
}
