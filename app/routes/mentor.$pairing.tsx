// One mentee's pairing: the checklist by week (sign, send back, amend), the check-ins, the history.
// Open to the pairing's mentor, its mentee and whoever runs pairings in the mentee's hall.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { PairingParams } from '~/server/mentoring-input.server'
import { mentorAction, pairingPage } from '~/server/mentoring-pages.server'
import { parseParams } from '~/server/responses.server'
import { requireUser } from '~/server/session.server'
import { CheckIns } from '~/ui/mentoring/check-ins'
import { Checklist, type ItemData } from '~/ui/mentoring/checklist'
import { PairingHistory } from '~/ui/mentoring/pairing-history'
import { NoteForm } from '~/ui/mentoring/note-form'
import { PairingSummary } from '~/ui/mentoring/pairing-summary'
import { PageHeader } from '~/ui/page'

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { pairing } = parseParams(PairingParams, params)
  const user = await requireUser({ request, context })
  return json(await pairingPage(user, pairing, new Date()))
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { pairing } = parseParams(PairingParams, params)
  const user = await requireUser({ request, context })
  const { status, body } = await mentorAction(user, pairing, await request.formData(), new Date())
  return json(body, { status })
}

export default function PairingPage() {
  const { state, history, names, passed, links, isMentor, maxNote } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const active = state.pairing.status === 'active'
  const itemForm = (item: ItemData) => {
    if (!isMentor) return null
    const hidden = { pairingId: state.pairing.id, itemId: item.id }
    if (item.state === 'signed')
      return (
        <details>
          <summary>{t('mentoring.item.amend')}</summary>
          <NoteForm id={`amend-${item.id}`} hidden={hidden} label={t('mentoring.item.amendNote')} maxNote={maxNote} buttons={[{ intent: 'amend', label: t('mentoring.item.amend') }]} required />
        </details>
      )
    if (!active || item.state !== 'practised') return null
    if (item.quiz && !passed.includes(item.quiz)) return <p className="notice updated">{t('mentoring.quizBlocked')}</p>
    return (
      <NoteForm
        id={`sign-${state.pairing.id}-${item.id}`}
        hidden={hidden}
        label={t('mentoring.item.note')}
        hint={t('mentoring.item.noteHint', { max: maxNote })}
        maxNote={maxNote}
        buttons={[
          { intent: 'sign', label: t('mentoring.item.sign') },
          { intent: 'sendBack', label: t('mentoring.item.sendBack'), secondary: true },
        ]}
      />
    )
  }
  return (
    <>
      <PageHeader title={state.pairing.mentee.name} lead={t('mentor.title')} />
      <section className="card">
        <PairingSummary state={state} show="both" />
      </section>
      <Checklist state={state} names={names} links={links} renderForm={itemForm} />
      <CheckIns
        state={state}
        renderForm={(c) =>
          isMentor ? (
            <NoteForm id={`checkin-${c.number}`} hidden={{ pairingId: state.pairing.id, number: c.number }} label={t('mentoring.checkIns.noteLabel')} maxNote={maxNote} buttons={[{ intent: 'checkIn', label: t('mentoring.checkIns.record') }]} required />
          ) : null
        }
      />
      <PairingHistory history={history} extensions={state.history} />
    </>
  )
}
