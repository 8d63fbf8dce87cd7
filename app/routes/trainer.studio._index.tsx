// The studio's course tree: every course the trainer may author, its course.yaml and modules in reading order,
// its quizzes and dialogue scenarios; files with an unpublished draft are marked.
import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireArea } from '~/server/session.server'
import { studioTree, type TreeEntry } from '~/server/studio/studio-pages.server'
import { localized } from '~/ui/localized'
import { PageHeader } from '~/ui/page'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'trainer')
  return json({ courses: await studioTree(user), isAdmin: user.roles.includes('admin') })
}

// scenarios open in the graph editor; everything else in the text editor
function Files({ title, files, editor = 'edit' }: { title: string; files: TreeEntry[]; editor?: 'edit' | 'scenario' }) {
  const { t } = useTranslation()
  if (files.length === 0) return null
  return (
    <>
      <h3>{title}</h3>
      <ul className="list">
        {files.map((f) => (
          <li key={f.path}>
            <Link className="row-link" to={`/trainer/studio/${editor}?path=${encodeURIComponent(f.path)}`}>
              <span>{f.label}</span>
              {f.draft ? <span className="badge">{t('studio.tree.draft')}</span> : null}
            </Link>
          </li>
        ))}
      </ul>
    </>
  )
}

export default function StudioTree() {
  const { courses, isAdmin } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  return (
    <>
      <PageHeader title={t('studio.title')} lead={t('studio.tree.lead')} />
      <p className="crumb">
        <Link to="/trainer/studio/reviews">{t('studioReview.title')}</Link>
        {isAdmin ? <> · <Link to="/admin/studio">{t('studioAdmin.title')}</Link></> : null}
      </p>
      {courses.length === 0 ? <p className="muted">{t('studio.tree.none')}</p> : null}
      {courses.map((course) => (
        <section className="card" key={course.id}>
          <h2>{localized(course, 'title', i18n.language)}</h2>
          <Files title={t('studio.tree.modules')} files={course.files} />
          <Files title={t('studio.tree.quizzes')} files={course.quizzes} />
          <Files title={t('studio.tree.scenarios')} files={course.scenarios} editor="scenario" />
        </section>
      ))}
    </>
  )
}
