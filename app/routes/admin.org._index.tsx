// Admins keep the organisation: the tree (with head counts and closed units marked) and a form to add a unit.
import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { createUnit, organisationForAdmin } from '~/server/org-admin.server'
import { NewUnitForm } from '~/server/people-input.server'
import { requireArea } from '~/server/session.server'
import { PageHeader, unitName } from '~/ui/page'
import { Field } from '~/ui/forms'

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireArea({ request, context }, 'admin')
  return json({ units: await organisationForAdmin() })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireArea({ request, context }, 'admin')
  const submission = parseWithZod(await request.formData(), { schema: NewUnitForm })
  if (submission.status !== 'success') return json({ result: submission.reply(), created: null }, { status: 400 })
  const outcome = await createUnit(user.viewer, { ...submission.value, parentCode: submission.value.parentCode ?? null }, new Date())
  if (!outcome.ok) return json({ result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.error] } }), created: null }, { status: 400 })
  return json({ result: submission.reply({ resetForm: true }), created: outcome.code })
}

export default function Organisation() {
  const { units } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const { t, i18n } = useTranslation()
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useForm({ id: 'new-unit', lastResult: data?.result, shouldRevalidate: 'onBlur' })
  const errors = (list?: string[]) => list?.map((key) => t(key))
  const parents = units.filter((u) => u.kind !== 'hall' && !u.closed)
  return (
    <>
      <PageHeader title={t('people.org.title')} lead={t('people.org.intro')} />
      <section className="card">
        <ul className="list">
          {units.map((u) => (
            <li key={u.code} style={{ paddingLeft: `${(u.path.split('/').length - 3) * 16}px` }}>
              <span className="pill">{t(`units.${u.kind}`)}</span> <Link to={`/admin/org/${u.code}`}>{unitName(u, i18n.language)}</Link>{' '}
              <span className="muted">{u.code} · {t('people.org.people', { count: u.activePeople })}</span>
              {u.closed ? <span className="pill overdue">{t('people.org.closed')}</span> : null}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="new-unit-title">
        <h2 id="new-unit-title">{t('people.org.create')}</h2>
        {data?.created ? <p className="notice done">✓ {t('people.org.created', { code: data.created })}</p> : null}
        <Form method="post" {...getFormProps(form)} noValidate>
          <Field field={fields.kind} label={t('people.org.kind')} errors={errors(fields.kind.errors)}>
            <select {...getSelectProps(fields.kind)} key={fields.kind.key}>
              <option value="hall">{t('units.hall')}</option>
              <option value="branch">{t('units.branch')}</option>
              <option value="region">{t('units.region')}</option>
            </select>
          </Field>
          <Field field={fields.parentCode} label={t('people.org.parent')} errors={errors(fields.parentCode.errors)}>
            <select {...getSelectProps(fields.parentCode)} key={fields.parentCode.key}>
              <option value="">{t('people.org.noParent')}</option>
              {parents.map((u) => (
                <option key={u.code} value={u.code}>{t(`units.${u.kind}`)} · {unitName(u, i18n.language)}</option>
              ))}
            </select>
          </Field>
          <Field field={fields.code} label={t('people.org.code')} errors={errors(fields.code.errors)}>
            <input {...getInputProps(fields.code, { type: 'text' })} key={fields.code.key} autoCapitalize="characters" />
          </Field>
          <Field field={fields.nameZh} label={t('people.org.nameZh')} errors={errors(fields.nameZh.errors)}>
            <input {...getInputProps(fields.nameZh, { type: 'text' })} key={fields.nameZh.key} />
          </Field>
          <Field field={fields.nameEn} label={t('people.org.nameEn')} errors={errors(fields.nameEn.errors)}>
            <input {...getInputProps(fields.nameEn, { type: 'text' })} key={fields.nameEn.key} />
          </Field>
          <button type="submit" className="button full" disabled={busy}>{t('people.org.createSubmit')}</button>
        </Form>
      </section>
    </>
  )
}
