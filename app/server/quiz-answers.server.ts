// What a clerk does inside an attempt: answers saved item by item (an answer that does not parse yet is kept as
// typed and reported, never blocking the others), dialogue turns recorded before the next line is revealed, and
// the submission scored on the server exactly once.
import { answersOfSteps } from '~/core/quiz/attempt-steps'
import { answersFromForm, type FormEntries } from '~/core/quiz/form-answers'
import { itemSeed } from '~/core/quiz/item-type'
import { parseItemResponses } from '~/core/quiz/quiz'
import { itemTypeOf } from '~/core/quiz/registry'
import { playScenarioTurn } from '~/core/quiz/scenario'
import { reviewToStore } from '~/core/quiz/stored-review'
import { attemptStore } from './attempt-store.server'
import type { SessionUser } from './people.server'
import { closeAttempt, ownAttempt } from './quiz-attempts.server'

export type AnswerErrors = Array<{ itemId: string; error: string }>

/** A raw answer as a form or the page's script sends it: text, a list of ids, or left id → right id. */
const MAX_ANSWER_CHARACTERS = 4000
function isFormShaped(raw: unknown): boolean {
  if (raw === null || typeof raw === 'string') return true
  if (Array.isArray(raw)) return raw.every((entry) => typeof entry === 'string')
  return typeof raw === 'object' && Object.values(raw).every((value) => value === null || typeof value === 'string')
}

export type SaveResult = { ok: true; saved: number; invalid: AnswerErrors } | { ok: false; errors: AnswerErrors } | { ok: false; closed: true }

/**
 * Saves answers item by item. Each item's answer is logged when it changed — also one that does not parse yet
 * (a matching with one right picked twice): it is kept as typed and named in `invalid`. Refused outright (nothing
 * logged): items not in the quiz or recorded by the server, and values no form could send.
 */
export async function saveAnswers(user: SessionUser, quizId: string, attemptId: string, sent: Record<string, unknown>, now: Date): Promise<SaveResult> {
  return saveOwnAnswers(await ownAttempt(user, quizId, attemptId, now), sent, now)
}

type OwnAttempt = Awaited<ReturnType<typeof ownAttempt>>

async function saveOwnAnswers({ attempt, version }: OwnAttempt, sent: Record<string, unknown>, now: Date): Promise<SaveResult> {
  const attemptId = attempt.id
  if (attempt.status !== 'in_progress') return { ok: false, closed: true }
  const errors: AnswerErrors = []
  const invalid: AnswerErrors = []
  for (const [itemId, raw] of Object.entries(sent)) {
    const item = version.quiz.items.find((candidate) => candidate.id === itemId)
    const type = item ? itemTypeOf(item) : null
    if (!item || !type || type.responseSource !== 'client') errors.push({ itemId, error: 'no such item to answer in this quiz' })
    else if (!isFormShaped(raw) || JSON.stringify(raw).length > MAX_ANSWER_CHARACTERS) errors.push({ itemId, error: 'not an answer' })
    else {
      const parsed = type.parseResponse(item, raw, { ...version.context, seed: itemSeed(attempt.seed, itemId) })
      if (!parsed.ok) invalid.push({ itemId, error: parsed.error })
    }
  }
  if (errors.length) return { ok: false, errors }
  const saved = await attemptStore().appendAnswers(attemptId, sent, now)
  return saved === 'closed' ? { ok: false, closed: true } : { ok: true, saved, invalid }
}

/** The answers in a submitted HTML form, read against the items of the attempt's quiz version; with `onlyItem`,
 * just that item (a per-item save), blank when the form holds nothing for it. */
function answersOfForm({ version }: OwnAttempt, entries: FormEntries, onlyItem?: string) {
  const items = onlyItem === undefined ? version.quiz.items : version.quiz.items.filter((item) => item.id === onlyItem)
  return answersFromForm(entries, items, onlyItem !== undefined)
}

