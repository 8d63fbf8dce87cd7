// A unit's overview for its manager: head figures, the two charts, its units, its courses, who is overdue, quiz
// pass rates, where clerks go wrong, star levels and pairings. Every figure links to the people or items behind it.
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { localized } from '~/ui/localized'
import { unitName } from '~/ui/page'
import { exportHref, peopleHref, quizHref, unitHref, type UnitRef } from './links'
import { Chart } from './chart'
import { Dated } from '~/ui/date-text'
import { StatGrid } from '~/ui/stat-grid'
import { StarsOverview, type StarsView } from './stars-overview'

interface Figure {
  learners: number
  assigned: number
  complete: number
  percent: number | null
  overdue: number
  overdueLearners: number
}
interface Labelled {
  quizId: string
  itemId: string
  facility: number
  attempts: number
  labelZh: string
  labelEn: string
  quizTitleZh: string
  quizTitleEn: string
}
export interface OverviewView {
  unit: UnitRef & { nameZh: string; nameEn: string }
  total: Figure
  newHires: number
  children: Array<UnitRef & { nameZh: string; nameEn: string; figure: Figure }>
  courses: Array<{ courseId: string; assigned: number; complete: number; percent: number | null; overdue: number; title: { titleZh: string; titleEn: string } }>
  overdue: Array<{ username: string; name: string; hallCode: string; overdue: number }>
  overdueTotal: number
  quizzes: Array<{ quizId: string; titleZh: string; titleEn: string; attempted: number; passed: number }>
  weakest: { attempts: number; from: string | null; to: string | null; items: Labelled[]; dialogues: Labelled[]; phrases: Array<{ id: string; phrase: string; suggestion: string; clerks: number; hits: number }> }
  charts: { byUnit: string | null; trend: string | null; starMix: string | null }
  stars: StarsView
}

const pct = (value: number | null) => (value === null ? '—' : `${value}%`)

function Figures({ view }: { view: OverviewView }) {
  const { t } = useTranslation()
  const { unit, total } = view
  return (
    <StatGrid
      stats={[
        { id: 'learners', value: total.learners, label: t('manageBoard.learners'), to: peopleHref(unit) },
        { id: 'completion', value: pct(total.percent), label: t('manageBoard.completion', { complete: total.complete, assigned: total.assigned }), to: peopleHref(unit, { sort: 'progress' }) },
        { id: 'overdue', value: total.overdueLearners, label: t('manageBoard.overduePeople'), to: peopleHref(unit, { overdue: '1' }) },
        { id: 'newHires', value: view.newHires, label: t('manage.newHires'), to: peopleHref(unit, { newHires: '1' }) },
      ]}
    />
  )
}

