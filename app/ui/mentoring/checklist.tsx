// The checklist of one pairing, by week: each item's state, what to watch for, its links and its history;
// the page decides which form (if any) an item gets.
import type { SerializeFrom } from '@remix-run/node'
import { useTranslation } from 'react-i18next'
import type { LinkTitle } from '~/server/mentoring-pages.server'
import type { PairingState } from '~/server/pairing-state.server'
import { Dated } from '~/ui/date-text'
import { hallTime } from '~/ui/time-text'
import { bilingual } from './bilingual'

export type PairingStateData = SerializeFrom<PairingState>
export type ItemData = PairingStateData['items'][number]

const PILL: Record<string, string> = { open: 'pill', practised: 'pill due', sent_back: 'pill overdue', signed: 'pill done' }

export function ItemHistory({ item, names }: { item: ItemData; names: Record<string, string> }) {
  const { t } = useTranslation()
  if (item.events.length === 0) return null
  return (
    <ul className="item-history muted">
      {item.events.map((e) => {
        const when = hallTime(e.createdAt)
        const withNote = (text: string) => (e.note ? t('look.withNote', { text, note: e.note }) : text)
        const line =
          e.kind === 'signed'
            ? withNote(t('mentoring.item.signedBy', { name: names[e.actorId] ?? '', when }))
            : e.kind === 'sent_back'
              ? t('mentoring.item.sentBack', { when, note: e.note })
              : e.kind === 'amended'
                ? t('mentoring.item.amended', { when, note: e.note })
                : withNote(t('mentoring.item.practised', { when }))
        return <li key={e.id}><Dated text={line} /></li>
      })}
    </ul>
  )
}

/** The names of what items link to (checklistLinkTitles), so a link says where it goes. */
export interface ChecklistLinks {
  modules: Record<string, { course: LinkTitle; module: LinkTitle }>
  quizzes: Record<string, LinkTitle>
}

export function Checklist({ state, names, links, renderForm }: { state: PairingStateData; names: Record<string, string>; links: ChecklistLinks; renderForm: (item: ItemData) => React.ReactNode }) {
  const { t, i18n } = useTranslation()
  const pick = (title: LinkTitle) => (i18n.language === 'en' ? title.en : title.zh)
  const moduleLink = (path: string) => {
    const titles = links.modules[path]
    return titles ? t('walk.checklist.module', { module: pick(titles.module), course: pick(titles.course), interpolation: { escapeValue: false } }) : t('look.openModule')
  }
  const quizLink = (id: string) => (links.quizzes[id] ? t('walk.checklist.quiz', { quiz: pick(links.quizzes[id]), interpolation: { escapeValue: false } }) : t('look.quizFirst'))
  return (
    <>
      {state.template.weeks.map((week) => (
        <section key={week.week} className="card">
          <h2 className="section-title">{t('mentoring.week', { week: week.week, title: bilingual(week.title, i18n.language) })}</h2>
          <ul className="list">
            {state.items
              .filter((item) => item.week === week.week)
              .map((item) => (
                <li key={item.id} id={`item-${item.id}`} className="checklist-item">
                  <div className="row">
                    <strong>{bilingual(item.title, i18n.language)}</strong>
                    <span className={PILL[item.state]}>{t(`mentoring.states.${item.state}`)}</span>
                  </div>
                  <details>
                    <summary>{t('mentoring.observe')}</summary>
                    <p>{bilingual(item.observe, i18n.language)}</p>
                    {item.module ? (
                      <p>
                        <a href={`/learn/${item.module}`}>{moduleLink(item.module)}</a>
                      </p>
                    ) : null}
                    {item.quiz ? (
                      <p>
                        <a href={`/quizzes/${item.quiz}`}>{quizLink(item.quiz)}</a>
                      </p>
                    ) : null}
                  </details>
                  <ItemHistory item={item} names={names} />
                  {renderForm(item)}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  )
}