/** A save posted by the page: one item's fields (or, without `onlyItem`, every item in the form). */
export async function saveFormAnswers(user: SessionUser, quizId: string, attemptId: string, entries: FormEntries, onlyItem: string | undefined, now: Date): Promise<SaveResult> {
  const own = await ownAttempt(user, quizId, attemptId, now)
  return saveOwnAnswers(own, answersOfForm(own, entries, onlyItem), now)
}

/** 交卷 from the page: the whole answers form. */
export async function submitFormAnswers(user: SessionUser, quizId: string, attemptId: string, entries: FormEntries, now: Date): Promise<SubmitResult> {
  const own = await ownAttempt(user, quizId, attemptId, now)
  return submitOwnAttempt(own, answersOfForm(own, entries), now)
}

export type ReplyResult = { ok: true } | { ok: false; error: string } | { ok: false; closed: true }

/** One turn of a dialogue: the reply is recorded first; the next node is only ever read back from the record. */
export async function replyInScenario(user: SessionUser, quizId: string, attemptId: string, itemId: string, replyId: string, now: Date): Promise<ReplyResult> {
  const { attempt, version } = await ownAttempt(user, quizId, attemptId, now)
  if (attempt.status !== 'in_progress') return { ok: false, closed: true }
  const item = version.quiz.items.find((i) => i.id === itemId)
  if (!item || item.type !== 'scenario') return { ok: false, error: 'no such dialogue in this quiz' }
  const recorded = answersOfSteps(await attemptStore().currentSteps(attempt.id)).recorded[itemId] ?? []
  const turn = playScenarioTurn(item, attempt.seed, recorded, replyId, version.context)
  if (!turn.ok) return { ok: false, error: turn.error }
  const written = await attemptStore().appendReply(attemptId, itemId, turn.step.replyId, recorded.length, now)
  if (written === 'closed') return { ok: false, closed: true }
  // 'stale': another tab answered this turn first; its reply stands and the page shows the dialogue as recorded
  return written === 'recorded' ? { ok: true } : { ok: false, error: 'stale' }
}

/** The attempt's score as submitted; its review page shows the rest. */
export interface SubmittedScore {
  points: number
  maxPoints: number
  percent: number
  passed: boolean
}

export type SubmitResult = { ok: true; review: SubmittedScore } | { ok: false; errors: AnswerErrors }

const scoreOf = ({ points, maxPoints, percent, passed }: SubmittedScore): SubmittedScore => ({ points, maxPoints, percent, passed })

/** Scores on the server and closes the attempt exactly once, however many times (or tabs) submit it. Unanswered
 * items score nothing; an item whose answer does not parse refuses the submission, naming it. */
export async function submitAttempt(user: SessionUser, quizId: string, attemptId: string, sent: Record<string, unknown>, now: Date): Promise<SubmitResult> {
  return submitOwnAttempt(await ownAttempt(user, quizId, attemptId, now), sent, now)
}

async function submitOwnAttempt({ attempt, version }: OwnAttempt, sent: Record<string, unknown>, now: Date): Promise<SubmitResult> {
  const attemptId = attempt.id
  if (attempt.status === 'in_progress') {
    const { saved, recorded } = answersOfSteps(await attemptStore().currentSteps(attempt.id))
    const { responses, errors } = parseItemResponses(version.quiz, { ...saved, ...sent }, recorded, { ...version.context, seed: attempt.seed })
    if (errors.length) return { ok: false, errors }
    // the score and the reviews that must be kept; the rest of the review is derived when its page is shown
    const review = reviewToStore(version.quiz, responses, version.context)
    // every sent answer goes to the close, which logs only those that differ from each item's latest inside its
    // transaction (decision 0046: comparing here too stringified each answer and its saved value once more)
    if (await closeAttempt(attempt, review, 'clerk', now, sent, now)) return { ok: true, review: scoreOf(review) }
  }
  // closed before (or by another tab a moment ago): the result written then is the result (either stored shape)
  const stored = await attemptStore().attempt(attemptId)
  return { ok: true, review: scoreOf(JSON.parse(stored?.result ?? '{}') as SubmittedScore) }
}
