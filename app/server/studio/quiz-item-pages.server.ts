// The studio's item editor: a quiz's items listed, one edited through the form of its type, each with the
// verdict of the published quiz's statistics. Every edit is written into the quiz's draft through the same draft
// model as the code editor (saved at the revision the page saw; a later save sees a conflict and a diff).
import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { Finding } from '~/core/quiz/item-verdicts'
import { ITEM_TEMPLATES } from '~/core/studio/item-templates'
import { editQuizItems, freeItemId, ITEM_KINDS, itemFormSchema, otherItemIds, quizItemSummaries, rawQuizItem, type ItemEdit } from '~/core/studio/quiz-item-edit'
import { lineDiff, type DiffLine } from '~/core/studio/text-diff'
import { prisma } from '../db.server'
import type { SessionUser } from '../people.server'
import { quizStatisticsFor } from '../quiz-statistics.server'
import { badRequest, notFound } from '../responses.server'
import { publishedSources } from './draft-check.server'
import { draftOf, saveDraft } from './drafts.server'
import { QuizItemEnvelope } from './quiz-item-input.server'
import { requireAuthorOf } from './studio-pages.server'

/** The quiz file as the editor starts from it: the draft if there is one, else the published text. */
export async function quizTextOf(user: SessionUser, path: string) {
  const { file } = await requireAuthorOf(user, path)
  if (file.kind !== 'quiz') notFound('not a quiz file')
  const [published, draft] = await Promise.all([publishedSources(prisma).then((files) => files.find((f) => f.path === path) ?? null), draftOf(prisma, path)])
  if (!published && !draft) notFound('studio file')
  return {
    quizId: file.id,
    text: draft?.text ?? published?.text ?? '',
    revision: draft?.revision ?? 0,
    baseNumber: draft?.baseNumber ?? published?.number ?? 0,
    publishedNumber: published?.number ?? null,
  }
}

export interface ItemVerdictView {
  findings: Finding[]
}

/** The published quiz's verdict per item id (the statistics page's own query), and how many attempts it read. */
async function verdictsOf(user: SessionUser, quizId: string): Promise<{ analysed: number; byItem: Record<string, ItemVerdictView> } | null> {
  const quiz = await prisma.quiz.findUnique({ where: { id: quizId }, select: { currentVersionId: true } })
  if (!quiz?.currentVersionId) return null
  const page = await quizStatisticsFor(user.viewer, quizId)
  return { analysed: page.analysed, byItem: Object.fromEntries(page.verdicts.map((v) => [v.itemId, { findings: v.findings }])) }
}

export async function openQuizItems(user: SessionUser, path: string, index: number | undefined) {
  const quiz = await quizTextOf(user, path)
  const items = quizItemSummaries(quiz.text)
  const selected = index ?? (items.length > 0 ? 0 : null)
  const raw = selected === null ? null : rawQuizItem(quiz.text, selected)
  if (selected !== null && !raw && index !== undefined) notFound('no such item')
  return {
    path,
    kinds: ITEM_KINDS,
    quizId: quiz.quizId,
    revision: quiz.revision,
    baseNumber: quiz.baseNumber,
    publishedNumber: quiz.publishedNumber,
    items,
    selected: raw ? { index: selected!, item: raw } : null,
    verdicts: await verdictsOf(user, quiz.quizId),
  }
}

export type ItemActionResult =
  | { ok: true; path: string; revision: number; index: number | null }
  | { ok: false; fieldErrors: Record<string, string[] | null>; reply: SubmissionResult<string[]>; kind: string; index: number }
  | { ok: false; conflict: { text: string; revision: number; updatedBy: string; diff: DiffLine[] } }
  | { ok: false; refused: 'too-long' | 'binary' | 'no-such-item' }

/** Reads the form, applies the one edit to the draft text the page saw, saves it at that revision. */
export async function quizItemAction(user: SessionUser, form: FormData, now: Date): Promise<ItemActionResult> {
  const envelope = QuizItemEnvelope.safeParse(Object.fromEntries([...form.entries()].filter(([key]) => !key.startsWith('item.'))))
  if (!envelope.success) badRequest('item form')
  const input = envelope.data
  const quiz = await quizTextOf(user, input.path)
  let edit: ItemEdit
  let focus: number | null = null
  if (input.intent === 'save-item') {
    const submission = parseWithZod(form, { schema: itemFormSchema(input.kind) })
    const errors: Record<string, string[] | null> = submission.status === 'success' ? {} : { ...(submission.reply().error ?? {}) }
    if (submission.status === 'success' && otherItemIds(quiz.text, input.index).includes(submission.value.item.id)) {
      errors['item.id'] = [`id「${submission.value.item.id}」重复`]
    }
    if (submission.status !== 'success' || Object.keys(errors).length > 0) {
      // the whole reply goes back: conform keeps what was typed (its initialValue) and puts each error at its field
      const reply = submission.status === 'success' ? submission.reply({ fieldErrors: { 'item.id': errors['item.id'] ?? [] } }) : submission.reply()
      return { ok: false, fieldErrors: errors, reply, kind: input.kind, index: input.index }
    }
    edit = { kind: 'replace', index: input.index, item: submission.value.item }
    focus = input.index
  } else if (input.intent === 'add-item') {
    edit = { kind: 'add', item: ITEM_TEMPLATES[input.kind](freeItemId(quiz.text, input.kind)) }
    focus = quizItemSummaries(quiz.text).length
  } else if (input.intent === 'delete-item') edit = { kind: 'delete', index: input.index }
  else {
    edit = { kind: 'move', index: input.index, to: input.to }
    focus = input.to
  }
  const text = editQuizItems(quiz.text, edit)
  if (text === null) return { ok: false, refused: 'no-such-item' }
  const saved = await saveDraft(prisma, { path: input.path, text, revision: input.revision, baseNumber: input.baseNumber, userId: user.id, now })
  if (saved.ok) return { ok: true, path: input.path, revision: saved.revision, index: focus }
  if ('refused' in saved) return { ok: false, refused: saved.refused.code }
  const other = saved.conflict
  return { ok: false, conflict: { text: other.text, revision: other.revision, updatedBy: other.updatedBy, diff: lineDiff(other.text, text) } }
}
