// The 晨会 pack of a hall: one A4 page in print, one column on a phone. 403 for a hall out of scope.
import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Fragment } from 'react'
import { hallDay } from '~/core/dates'
import { overdueByCourse } from '~/core/overdue-by-course'
import { unitInScope } from '~/server/manage.server'
import { refuseOtherUnit } from '~/server/manage-people.server'
import { morningPackFor } from '~/server/morning-pack.server'
import { parseParams } from '~/server/responses.server'
import { HallParams } from '~/server/route-input.server'
import { requireArea } from '~/server/session.server'
import { unitName } from '~/ui/page'
import { Dated } from '~/ui/date-text'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { code } = parseParams(HallParams, params)
  const user = await requireArea({ request, context }, 'manage')
  const { unit } = await unitInScope(user.viewer, code, 'hall')
  await refuseOtherUnit(user.viewer, new URL(request.url).searchParams, unit.code)
  const now = new Date()
  return json({ hall: unit, day: hallDay(now), pack: await morningPackFor(unit.path, now) })
}

export default function MorningPack() {
  const { hall, day, pack } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const quizTitle = (id: string) => (i18n.language === 'en' ? pack.quizTitles[id]?.en : pack.quizTitles[id]?.zh) ?? id
  return (
    <article className="morning-pack">
      <nav className="crumb">
        <Link to={`/manage/halls/${hall.code}`}>{unitName(hall, i18n.language)}</Link>
      </nav>
      <h1><Dated text={t('morning.title', { hall: unitName(hall, i18n.language), day })} /></h1>
      <p className="muted">{pack.sampleFrom ? <Dated text={t('quality.morningBasis', { count: pack.attempts, from: pack.sampleFrom, to: pack.sampleTo })} /> : t('quality.noSample')}</p>
      <section>
        <h2>{t('morning.phrases')}</h2>
        {pack.phrases.length === 0 ? (
          <p className="muted">{t('morning.noPhrases')}</p>
        ) : (
          <ol>
            {pack.phrases.map((p) => (
              <li key={p.id}>
                <s>「{p.phrase}」</s> → <strong>{p.suggestion}</strong> <span className="muted">{t('manageBoard.phraseClerks', { count: p.clerks })}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section>
        <h2>{t('morning.case')}</h2>
        {pack.dialogue ? (
          <>
            <p>
              <strong>{i18n.language === 'en' ? pack.dialogue.title.en : pack.dialogue.title.zh}</strong>{' '}
              <span className="muted">{t('manageBoard.facility', { facility: pack.dialogue.facility, count: pack.dialogue.attempts })}</span>
            </p>
            <ol className="morning-path">
              {pack.dialogue.path.map((step, i) => (
                <li key={i}>
                  <span className="muted">{t('morning.customer')}</span>
                  {step.customer}
                  <br />
                  <span className="muted">{t('morning.reply')}</span>
                  <strong>{step.reply}</strong>
                  <br />
                  <span className="muted">{t('morning.why')}</span>
                  {step.why}
                </li>
              ))}
            </ol>
            {pack.dialogue.ending ? <p className="muted">{pack.dialogue.ending}</p> : null}
          </>
        ) : (
          <p className="muted">{t('morning.noDialogue')}</p>
        )}
      </section>
      <section>
        <h2>{t('morning.items')}</h2>
        {pack.items.length === 0 ? (
          <p className="muted">{t('morning.noItems')}</p>
        ) : (
          <ol>
            {pack.items.map((item) => (
              <li key={`${item.quizId}/${item.itemId}`}>
                {item.prompt} <span className="muted">{quizTitle(item.quizId)} · {t('manageBoard.facility', { facility: item.facility, count: item.attempts })}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section>
        <h2>{t('morning.overdue')}</h2>
        {pack.overdue.length === 0 ? (
          <p className="muted">{t('morning.noneOverdue')}</p>
        ) : (
          <ul className="overdue-list">
            {overdueByCourse(pack.overdue).map(({ course, people }) => (
              <li key={course}>
                <strong>{course}</strong> <span className="muted">{t('morningOverdue.people', { count: people.length })}</span>{' '}
                {people.map((p, i) => (
                  <Fragment key={p.username}>
                    {i ? t('morningOverdue.separator') : null}
                    <Link to={`/people/${p.username}`}>{p.name}</Link>
                  </Fragment>
                ))}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="no-print">
        <button type="button" className="button secondary" onClick={() => window.print()}>
          {t('morning.print')}
        </button>
      </p>
    </article>
  )
}
