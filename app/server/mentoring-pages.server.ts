// What the mentoring pages load and how their forms are answered: the routes parse and render, this module
// authorises (app/core/permissions.ts), calls the pairing modules and turns their refusals into form errors.
import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { canViewPairing } from '~/core/permissions'
import { changeItem, type ItemChange } from './checklist-sign-offs.server'
import { writeCheckIn } from './check-ins.server'
import { currentCourses, passedQuizIds } from './courses.server'
import { quizTitles } from './quiz-titles.server'
import { menteeForm, mentorItemForm } from './mentoring-input.server'
import { mentoringLimits } from './mentoring-limits.server'
import { chainHistory, menteePairing, mentorDashboard } from './pairing-lists.server'
import { pairingState, type PairingState } from './pairing-state.server'
import type { SessionUser } from './people.server'
import { prisma } from './db.server'
import { badRequest, forbidden, notFound } from './responses.server'

function namesOf(state: PairingState, history: Awaited<ReturnType<typeof chainHistory>>): Record<string, string> {
  return Object.fromEntries([[state.pairing.mentee.id, state.pairing.mentee.name], ...history.map((p) => [p.mentor.id, p.mentor.name])])
}

export interface LinkTitle {
  zh: string
  en: string
}

/**
 * The names a checklist's links carry: each linked module with its course (key "course/module") and each
 * linked quiz, read through the course cache and the quiz titles every other page names them by. A link to
 * a module no longer offered gets no entry (the page falls back to a plain sentence).
 */
export async function checklistLinkTitles(state: PairingState | null) {
  const modules: Record<string, { course: LinkTitle; module: LinkTitle }> = {}
  const quizzes: Record<string, LinkTitle> = {}
  if (!state) return { modules, quizzes }
  const quizIds = [...new Set(state.items.flatMap((i) => (i.quiz ? [i.quiz] : [])))]
  const [courses, quizRows] = await Promise.all([state.items.some((i) => i.module) ? currentCourses() : [], quizTitles(quizIds)])
  for (const course of courses) {
    for (const m of course.modules) modules[`${course.id}/${m.slug}`] = { course: { zh: course.titleZh, en: course.titleEn }, module: { zh: m.titleZh, en: m.titleEn } }
  }
  for (const q of quizRows) quizzes[q.id] = { zh: q.titleZh, en: q.titleEn }
  return { modules, quizzes }
}

/**
 * One pairing's page: its mentor, its mentee, or whoever runs pairings in the mentee's hall. Anyone else is
 * answered as for an unknown id (404), so pairing ids cannot be tried out.
 */
export async function pairingPage(user: SessionUser, pairingId: string, now: Date) {
  const state = await pairingState(pairingId, now)
  if (!state) notFound('no such pairing')
  const { pairing } = state
  if (!canViewPairing(user.viewer, { mentorId: pairing.mentorId, menteeId: pairing.menteeId, hallPath: pairing.mentee.hall?.path ?? null })) notFound('no such pairing') // the same body as unknown
  const history = await chainHistory(pairing.chainId)
  const [passed, links] = await Promise.all([passedQuizIds(pairing.menteeId), checklistLinkTitles(state)])
  return { state, history, names: namesOf(state, history), passed, links, isMentor: user.id === pairing.mentorId, maxNote: mentoringLimits().maxNoteLength }
}

export async function mentorHome(user: SessionUser, now: Date) {
  const dashboard = await mentorDashboard(user.id, passedQuizIds, now)
  return { ...dashboard, maxNote: mentoringLimits().maxNoteLength }
}

export async function menteePage(user: SessionUser, now: Date) {
  const state = await menteePairing(user.id, now)
  const [history, links] = await Promise.all([state ? chainHistory(state.pairing.chainId) : [], checklistLinkTitles(state)])
  return { state, names: state ? namesOf(state, history) : {}, links, maxNote: mentoringLimits().maxNoteLength }
}

/** The line on the new hire's home: their mentor and progress, or null when they have no checklist. */
export async function menteeChecklistSummary(userId: string, now: Date) {
  const state = await menteePairing(userId, now)
  return state ? { mentor: state.pairing.mentor.name, signed: state.signed, total: state.total } : null
}

