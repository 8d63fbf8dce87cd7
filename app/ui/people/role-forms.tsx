// Granting and removing roles on the account page: one small form per role the viewer may change
// (managers: the mentor role; admins: every role, a manager role on a chosen unit).
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Role } from '~/core/roles'
import { unitName } from '~/ui/page'

type Unit = { code: string; kind: string; nameZh: string; nameEn: string }

export function RoleForms({ grants, roles, units, busy }: { grants: Array<{ role: Role; unit: Unit | null }>; roles: Role[]; units: Unit[]; busy: boolean }) {
  const { t, i18n } = useTranslation()
  return (
    <section className="card" aria-labelledby="roles-title">
      <h2 id="roles-title">{t('people.account.roles')}</h2>
      <ul className="list">
        {grants.filter((g) => roles.includes(g.role)).map((g) => (
          <li key={`${g.role}${g.unit?.code ?? ''}`}>
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="role" value={g.role} />
              {g.unit ? <input type="hidden" name="unitCode" value={g.unit.code} /> : null}
              <span className="pill">{t(`roles.${g.role}`)}{g.unit ? ` · ${unitName(g.unit, i18n.language)}` : ''}</span>{' '}
              <button type="submit" className="link-button" disabled={busy}>{t('people.account.removeRole', { role: t(`roles.${g.role}`) })}</button>
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post">
        <input type="hidden" name="intent" value="grant" />
        <div className="field">
          <label htmlFor="grant-role">{t('people.account.grantRole')}</label>
          <select id="grant-role" name="role" required defaultValue={roles.length === 1 ? roles[0] : ''}>
            {roles.length > 1 ? <option value="" disabled>{t('people.account.chooseRole')}</option> : null}
            {roles.map((r) => (
              <option key={r} value={r}>{t(`roles.${r}`)}</option>
            ))}
          </select>
        </div>
        {units.length > 0 ? (
          <div className="field">
            <label htmlFor="grant-unit">{t('people.account.managerUnit')}</label>
            <select id="grant-unit" name="unitCode" defaultValue="">
              <option value="">{t('common.none')}</option>
              {units.map((u) => (
                <option key={u.code} value={u.code}>{t(`units.${u.kind}`)} · {unitName(u, i18n.language)}</option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" className="button secondary" disabled={busy}>{t('people.account.grantSubmit')}</button>
      </Form>
    </section>
  )
}
