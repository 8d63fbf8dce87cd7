// Admins import accounts from a CSV or XLSX file: check it first (a dry run), then import — all rows or none.
// Every problem is listed with its row, column and reason; the one-time passwords are shown once, here.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { NEW_HIRE_DAYS } from '~/core/people'
import { ImportForm } from '~/server/people-input.server'
import { importAccounts, MAX_IMPORT_BYTES } from '~/server/people-import.server'
import { requireArea } from '~/server/session.server'
import { withUploadForm } from '~/server/upload-form.server'
import { ImportResult } from '~/ui/people/import-result'
import { FileInput } from '~/ui/file-input'
import { PageHeader } from '~/ui/page'

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireArea({ request, context }, 'admin')
  return json({ newHireDays: NEW_HIRE_DAYS, fileLimit: MAX_IMPORT_BYTES })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireArea({ request, context }, 'admin')
  if (!(request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')) return json({ outcome: { ok: false as const, fileError: 'not_a_table' as const } }, { status: 400 })
  // the file streams to disk with its own cap and is deleted once the import has read it
  return withUploadForm(request, MAX_IMPORT_BYTES, async (upload) => {
    if (!upload.ok && upload.problem === 'too_large') return json({ outcome: { ok: false as const, fileError: 'too_large' as const } }, { status: 413 })
    const form = upload.ok ? upload.form : new FormData()
    const intent = ImportForm.safeParse({ intent: form.get('intent') })
    const file = form.get('file')
    if (!intent.success || !(file instanceof Blob) || file.size === 0) return json({ outcome: { ok: false as const, fileError: 'empty' as const } }, { status: 400 })
    const fileName = file instanceof File ? file.name : 'upload'
    const outcome = await importAccounts(user.viewer, { bytes: new Uint8Array(await file.arrayBuffer()), fileName }, { apply: intent.data.intent === 'import' }, new Date())
    return json({ outcome }, { status: outcome.ok && outcome.problems.length === 0 ? 200 : 400 })
  }, { context })
}

export default function ImportPeople() {
  const { newHireDays, fileLimit } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const { t } = useTranslation()
  const busy = useNavigation().state === 'submitting'
  return (
    <>
      <PageHeader title={t('people.import.title')} lead={t('people.import.intro', { days: newHireDays })} />
      <section className="card">
        <p>
          {t('people.import.template')} <a href="/admin/people/template/xlsx">XLSX</a> · <a href="/admin/people/template/csv">CSV</a>
        </p>
        <p className="muted">{t('people.import.columns')}</p>
        <Form method="post" encType="multipart/form-data">
          <div className="field">
            <label htmlFor="import-file">{t('people.import.file')}</label>
            <FileInput id="import-file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" maxBytes={fileLimit} />
          </div>
          <div className="button-row">
            <button type="submit" name="intent" value="check" className="button secondary" disabled={busy}>
              {t('people.import.check')}
            </button>
            <button type="submit" name="intent" value="import" className="button" disabled={busy}>
              {t('people.import.submit')}
            </button>
          </div>
        </Form>
      </section>
      {data ? <ImportResult outcome={data.outcome} /> : null}
    </>
  )
}
