// A mentoring chain's history: each pairing (who, why another hall, why it ended) and each extension.
import type { SerializeFrom } from '@remix-run/node'
import { useTranslation } from 'react-i18next'
import type { chainHistory } from '~/server/pairing-lists.server'
import { hallTime } from '~/ui/time-text'
import type { PairingStateData } from './checklist'
import { Dated } from '~/ui/date-text'

type History = SerializeFrom<Awaited<ReturnType<typeof chainHistory>>>

export function PairingHistory({ history, extensions }: { history: History; extensions: PairingStateData['history'] }) {
  const { t } = useTranslation()
  return (
    <section className="card">
      <h2 className="section-title">{t('mentoring.history.title')}</h2>
      <ul className="list">
        {history.map((p) => (
          <li key={p.id}>
            <Dated text={t('mentoring.history.created', { when: hallTime(p.createdAt), name: p.mentor.name })} />
            {p.sameBranchReason ? <p className="muted">{t('mentoring.history.branchReason', { reason: p.sameBranchReason })}</p> : null}
            {p.endedAt ? <p className="muted"><Dated text={t('mentoring.history.ended', { when: hallTime(p.endedAt), reason: p.endReason ?? '' })} /></p> : null}
          </li>
        ))}
        {extensions.map((e) => (
          <li key={e.id}><Dated text={t('mentoring.history.extended', { when: hallTime(e.createdAt), from: e.fromDay ?? '', to: e.toDay ?? '', reason: e.note })} /></li>
        ))}
      </ul>
    </section>
  )
}
