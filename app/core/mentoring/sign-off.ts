// The state of each checklist item and who may change it: the mentee marks an item practised, the paired
// mentor signs it off (only when its linked quiz is passed) or sends it back; a sign-off is final — later
// words about it are amendments beside it, never an overwrite.
export const ITEM_EVENT_KINDS = ['practised', 'signed', 'sent_back', 'amended'] as const
export type ItemEventKind = (typeof ITEM_EVENT_KINDS)[number]
export const isItemEventKind = (kind: string): kind is ItemEventKind => (ITEM_EVENT_KINDS as readonly string[]).includes(kind)

export type ItemState = 'open' | 'practised' | 'sent_back' | 'signed'

export interface ItemEvent {
  itemId: string
  kind: ItemEventKind
}

/** Each item's state after its events, oldest first; items without events are open. */
export function itemStates(itemIds: readonly string[], events: readonly ItemEvent[]): Map<string, ItemState> {
  const states = new Map<string, ItemState>(itemIds.map((id) => [id, 'open']))
  for (const event of events) {
    const now = states.get(event.itemId)
    if (now === undefined || now === 'signed') continue // unknown item, or final
    if (event.kind === 'practised') states.set(event.itemId, 'practised')
    else if (event.kind === 'sent_back') states.set(event.itemId, 'sent_back')
    else if (event.kind === 'signed') states.set(event.itemId, 'signed')
  }
  return states
}

export type ItemRefusal =
  | 'unknownItem'
  | 'pairingClosed'
  | 'notYourMentee' // only the paired mentor signs, sends back or amends
  | 'notYourChecklist' // only the mentee marks practised
  | 'alreadySigned'
  | 'alreadyPractised'
  | 'notPractised' // the mentee has not marked it practised (or it was sent back since)
  | 'notSigned' // an amendment needs a sign-off to amend
  | 'quizNotPassed'

export interface ItemAction {
  actorId: string
  pairing: { mentorId: string; menteeId: string; active: boolean }
  /** Undefined when the item is not on this pairing's checklist. */
  state: ItemState | undefined
  /** The quiz the item links to, if any, and the quizzes the mentee has passed. */
  quizId?: string
  passedQuizIds: readonly string[]
}

function common(a: ItemAction, actor: 'mentor' | 'mentee'): ItemRefusal | null {
  if (a.state === undefined) return 'unknownItem'
  if (actor === 'mentor' && a.actorId !== a.pairing.mentorId) return 'notYourMentee'
  if (actor === 'mentee' && a.actorId !== a.pairing.menteeId) return 'notYourChecklist'
  if (!a.pairing.active) return 'pairingClosed'
  return null
}

export function markRefusal(a: ItemAction): ItemRefusal | null {
  const refusal = common(a, 'mentee')
  if (refusal) return refusal
  if (a.state === 'signed') return 'alreadySigned'
  return a.state === 'practised' ? 'alreadyPractised' : null
}

export function signRefusal(a: ItemAction): ItemRefusal | null {
  const refusal = common(a, 'mentor')
  if (refusal) return refusal
  if (a.state === 'signed') return 'alreadySigned'
  if (a.state !== 'practised') return 'notPractised'
  return a.quizId && !a.passedQuizIds.includes(a.quizId) ? 'quizNotPassed' : null
}

export function sendBackRefusal(a: ItemAction): ItemRefusal | null {
  const refusal = common(a, 'mentor')
  if (refusal) return refusal
  if (a.state === 'signed') return 'alreadySigned'
  return a.state === 'practised' ? null : 'notPractised'
}

/** An amendment adds to a sign-off (a later observation, a correction); the pairing may since have completed. */
export function amendRefusal(a: ItemAction): ItemRefusal | null {
  if (a.state === undefined) return 'unknownItem'
  if (a.actorId !== a.pairing.mentorId) return 'notYourMentee'
  return a.state === 'signed' ? null : 'notSigned'
}
