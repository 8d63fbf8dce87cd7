// Practice: type a reply and see the 服务禁语 in it highlighted with what to say instead; then the dialogue
// scenarios of every course to practise as often as wanted.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { checkReply, practiceScenarios } from '~/server/practice.server'
import { requireArea } from '~/server/session.server'
import { categorySlug } from '~/core/language/categories'
import { localized } from '~/ui/localized'
import { PageHeader } from '~/ui/page'
import { PhraseCheckForm } from '~/server/route-input.server'

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireArea({ request, context }, 'learn')
  return json({ courses: await practiceScenarios() })
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireArea({ request, context }, 'learn')
  const form = PhraseCheckForm.safeParse(Object.fromEntries(await request.formData()))
  if (!form.success) return json({ text: '', result: null, tooLong: true }, { status: 400 })
  return json({ text: form.data.text, result: checkReply(form.data.text), tooLong: false })
}

export default function Practice() {
  const { courses } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const { t, i18n } = useTranslation()
  const busy = useNavigation().state !== 'idle'
  return (
    <>
      <PageHeader title={t('practice.title')} lead={t('practice.intro')} />
      <section className="card">
        <Form method="post">
          <div className="field">
            <label htmlFor="reply">{t('practice.label')}</label>
            <textarea id="reply" name="text" rows={3} maxLength={500} defaultValue={data?.text ?? ''} placeholder={t('practice.placeholder')} lang="zh-CN" />
          </div>
          <button type="submit" className="button full" disabled={busy}>
            {t('practice.check')}
          </button>
        </Form>
        {data?.result ? (
          <div className="check-result" aria-live="polite">
            {data.result.hits === 0 ? (
              <p className="notice done">✓ {t('practice.clean')}</p>
            ) : (
              <>
                <p className="notice updated">{t('practice.hits', { count: data.result.hits })}</p>
                <p className="highlighted" lang="zh-CN">
                  {data.result.segments.map((s, i) =>
                    s.suggestion ? (
                      <mark key={i} title={s.suggestion}>
                        {s.text}
                      </mark>
                    ) : (
                      <span key={i}>{s.text}</span>
                    ),
                  )}
                </p>
                <ul className="suggestions">
                  {data.result.segments
                    .filter((s) => s.suggestion)
                    .map((s, i) => (
                      <li key={i}>
                        <mark>{s.text}</mark> <span className="pill overdue">{t(`lang.category.${categorySlug(s.category ?? '')}`)}</span> →{' '}
                        {t('practice.suggestion', { text: s.suggestion })}
                      </li>
                    ))}
                </ul>
              </>
            )}
          </div>
        ) : null}
      </section>
      <h2 className="section-title">{t('practice.scenarios')}</h2>
      {courses.map((course) => (
        <section key={course.courseId} className="card">
          <h3>{localized(course, 'title', i18n.language)}</h3>
          <ul className="list">
            {course.scenarios.map((s) => (
              <li key={s.quizId}>
                <Link className="row-link" to={`/quizzes/${s.quizId}`}>
                  <span>{localized(s, 'title', i18n.language)}</span>
                  <span aria-hidden="true">→</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  )
}