function Children({ view }: { view: OverviewView }) {
  const { t, i18n } = useTranslation()
  if (view.children.length === 0) return null
  return (
    <section className="card table-wrap">
      <h2 className="section-title">{t('manageBoard.units')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('manageBoard.unit')}</th>
            <th>{t('manageBoard.learners')}</th>
            <th>{t('manageBoard.done')}</th>
            <th>{t('manageBoard.overdue')}</th>
          </tr>
        </thead>
        <tbody>
          {view.children.map((c) => (
            <tr key={c.code}>
              <td>
                <Link to={unitHref(c)}>{unitName(c, i18n.language)}</Link>
              </td>
              <td>
                <Link to={peopleHref(c)}>{c.figure.learners}</Link>
              </td>
              <td>{c.figure.assigned ? <Link to={peopleHref(c, { sort: 'progress' })}>{pct(c.figure.percent)}</Link> : pct(c.figure.percent)}</td>
              <td>{c.figure.overdueLearners ? <Link to={peopleHref(c, { overdue: '1' })}>{c.figure.overdueLearners}</Link> : 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        <a href={exportHref('units', 'csv', view.unit)}>CSV</a> · <a href={exportHref('units', 'xlsx', view.unit)}>Excel</a>
      </p>
    </section>
  )
}

function Courses({ view }: { view: OverviewView }) {
  const { t, i18n } = useTranslation()
  return (
    <section className="card table-wrap">
      <h2 className="section-title">{t('manageBoard.courseFigures')}</h2>
      {view.courses.length === 0 ? (
        <p className="muted">{t('manageBoard.noAssignments')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('manageBoard.course')}</th>
              <th>{t('manageBoard.assigned')}</th>
              <th>{t('look.completed')}</th>
              <th>{t('manageBoard.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {view.courses.map((c) => (
              <tr key={c.courseId}>
                <td>{localized(c.title, 'title', i18n.language)}</td>
                <td>
                  <Link to={peopleHref(view.unit, { course: c.courseId })}>{c.assigned}</Link>
                </td>
                <td>
                  <Link to={peopleHref(view.unit, { course: c.courseId, sort: 'progress' })}>{t('look.countShare', { count: c.complete, share: pct(c.percent) })}</Link>
                </td>
                <td>{c.overdue ? <Link to={peopleHref(view.unit, { course: c.courseId, overdue: '1' })}>{c.overdue}</Link> : 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">
        <a href={exportHref('courses', 'csv', view.unit)}>CSV</a> · <a href={exportHref('courses', 'xlsx', view.unit)}>Excel</a>
      </p>
    </section>
  )
}

function Overdue({ view }: { view: OverviewView }) {
  const { t } = useTranslation()
  if (view.overdueTotal === 0) return null
  return (
    <section className="card">
      <h2 className="section-title">{t('manageBoard.whoIsOverdue')}</h2>
      <ul className="list">
        {view.overdue.map((p) => (
          <li key={p.username}>
            <Link className="row-link" to={`/people/${p.username}`}>
              <span>
                {p.name} <span className="muted">{p.hallCode}</span>
              </span>
              <span className="pill overdue">{t('manage.overdueCount', { count: p.overdue })}</span>
            </Link>
          </li>
        ))}
      </ul>
      {view.overdueTotal > view.overdue.length ? <Link to={peopleHref(view.unit, { overdue: '1' })}>{t('manageBoard.allOverdue', { count: view.overdueTotal })}</Link> : null}
    </section>
  )
}

function Quality({ view }: { view: OverviewView }) {
  const { t, i18n } = useTranslation()
  const { weakest } = view
  const list = (items: Labelled[]) => (
    <ul className="list">
      {items.map((i) => (
        <li key={`${i.quizId}/${i.itemId}`}>
          <Link className="row-link stacked" to={quizHref(i.quizId, view.unit)}>
            <span>
              {localized({ labelZh: i.labelZh, labelEn: i.labelEn }, 'label', i18n.language)}
              <br />
              <span className="muted">{localized({ titleZh: i.quizTitleZh, titleEn: i.quizTitleEn }, 'title', i18n.language)}</span>
            </span>
            <span className="muted">{t('manageBoard.facility', { facility: i.facility, count: i.attempts })}</span>
          </Link>
        </li>
      ))}
    </ul>
  )
  return (
    <>
      <section className="card table-wrap">
        <h2 className="section-title">{t('manageBoard.quizPass')}</h2>
        {view.quizzes.length === 0 ? (
          <p className="muted">{t('stats.noAttempts')}</p>
        ) : (
          <table>
            <tbody>
              {view.quizzes.map((q) => (
                <tr key={q.quizId}>
                  <td>
                    <Link to={quizHref(q.quizId, view.unit)}>{localized(q, 'title', i18n.language)}</Link>
                  </td>
                  <td>
                    <Link to={quizHref(q.quizId, view.unit)}>{t('manageBoard.passedOf', { passed: q.passed, attempted: q.attempted })}</Link>
                  </td>
                  <td>
                    <Link to={quizHref(q.quizId, view.unit)}>{pct(q.attempted ? Math.floor((q.passed / q.attempted) * 100) : null)}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {weakest.items.length ? (
        <section className="card">
          <h2 className="section-title">{t('manageBoard.weakestItems')}</h2>
          <p className="muted"><Dated text={t('quality.sample', { count: weakest.attempts, from: weakest.from, to: weakest.to })} /></p>
          {list(weakest.items)}
        </section>
      ) : null}
      {weakest.dialogues.length ? (
        <section className="card">
          <h2 className="section-title">{t('manageBoard.weakestDialogues')}</h2>
          {list(weakest.dialogues)}
        </section>
      ) : null}
      {weakest.phrases.length ? (
        <section className="card">
          <h2 className="section-title">{t('manageBoard.phrases')}</h2>
          <ul className="list">
            {weakest.phrases.map((p) => (
              <li key={p.id}>
                <strong>「{p.phrase}」</strong> <span className="muted">{t('manageBoard.phraseClerks', { count: p.clerks })}</span>
                <br />
                <span className="muted">{p.suggestion}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}

export function UnitOverview({ view }: { view: OverviewView }) {
  const { t } = useTranslation()
  return (
    <>
      <Figures view={view} />
      {view.charts.byUnit ? <Chart title={t('manageBoard.chartByUnit')} svg={view.charts.byUnit} /> : null}
      {view.charts.trend ? <Chart title={t('manageBoard.chartTrend')} svg={view.charts.trend} /> : null}
      <Children view={view} />
      <Courses view={view} />
      <Overdue view={view} />
      <Quality view={view} />
      <StarsOverview unit={view.unit} stars={view.stars} units={view.children.length ? view.children : [view.unit]} chart={view.charts.starMix} />
    </>
  )
}