const ITEM_CHANGES: Record<'sign' | 'sendBack' | 'amend' | 'practised', { change: ItemChange; done: string }> = {
  sign: { change: 'signed', done: 'mentoring.item.done' },
  sendBack: { change: 'sent_back', done: 'mentoring.item.sentBackDone' },
  amend: { change: 'amended', done: 'mentoring.item.amendedDone' },
  practised: { change: 'practised', done: 'mentoring.mentee.marked' },
}

type Refusal = string

/** Refusals about who is asking are 403/404; the rest stand beside the form, with the note kept. */
function refusalToError(refusal: Refusal): string {
  if (refusal === 'notYourMentee' || refusal === 'notYourChecklist') forbidden(refusal)
  if (refusal === 'unknownPairing') notFound(refusal)
  return `mentoring.errors.${refusal}`
}

interface Submitted {
  status?: 'success' | 'error'
  reply(options?: { formErrors?: string[]; resetForm?: boolean }): SubmissionResult<string[]>
}

async function answer(formData: FormData, submission: Submitted, run: () => Promise<{ ok: true } | { ok: false; refusal: Refusal }>, done: string) {
  const formId = String(formData.get('formId') ?? '')
  if (submission.status !== 'success') return { status: 400, body: { formId, result: submission.reply() } }
  const outcome = await run()
  if (!outcome.ok) return { status: 400, body: { formId, result: submission.reply({ formErrors: [refusalToError(outcome.refusal)] }) } }
  return { status: 200, body: { formId, result: submission.reply({ resetForm: true }), done } }
}

/** A form on a pairing the viewer cannot see is answered as for an unknown one (404); one they see but may not
 * write to (the mentee signing, a manager) is refused later with 403. */
async function requirePairingVisible(user: SessionUser, pairingId: string): Promise<void> {
  const pairing = await prisma.pairing.findUnique({ where: { id: pairingId }, select: { mentorId: true, menteeId: true, mentee: { select: { hall: { select: { path: true } } } } } })
  if (!pairing || !canViewPairing(user.viewer, { mentorId: pairing.mentorId, menteeId: pairing.menteeId, hallPath: pairing.mentee.hall?.path ?? null })) notFound('no such pairing')
}

/** The mentor's forms on /mentor/<pairing> (also posted from /mentor): sign, send back, amend, record a check-in. */
export async function mentorAction(user: SessionUser, pairingId: string, formData: FormData, now: Date) {
  const submission = parseWithZod(formData, { schema: mentorItemForm(mentoringLimits().maxNoteLength) })
  if (submission.status === 'success' && submission.value.pairingId !== pairingId) badRequest('mentoring.errors.mismatch')
  if (submission.status === 'success') await requirePairingVisible(user, pairingId)
  if (submission.status === 'success' && submission.value.intent === 'checkIn') {
    const { number, note } = submission.value
    return answer(formData, submission, () => writeCheckIn(user.id, pairingId, number, 'mentorNote', note, now), 'mentoring.checkIns.recorded')
  }
  const intent = submission.status === 'success' && submission.value.intent !== 'checkIn' ? submission.value : null
  const change = intent ? ITEM_CHANGES[intent.intent] : ITEM_CHANGES.sign
  return answer(formData, submission, () => changeItem(user.id, pairingId, intent!.itemId, change.change, intent!.note, now), change.done)
}

/** The mentee's forms on /learn/checklist: mark an item practised, write the reflection for the next check-in. */
export async function menteeAction(user: SessionUser, formData: FormData, now: Date) {
  const submission = parseWithZod(formData, { schema: menteeForm(mentoringLimits().maxNoteLength) })
  if (submission.status !== 'success') return answer(formData, submission, async () => ({ ok: true }), '')
  const value = submission.value
  await requirePairingVisible(user, value.pairingId)
  if (value.intent === 'reflect') return answer(formData, submission, () => writeCheckIn(user.id, value.pairingId, value.number, 'reflection', value.note, now), 'mentoring.mentee.reflectionSaved')
  return answer(formData, submission, () => changeItem(user.id, value.pairingId, value.itemId, 'practised', value.note, now), ITEM_CHANGES.practised.done)
}
