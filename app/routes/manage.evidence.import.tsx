// /manage/evidence/import: a manager imports inspections, ratings or complaints for their halls (GET: the
// form, the templates and the list of imports; POST: the upload — the one route with a 10 MB body cap).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { EVIDENCE_KINDS } from '~/core/stars/evidence-files/registry'
import { requireArea } from '~/server/session.server'
import { withUploadForm } from '~/server/upload-form.server'
import { MAX_EVIDENCE_BYTES, evidenceImports, importEvidence, type ImportOutcome } from '~/server/stars/evidence-import.server'
import { EvidenceImportFields } from '~/server/stars/stars-input.server'
import { FileInput } from '~/ui/file-input'
import { PageHeader } from '~/ui/page'
import { Dated } from '~/ui/date-text'

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireArea({ request, context }, 'manage')
  const imports = await evidenceImports()
  return json({ kinds: EVIDENCE_KINDS, fileLimit: MAX_EVIDENCE_BYTES, imports: imports.map((i) => ({ id: i.id, kind: i.kind, file: i.fileName, rows: i.rows, name: i.importedBy, when: i.createdAt.toISOString().slice(0, 16).replace('T', ' ') })) })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireArea({ request, context }, 'manage')
  const refuse = (reason: string) => json<{ outcome: ImportOutcome }>({ outcome: { ok: false, problems: [{ row: 0, column: '', reason }] } }, { status: 400 })
  // the file streams to disk with its own cap and is deleted once the import has read it
  return withUploadForm(request, MAX_EVIDENCE_BYTES, async (upload) => {
    if (!upload.ok) return refuse('file-too_large')
    const form = upload.form
    const fields = EvidenceImportFields.safeParse({ kind: form.get('kind'), dryRun: form.get('dryRun') })
    const file = form.get('file')
    if (!fields.success || !(file instanceof File) || file.size === 0) return refuse('file-empty')
    const outcome = await importEvidence({
      viewer: user.viewer,
      kind: fields.data.kind,
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      dryRun: fields.data.dryRun,
      now: new Date(),
    })
    return json({ outcome }, { status: outcome.ok ? 200 : 400 })
  }, { context })
}

function Outcome({ outcome }: { outcome: ImportOutcome }) {
  const { t } = useTranslation()
  if (outcome.ok) return <p className="notice done">✓ {t(outcome.dryRun ? 'stars.evidence.dryRunDone' : 'stars.evidence.imported', outcome)}</p>
  return (
    <div className="notice updated" role="alert">
      <p>{t('stars.evidence.rejected', { count: outcome.problems.length })}</p>
      <ul className="error-list">
        {outcome.problems.map((p, i) => {
          const reason = t(`stars.evidence.reasons.${p.reason}`, { ...p.values, interpolation: { escapeValue: false } })
          return <li key={i}>{p.row === 0 ? t('stars.evidence.fileError', { reason }) : t('stars.evidence.rowError', { row: p.row, column: p.column, reason, interpolation: { escapeValue: false } })}</li>
        })}
      </ul>
    </div>
  )
}

export default function EvidenceImportPage() {
  const { kinds, imports, fileLimit } = useLoaderData<typeof loader>()
  const sent = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('stars.evidence.title')} lead={t('stars.evidence.lead')} />
      {sent ? <Outcome outcome={sent.outcome} /> : null}
      <section className="card">
        <Form method="post" encType="multipart/form-data">
          <div className="field">
            <label htmlFor="evidence-kind">{t('stars.evidence.kind')}</label>
            <select id="evidence-kind" name="kind">
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`stars.evidence.kinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="evidence-file">{t('stars.evidence.file')}</label>
            <FileInput id="evidence-file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" maxBytes={fileLimit} />
          </div>
          <div className="field checkbox">
            <label>
              <input type="checkbox" name="dryRun" defaultChecked /> {t('stars.evidence.dryRun')}
            </label>
          </div>
          <button type="submit" className="button full" disabled={busy}>
            {busy ? t('stars.evidence.submitting') : t('stars.evidence.submit')}
          </button>
        </Form>
        <p className="muted">
          {t('stars.evidence.templates')}{' '}
          {kinds.map((k) => (
            <span key={k}>
              {t(`stars.evidence.kinds.${k}`)} <a href={`/manage/evidence/template/${k}.xlsx`}>XLSX</a> / <a href={`/manage/evidence/template/${k}.csv`}>CSV</a>{' '}
            </span>
          ))}
        </p>
      </section>
      <section className="card">
        <h2 className="section-title">{t('stars.evidence.history')}</h2>
        {imports.length === 0 ? <p className="muted">{t('stars.evidence.noHistory')}</p> : null}
        <ul className="list">
          {imports.map((i) => (
            <li key={i.id}>
              <span className="pill">{t(`stars.evidence.kinds.${i.kind}`)}</span> <Dated text={t('stars.evidence.historyRow', { when: i.when, name: i.name, file: i.file, rows: i.rows })} />
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
