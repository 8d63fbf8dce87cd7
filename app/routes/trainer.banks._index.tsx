// /trainer/banks: trainers' question banks from Moodle. GET lists the banks; POST takes a GIFT or Moodle XML file
// (multipart, capped in server/body-limits.js): "check" reports per question what maps and what is refused, "import"
// stores the mappable ones in one transaction — refused questions block it unless the trainer ticks to skip them.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FileInput } from '~/ui/file-input'
import { PageHeader } from '~/ui/page'
import { bankFileLimit, readBankUpload, reportRows } from '~/server/question-bank-pages.server'
import { importQuestionBank, listQuestionBanks } from '~/server/question-banks.server'
import { requireArea } from '~/server/session.server'
import { Dated } from '~/ui/date-text'

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireArea({ request, context }, 'trainer')
  const banks = await listQuestionBanks()
  return json({ fileLimit: bankFileLimit, banks: banks.map((bank) => ({ ...bank, importedAt: bank.importedAt.toISOString().slice(0, 16).replace('T', ' ') })) })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireArea({ request, context }, 'trainer')
  const upload = await readBankUpload(request, context)
  if (!upload.ok) return json({ fileError: upload.problem, report: null, blocked: false }, { status: 400 })
  const outcome = await importQuestionBank(upload.file, {
    importedById: user.id,
    now: new Date(),
    dryRun: upload.intent === 'check',
    skipRefused: upload.skipRefused,
  })
  if (outcome.status === 'unreadable') return json({ fileError: outcome.reason, report: null, blocked: false }, { status: 400 })
  if (outcome.status === 'created' || outcome.status === 'already-imported') {
    return redirect(`/trainer/banks/${outcome.bankId}${outcome.status === 'already-imported' ? '?existing=1' : ''}`)
  }
  const blocked = upload.intent === 'import'
  return json({ fileError: null, report: reportRows(outcome.report), blocked }, { status: blocked ? 400 : 200 })
}

type Report = NonNullable<ReturnType<typeof reportRows>>

function ReportView({ report, blocked }: { report: Report; blocked: boolean }) {
  const { t } = useTranslation()
  const where = (position: { line: number } | { index: number }) =>
    'line' in position ? t('banks.line', { line: position.line }) : t('banks.index', { index: position.index })
  return (
    <section className="card" aria-live="polite">
      <h2 className="section-title">{t('banks.reportTitle')}</h2>
      <p>{t('banks.reportSummary', { created: report.created.length, refused: report.refused.length })}</p>
      {blocked ? <p className="notice updated" role="alert">{t('banks.blocked', { count: report.refused.length })}</p> : null}
      {report.refused.length ? (
        <>
          <h3>{t('banks.refusedTitle')}</h3>
          <ul className="error-list">
            {report.refused.map((row, index) => (
              <li key={index}>
                <strong>{where(row)}</strong> {t(`bankRefusals.${row.code}`, row.params)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report.created.length ? (
        <>
          <h3>{t('banks.createdTitle')}</h3>
          <ul className="list">
            {report.created.map((row, index) => (
              <li key={index}>
                <span className="pill">{t(`banks.types.${row.type}`)}</span> <span className="muted">{where(row.position)}</span> {row.title}
                {row.notes.map((note) => (
                  <p key={note} className="muted">
                    {note}
                  </p>
                ))}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}

export default function TrainerBanks() {
  const { banks, fileLimit } = useLoaderData<typeof loader>()
  const sent = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { t } = useTranslation()
  const fileError = sent?.fileError ? [t(`banks.fileErrors.${sent.fileError}`)] : undefined
  return (
    <>
      <p className="crumb">
        <Link to="/trainer">{t('trainer.title')}</Link>
      </p>
      <PageHeader title={t('banks.title')} lead={t('banks.lead')} />
      <section className="card">
        <Form method="post" encType="multipart/form-data">
          <div className="field">
            <label htmlFor="bank-file">{t('banks.file')}</label>
            <FileInput id="bank-file" name="file" accept=".gift,.txt,.xml,text/plain,text/xml,application/xml" maxBytes={fileLimit} errors={fileError} hintId="bank-file-hint" />
            <p id="bank-file-hint" className="muted">
              {t('banks.fileHint')}
            </p>
          </div>
          <div className="field checkbox">
            <label>
              <input type="checkbox" name="skipRefused" /> {t('banks.skipRefused')}
            </label>
          </div>
          <p className="button-row">
            <button type="submit" name="intent" value="check" className="button secondary" disabled={busy}>
              {t('banks.check')}
            </button>
            <button type="submit" name="intent" value="import" className="button" disabled={busy}>
              {busy ? t('banks.submitting') : t('banks.import')}
            </button>
          </p>
        </Form>
      </section>
      {sent?.report ? <ReportView report={sent.report} blocked={sent.blocked} /> : null}
      <h2 className="section-title">{t('banks.listTitle')}</h2>
      <section className="card">
        {banks.length === 0 ? <p className="muted">{t('banks.none')}</p> : null}
        <ul className="list">
          {banks.map((bank) => (
            <li key={bank.id}>
              <Link className="row-link stacked" to={`/trainer/banks/${bank.id}`}>
                <strong>{bank.name}</strong>
                <span className="muted">
                  <Dated text={t('banks.bankRow', { count: bank.itemCount, format: t(`banks.formats.${bank.format}`), when: bank.importedAt, who: bank.importedBy ?? t('banks.commandLine') })} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
