// The studio's course tree: every course the trainer may author, its course.yaml and modules in reading order,
// its quizzes and dialogue scenarios; files with an unpublished draft are marked. Courses fold (<details>, no
// JavaScript needed): the one the trainer came back from is open (app/core/studio/tree-open.ts).
import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { currentCourseId, openCourseIds } from '~/core/studio/tree-open'
import { requireArea } from '~/server/session.server'
import { studioTree, type TreeEntry } from '~/server/studio/studio-pages.server'
import { localized } from '~/ui/localized'
import { PageHeader } from '~/ui/page'
import studioStyles from '~/styles/studio.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: studioStyles }]

// ?from=<path>: the file whose editor linked back here; anything else is as if none was named
const CameFrom = z.string().max(300).nullable().catch(null)

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'trainer')
  const cameFrom = CameFrom.parse(new URL(request.url).searchParams.get('from'))
  const courses = await studioTree(user)
  const filesOf = courses.map((c) => ({ id: c.id, files: [...c.files, ...c.quizzes, ...c.scenarios] }))
  return json({ courses, open: [...openCourseIds(filesOf, cameFrom)], current: currentCourseId(filesOf, cameFrom), isAdmin: user.roles.includes('admin') })
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
  const { courses, open, current, isAdmin } = useLoaderData<typeof loader>()
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
        <details className="card studio-course" key={course.id} id={course.id === current ? 'current' : undefined} open={open.includes(course.id)}>
          <summary>
            <h2>{localized(course, 'title', i18n.language)}</h2>
            {[...course.files, ...course.quizzes, ...course.scenarios].some((f) => f.draft) ? <span className="badge">{t('studio.tree.draft')}</span> : null}
            <span className="muted">{t('walk.studioTree.counts', { modules: course.files.length - 1, quizzes: course.quizzes.length, scenarios: course.scenarios.length })}</span>
          </summary>
          <Files title={t('studio.tree.modules')} files={course.files} />
          <Files title={t('studio.tree.quizzes')} files={course.quizzes} />
          <Files title={t('studio.tree.scenarios')} files={course.scenarios} editor="scenario" />
        </details>
      ))}
    </>
  )
}
