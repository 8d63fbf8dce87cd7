// What an account import found or did: the file refused, every problem (row, column, reason), or the accounts
// created with their one-time passwords, shown this once.
import { useTranslation } from 'react-i18next'
import type { ImportOutcome } from '~/server/people-import.server'
import { OneTimePasswordNotice } from './one-time-password'

export function ImportResult({ outcome }: { outcome: ImportOutcome }) {
  const { t } = useTranslation()
  if (!outcome.ok) {
    return (
      <section className="card" role="alert">
        <p className="notice error">{t(`people.import.fileErrors.${outcome.fileError}`)}</p>
      </section>
    )
  }
  if (outcome.problems.length > 0) {
    return (
      <section className="card" role="alert" aria-labelledby="import-problems">
        <h2 id="import-problems">{t('people.import.problems', { count: outcome.problems.length })}</h2>
        <p className="muted">{t('people.import.nothingStored')}</p>
        <div className="table-wrap">
          <table className="problems">
            <thead>
              <tr>
                <th>{t('people.import.row')}</th>
                <th>{t('people.import.column')}</th>
                <th>{t('people.import.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {outcome.problems.map((p) => (
                <tr key={`${p.line}-${p.column}-${p.reason}`}>
                  <td>{p.line}</td>
                  <td>{t(`people.columns.${p.column}`)}</td>
                  <td>{t(`people.import.reasons.${p.reason}`, { value: p.value, line: p.otherLine ?? '' })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    )
  }
  if (!outcome.applied) {
    return (
      <section className="card" role="status">
        <p className="notice done">✓ {t('people.import.checked', { rows: outcome.rows, create: outcome.toCreate, unchanged: outcome.unchanged })}</p>
      </section>
    )
  }
  return (
    <section className="card" role="status" aria-labelledby="import-done">
      <h2 id="import-done">{t('people.import.done', { count: outcome.created.length, unchanged: outcome.unchanged })}</h2>
      {outcome.created.length > 0 ? <OneTimePasswordNotice accounts={outcome.created} /> : null}
    </section>
  )
}
