// The new hire's on-the-job checklist: my mentor, my items by week (mark practised), my next check-in.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { hallDay } from '~/core/dates'
import { menteeAction, menteePage } from '~/server/mentoring-pages.server'
import { requireArea } from '~/server/session.server'
import { CheckIns } from '~/ui/mentoring/check-ins'
import { Checklist, type ItemData } from '~/ui/mentoring/checklist'
import { NoteForm } from '~/ui/mentoring/note-form'
import { PairingSummary } from '~/ui/mentoring/pairing-summary'
import { PageHeader } from '~/ui/page'
import { Dated } from '~/ui/date-text'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'learn')
  return json(await menteePage(user, new Date()))
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireArea({ request, context }, 'learn')
  const { status, body } = await menteeAction(user, await request.formData(), new Date())
  return json(body, { status })
}

export default function MyChecklist() {
  const { state, names, links, maxNote } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  if (!state) {
    return (
      <>
        <PageHeader title={t('mentoring.mentee.title')} />
        <p className="card muted">{t('mentoring.mentee.none')}</p>
      </>
    )
  }
  const active = state.pairing.status === 'active'
  const itemForm = (item: ItemData) => {
    if (!active || item.state === 'signed') return null
    if (item.state === 'practised') return <p className="muted">{t('mentoring.mentee.waitingSign')}</p>
    return (
      <details>
        <summary>{t('mentoring.mentee.mark')}</summary>
        <NoteForm id={`mark-${item.id}`} hidden={{ pairingId: state.pairing.id, itemId: item.id }} label={t('mentoring.mentee.markNote')} maxNote={maxNote} buttons={[{ intent: 'practised', label: t('mentoring.mentee.mark') }]} />
      </details>
    )
  }
  return (
    <>
      <PageHeader title={t('mentoring.mentee.title')} lead={t('mentoring.mentee.lead')} />
      <section className="card">
        {state.pairing.status === 'completed' && state.pairing.completedAt ? <p className="notice done"><Dated text={t('mentoring.mentee.completed', { day: hallDay(state.pairing.completedAt) })} /></p> : null}
        <PairingSummary state={state} show="mentor" />
      </section>
      <CheckIns
        state={state}
        renderForm={(c) => (
          <NoteForm id={`reflect-${c.number}`} hidden={{ pairingId: state.pairing.id, number: c.number }} label={t('mentoring.mentee.reflection')} hint={t('mentoring.mentee.reflectionHint')} maxNote={maxNote} buttons={[{ intent: 'reflect', label: t('mentoring.mentee.saveReflection') }]} required />
        )}
      />
      <Checklist state={state} names={names} links={links} renderForm={itemForm} />
    </>
  )
}
