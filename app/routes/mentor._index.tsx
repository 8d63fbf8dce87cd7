// A mentor's home: what waits for my sign-off first (one tap opens it: a note, sign), then my mentees.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { mentorAction, mentorHome } from '~/server/mentoring-pages.server'
import { requireArea } from '~/server/session.server'
import { bilingual } from '~/ui/mentoring/bilingual'
import { NoteForm } from '~/ui/mentoring/note-form'
import { PairingSummary } from '~/ui/mentoring/pairing-summary'
import { PageHeader } from '~/ui/page'
import { hallTime } from '~/ui/time-text'
import { Dated } from '~/ui/date-text'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'mentor')
  return json({ name: user.name, ...(await mentorHome(user, new Date())) })
}

// Signing from this list stays on this list: the same answer as /mentor/<pairing>, for the pairing the form names
// (the rules refuse a pairing that is not this mentor's).
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireArea({ request, context }, 'mentor')
  const formData = await request.formData()
  const { status, body } = await mentorAction(user, String(formData.get('pairingId') ?? ''), formData, new Date())
  return json(body, { status })
}

export default function MentorHome() {
  const { name, waiting, pairings, maxNote } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const { t, i18n } = useTranslation()
  return (
    <>
      <PageHeader title={t('mentor.title')} lead={t('home.greeting', { name })} />
      {data && 'done' in data && data.done ? (
        <p className="notice done" role="status">
          ✓ {t(data.done)}
        </p>
      ) : null}
      <p className="muted">{t('mentor.intro')}</p>
      <h2 className="section-title">
        {t('mentoring.mentorHome.waiting')} <span className="pill due">{waiting.length}</span>
      </h2>
      {waiting.length === 0 ? <p className="card muted">{t('mentoring.mentorHome.waitingEmpty')}</p> : null}
      {waiting.map((w) => (
        <details key={`${w.pairingId}-${w.itemId}`} className="card waiting-item">
          <summary>
            <strong>{bilingual(w.title, i18n.language)}</strong>
            <br />
            <span className="muted"><Dated text={t('mentoring.mentorHome.practisedOn', { name: w.mentee, week: w.week, when: hallTime(w.practisedAt) })} /></span>
          </summary>
          <p>{bilingual(w.observe, i18n.language)}</p>
          {w.note ? <p className="muted">{t('mentoring.mentorHome.menteeNote', { note: w.note })}</p> : null}
          {w.quizBlocked ? (
            <p className="notice updated">{t('mentoring.quizBlocked')}</p>
          ) : (
            <NoteForm
              id={`sign-${w.pairingId}-${w.itemId}`}
              hidden={{ pairingId: w.pairingId, itemId: w.itemId }}
              label={t('mentoring.item.note')}
              hint={t('mentoring.item.noteHint', { max: maxNote })}
              maxNote={maxNote}
              buttons={[
                { intent: 'sign', label: t('mentoring.item.sign') },
                { intent: 'sendBack', label: t('mentoring.item.sendBack'), secondary: true },
              ]}
            />
          )}
        </details>
      ))}
      <h2 className="section-title">{t('mentoring.mentorHome.mentees')}</h2>
      {pairings.length === 0 ? <p className="card muted">{t('mentoring.mentorHome.empty')}</p> : null}
      {pairings.map((state) => (
        <article key={state.pairing.id} className="card">
          <h3>{state.pairing.mentee.name}</h3>
          <PairingSummary state={state} show="mentee" />
          <Link className="button secondary" to={`/mentor/${state.pairing.id}`}>
            {t('mentoring.mentorHome.open')}
          </Link>
        </article>
      ))}
    </>
  )
}
