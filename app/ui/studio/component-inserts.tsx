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

export function ComponentInserts({ onInsert }: { onInsert(snippet: string): void }) {
  const { t } = useTranslation()
  return (
    <div className="studio-toolbar" role="toolbar" aria-label={t('studio.insert.label')}>
      {Object.keys(MDX_COMPONENTS).map((name) => (
        <InsertForm key={name} name={name} onInsert={onInsert} />
      ))}
      <InsertImage onInsert={onInsert} />
    </div>
  )
}

function InsertImage({ onInsert }: { onInsert(snippet: string): void }) {
  const { t } = useTranslation()
  const [file, setFile] = useState('')
  const [alt, setAlt] = useState('')
  const valid = /^[a-z0-9][a-z0-9-]*\.(svg|png)$/.test(file) && /[\u4e00-\u9fff]/.test(alt)
  return (
    <details className="studio-insert">
      <summary>{t('studio.insert.image')}</summary>
      <label>
        {t('studio.insert.imageFile')} *
        <input value={file} placeholder="counter-layout.svg" onChange={(e) => setFile(e.currentTarget.value)} />
      </label>
      <label>
        {t('studio.insert.imageAlt')} *
        <input value={alt} onChange={(e) => setAlt(e.currentTarget.value)} />
      </label>
      <button type="button" className="button secondary" disabled={!valid} onClick={() => onInsert(`\n![${alt.replace(/[[\]]/g, '')}](images/${file})\n`)}>
        {t('studio.insert.button')}
      </button>
      {!valid ? <small className="muted">{t('studio.insert.imageRule')}</small> : null}
    </details>
  )
}
