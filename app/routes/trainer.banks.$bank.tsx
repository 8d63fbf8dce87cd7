// /trainer/banks/<id>: one bank's items, each previewed as a clerk would see it, with the export downloads.
// POST: the ticked items are added to a draft of a quiz the trainer may author, then the studio editor opens on it.
import { getFormProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BankPickForm, pickableQuizzes, pickBankItems } from '~/server/bank-picks.server'
import { bankPage } from '~/server/question-bank-pages.server'
import { prisma } from '~/server/db.server'
import { requireArea } from '~/server/session.server'
import { FieldError } from '~/ui/field-error'
import { PageHeader } from '~/ui/page'
import { ItemInput } from '~/ui/quiz/inputs'
import { Field } from '~/ui/forms'

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'trainer')
  const bank = await bankPage(params.bank ?? '')
  if (!bank) throw new Response('Not found', { status: 404 })
  return json({ bank, quizzes: await pickableQuizzes(user) })
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireArea({ request, context }, 'trainer')
  const bankId = params.bank ?? ''
  if (
    !(await prisma.questionBank.findUnique({
      where: { id: bankId },
      select: { id: true },
    }))
  )
    throw new Response('Not found', { status: 404 })
  const submission = parseWithZod(await request.formData(), {
    schema: BankPickForm,
  })
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 })
  const outcome = await pickBankItems(user, bankId, submission.value, new Date())
  if (!outcome.ok)
    return json(
      {
        result: submission.reply({
          fieldErrors: { [outcome.field]: [outcome.error] },
        }),
      },
      { status: 400 },
    )
  return redirect(`/trainer/studio/edit?path=${outcome.path}`)
}

export default function TrainerBank() {
  const { bank, quizzes } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const [search] = useSearchParams()
  const { t, i18n } = useTranslation()
  const [form, fields] = useForm({
    id: 'bank-pick',
    lastResult: data?.result,
    shouldRevalidate: 'onBlur',
  })
  const errors = (list?: string[]) => list?.map((key) => t(key))
  const ticked = new Set(Array.isArray(fields.items.initialValue) ? fields.items.initialValue : fields.items.initialValue ? [fields.items.initialValue] : [])
  return (
    <>
      <p className="crumb">
        <Link to="/trainer">{t('trainer.title')}</Link> / <Link to="/trainer/banks">{t('banks.title')}</Link>
      </p>
      <PageHeader
        title={bank.name}
        lead={t('banks.bankLead', {
          count: bank.items.length,
          format: t(`banks.formats.${bank.format}`),
          file: bank.fileName,
        })}
      />
      {search.get('existing') ? <p className="notice updated">{t('banks.existing')}</p> : null}
      <p>
        <a className="button secondary" href={`/trainer/banks/${bank.id}/export/gift`} download>
          {t('banks.exportGift')}
        </a>{' '}
        <a className="button secondary" href={`/trainer/banks/${bank.id}/export/xml`} download>
          {t('banks.exportXml')}
        </a>
      </p>
      <Form method="post" {...getFormProps(form)} noValidate>
        <section className="card">
          <h2 className="section-title">{t('banks.pick.title')}</h2>
          {quizzes.length === 0 ? <p className="muted">{t('banks.pick.noQuizzes')}</p> : null}
          <Field field={fields.quiz} label={t('banks.pick.quiz')} errors={errors(fields.quiz.errors)}>
            <select {...getSelectProps(fields.quiz)} key={fields.quiz.key}>
              <option value="">{t('banks.pick.chooseQuiz')}</option>
              {quizzes.map((quiz) => (
                <option key={quiz.path} value={quiz.path}>
                  {i18n.language === 'en' ? quiz.courseEn : quiz.courseZh} · {quiz.label}
                </option>
              ))}
            </select>
          </Field>
          <p className="muted">{t('banks.pick.hint')}</p>
          <FieldError id={fields.items.errorId} errors={errors(fields.items.errors)} />
          <button type="submit" className="button" disabled={busy || quizzes.length === 0}>
            {t('banks.pick.submit')}
          </button>
        </section>
        {bank.items.map((row, index) => (
          <section key={row.id} className="card" aria-label={t('banks.itemLabel', { number: index + 1 })}>
            <div className="field checkbox">
              <label>
                <input type="checkbox" name={fields.items.name} value={row.id} defaultChecked={ticked.has(row.id)} aria-describedby={fields.items.errorId} />{' '}
                {t('banks.pick.tick', { number: index + 1 })}
              </label>
            </div>
            <p className="muted">
              <span className="pill">{t(`banks.types.${row.type}`)}</span>{' '}
              {[
                row.name,
                row.category,
                'line' in row.position ? t('banks.line', { line: row.position.line }) : t('banks.index', { index: row.position.index }),
                t('banks.points', { points: row.points }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            {/* the clerk's view, answer key left out; disabled so nothing here is an answer */}
            <fieldset disabled className="bank-preview">
              <legend className="muted">{t('banks.preview')}</legend>
              <ItemInput item={row.view} saved={null} />
            </fieldset>
            {row.notes.map((note) => (
              <p key={note} className="muted">
                {note}
              </p>
            ))}
          </section>
        ))}
        {/* the same submit after the list, where the ticking ends */}
        <p>
          <button type="submit" className="button" disabled={busy || quizzes.length === 0}>
            {t('banks.pick.submit')}
          </button>
        </p>
      </Form>
    </>
  )
}
