// Trainers and managers assign a course to a unit in their scope, with a due date. Errors stand beside
// their field with what was typed kept; a double submit creates one assignment.
import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { assignableCourses, assignableUnits, assignmentsVisibleTo, cancelAssignment, changeDueDay, createAssignment } from '~/server/assignments.server'
import { requireArea } from '~/server/session.server'
import { localized } from '~/ui/localized'
import { PageHeader, unitName } from '~/ui/page'
import { AssignForm, AssignmentChangeForm } from '~/server/route-input.server'
import { AssignmentList } from '~/ui/assignment-list'
import { Field } from '~/ui/forms'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'assign')
  const [units, courses, assignments] = await Promise.all([assignableUnits(user.viewer), assignableCourses(), assignmentsVisibleTo(user.viewer)])
  return json({ units, courses, assignments, requestKey: crypto.randomUUID() })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireArea({ request, context }, 'assign')
  const form = await request.formData()
  if (form.has('intent')) {
    // the list's own forms: move a due day or cancel one assignment
    const change = AssignmentChangeForm.safeParse(Object.fromEntries(form))
    if (!change.success) return json({ result: null, created: false, change: { id: String(form.get('assignmentId') ?? ''), error: 'assignChanges.dueInvalid' } }, { status: 400 })
    const outcome =
      change.data.intent === 'due' ? await changeDueDay(user.viewer, change.data.assignmentId, change.data.dueDay, new Date()) : await cancelAssignment(user.viewer, change.data.assignmentId, new Date())
    return json({ result: null, created: false, change: { id: change.data.assignmentId, error: outcome.ok ? null : outcome.error } }, { status: outcome.ok ? 200 : 400 })
  }
  const submission = parseWithZod(form, { schema: AssignForm })
  if (submission.status !== 'success') return json({ result: submission.reply(), created: false }, { status: 400 })
  const { audience, ...input } = submission.value
  const outcome = await createAssignment(user.viewer, { ...input, role: audience === 'everyone' ? null : audience }, new Date())
  if (!outcome.ok) return json({ result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.error] } }), created: false }, { status: 400 })
  return json({ result: submission.reply({ resetForm: true }), created: true })
}

export default function Assignments() {
  const { units, courses, assignments, requestKey } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const { t, i18n } = useTranslation()
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useForm({ id: 'assign', lastResult: data && 'result' in data ? data.result : undefined, shouldRevalidate: 'onBlur' })
  const errors = (list?: string[]) => list?.map((key) => t(key))
  return (
    <>
      <PageHeader title={t('assign.title')} lead={t('assign.intro')} />
      <section className="card">
        {data?.created ? <p className="notice done">✓ {t('assign.created')}</p> : null}
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="requestKey" value={requestKey} />
          <Field field={fields.courseId} label={t('assign.course')} errors={errors(fields.courseId.errors)}>
            <select {...getSelectProps(fields.courseId)} key={fields.courseId.key}>
              <option value="">{t('assign.chooseCourse')}</option>
              {courses.map((c) => (
                <option key={c.id} value={c.id}>
                  {localized(c, 'title', i18n.language)}
                </option>
              ))}
            </select>
          </Field>
          <Field field={fields.unitCode} label={t('assign.unit')} errors={errors(fields.unitCode.errors)}>
            <select {...getSelectProps(fields.unitCode)} key={fields.unitCode.key}>
              <option value="">{t('assign.chooseUnit')}</option>
              {units.map((u) => (
                <option key={u.code} value={u.code}>
                  {'　'.repeat(u.path.split('/').length - 3)}
                  {t(`units.${u.kind}`)} · {unitName(u, i18n.language)}
                </option>
              ))}
            </select>
          </Field>
          <Field field={fields.audience} label={t('assign.audience')} errors={errors(fields.audience.errors)}>
            <select {...getSelectProps(fields.audience)} key={fields.audience.key}>
              <option value="everyone">{t('assign.everyone')}</option>
              <option value="clerk">{t('assign.clerksOnly')}</option>
              <option value="mentor">{t('assign.mentorsOnly')}</option>
            </select>
          </Field>
          <div className="field checkbox">
            <label>
              <input {...getInputProps(fields.newHiresOnly, { type: 'checkbox' })} key={fields.newHiresOnly.key} /> {t('assign.newHiresOnly')}
            </label>
          </div>
          <Field field={fields.personUsername} label={t('assignChanges.person')} errors={errors(fields.personUsername.errors)}>
            <input {...getInputProps(fields.personUsername, { type: 'text' })} key={fields.personUsername.key} autoComplete="off" />
            <p className="muted">{t('assignChanges.personHint')}</p>
          </Field>
          <Field field={fields.dueDay} label={t('assign.dueDay')} errors={errors(fields.dueDay.errors)}>
            <input {...getInputProps(fields.dueDay, { type: 'date' })} key={fields.dueDay.key} />
            <p className="muted">{t('assign.dueHint')}</p>
          </Field>
          <button type="submit" className="button full" disabled={busy}>
            {busy ? t('assign.submitting') : t('assign.submit')}
          </button>
        </Form>
      </section>
      <AssignmentList assignments={assignments} change={data && 'change' in data ? data.change : null} />
    </>
  )
}
