// One unit of the organisation: rename it, move it under another parent, or close it.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { PARENT_KIND } from '~/core/org-changes'
import { closeUnit, moveUnit, organisationForAdmin, renameUnit } from '~/server/org-admin.server'
import { UnitIntent, UnitParams } from '~/server/people-input.server'
import { badRequest, notFound, parseParams } from '~/server/responses.server'
import { requireArea } from '~/server/session.server'
import { PageHeader, unitName } from '~/ui/page'
import { MoveForm } from '~/ui/people/move-form'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { code } = parseParams(UnitParams, params)
  await requireArea({ request, context }, 'admin')
  const units = await organisationForAdmin()
  const unit = units.find((u) => u.code === code)
  if (!unit) notFound('unit')
  const parentKind = PARENT_KIND[unit.kind === 'region' || unit.kind === 'branch' ? unit.kind : 'hall']
  const parents = units.filter((u) => u.kind === parentKind && !u.closed && !unit.path.startsWith(u.path))
  return json({ unit, parents })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { code } = parseParams(UnitParams, params)
  const user = await requireArea({ request, context }, 'admin')
  const parsed = UnitIntent.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return json({ intent: null, error: parsed.error.issues[0]?.message ?? 'people.errors.required' }, { status: 400 })
  const now = new Date()
  const intent = parsed.data
  const outcome =
    intent.intent === 'rename'
      ? await renameUnit(user.viewer, code, { nameZh: intent.nameZh, nameEn: intent.nameEn }, now)
      : intent.intent === 'move'
        ? await moveUnit(user.viewer, code, intent.parentCode, now)
        : intent.intent === 'close'
          ? await closeUnit(user.viewer, code, now)
          : badRequest('unit intent')
  return json({ intent: intent.intent, error: outcome.ok ? null : outcome.error }, { status: outcome.ok ? 200 : 400 })
}

export default function OrganisationUnit() {
  const { unit, parents } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const { t, i18n } = useTranslation()
  const busy = useNavigation().state === 'submitting'
  return (
    <>
      <PageHeader title={unitName(unit, i18n.language)} lead={`${t(`units.${unit.kind}`)} · ${unit.code} · ${t('people.org.people', { count: unit.activePeople })}`} />
      {data?.error ? <p className="notice error" role="alert">{t(data.error)}</p> : null}
      {data && !data.error ? <p className="notice done" role="status">✓ {t(`people.org.done.${data.intent}`)}</p> : null}
      {unit.closed ? <p className="notice updated">{t('people.org.closedNotice')}</p> : null}
      <section className="card" aria-labelledby="rename-title">
        <h2 id="rename-title">{t('people.org.rename')}</h2>
        <Form method="post">
          <input type="hidden" name="intent" value="rename" />
          <div className="field">
            <label htmlFor="name-zh">{t('people.org.nameZh')}</label>
            <input id="name-zh" name="nameZh" defaultValue={unit.nameZh} required maxLength={64} />
          </div>
          <div className="field">
            <label htmlFor="name-en">{t('people.org.nameEn')}</label>
            <input id="name-en" name="nameEn" defaultValue={unit.nameEn} required maxLength={64} />
          </div>
          <button type="submit" className="button secondary" disabled={busy}>{t('people.org.renameSubmit')}</button>
        </Form>
      </section>
      {unit.kind !== 'region' && !unit.closed ? (
        <MoveForm
          field="parentCode"
          units={parents}
          labels={{ title: t('people.org.move'), choose: t('people.org.parent'), placeholder: t('people.org.chooseParent'), submit: t('people.org.moveSubmit') }}
          busy={busy}
        />
      ) : null}
      {!unit.closed ? (
        <section className="card" aria-labelledby="close-title">
          <h2 id="close-title">{t('people.org.close')}</h2>
          <p className="muted">{t('people.org.closeHint')}</p>
          <Form method="post">
            <button type="submit" name="intent" value="close" className="button secondary" disabled={busy}>{t('people.org.closeSubmit')}</button>
          </Form>
        </section>
      ) : null}
    </>
  )
}
