// One-time passwords, shown once to whoever created or reset the accounts, to hand over in person.
import { useTranslation } from 'react-i18next'

export function OneTimePasswordNotice({ accounts }: { accounts: Array<{ username: string; name: string; oneTimePassword: string }> }) {
  const { t } = useTranslation()
  return (
    <>
      <p className="notice updated">{t('people.oneTime.once')}</p>
      <div className="table-wrap">
        <table className="one-time">
          <thead>
            <tr>
              <th>{t('people.columns.username')}</th>
              <th>{t('people.columns.name')}</th>
              <th>{t('people.oneTime.password')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.username}>
                <td>{a.username}</td>
                <td>{a.name}</td>
                <td>
                  <code className="one-time-password">{a.oneTimePassword}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
