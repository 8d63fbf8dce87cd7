// The studio's actions: save a draft, publish it, discard it, restore an old version as a draft, preview.
// Each authorises the file's course first (requireAuthorOf) and answers with what the page shows.
import { lineDiff, type DiffLine } from '~/core/studio/text-diff'
import { prisma } from '../db.server'
import { badRequest } from '../responses.server'
import type { SessionUser } from '../people.server'
import { checkDraft, previewModule } from './draft-check.server'
import { discardDraft, draftOf, saveDraft } from './drafts.server'
import { publishDraft } from './publish.server'
import { requestReview, studioSettings } from './reviews.server'
import { inlineProblems, requireAuthorOf, type InlineProblem } from './studio-pages.server'
import { StudioEditForm, StudioPreviewForm, StudioRestoreForm } from './studio-input.server'

export type EditActionResult =
  | { intent: 'save'; ok: true; revision: number }
  | { intent: 'save'; ok: false; conflict: { text: string; revision: number; updatedBy: string; diff: DiffLine[] } }
  | { intent: 'save'; ok: false; refused: { key: string; values: Record<string, number> } }
  | { intent: 'publish'; ok: true; courses: string[]; modules: number; quizzes: string[] }
  | { intent: 'publish'; ok: false; reason: 'no-draft' | 'conflict' | 'review-required' }
  | { intent: 'request-review'; ok: true }
  | { intent: 'request-review'; ok: false; reason: 'no-draft' | 'conflict' }
  | { intent: 'publish'; ok: false; reason: 'problems'; problems: InlineProblem[] }
  | { intent: 'discard'; ok: boolean }

export async function studioEditAction(user: SessionUser, form: FormData, now: Date): Promise<EditActionResult> {
  const parsed = StudioEditForm.safeParse(Object.fromEntries(form))
  if (!parsed.success) badRequest('studio form')
  const input = parsed.data
  await requireAuthorOf(user, input.path)
  if (input.intent === 'save') {
    const result = await saveDraft(prisma, { path: input.path, text: input.text, revision: input.revision, baseNumber: input.baseNumber, userId: user.id, now })
    if (result.ok) return { intent: 'save', ok: true, revision: result.revision }
    if ('refused' in result) {
      const r = result.refused
      return { intent: 'save', ok: false, refused: r.code === 'too-long' ? { key: 'studio.refused.tooLong', values: { characters: r.characters, limit: r.limit } } : { key: 'studio.refused.binary', values: {} } }
    }
    const other = result.conflict
    return { intent: 'save', ok: false, conflict: { text: other.text, revision: other.revision, updatedBy: other.updatedBy, diff: lineDiff(other.text, input.text) } }
  }
  if (input.intent === 'request-review') {
    const result = await requestReview(prisma, { path: input.path, revision: input.revision, userId: user.id, now })
    return result.ok ? { intent: 'request-review', ok: true } : { intent: 'request-review', ok: false, reason: result.reason }
  }
  if (input.intent === 'publish') {
    // with second-trainer review on, the only way to publish is another trainer's approval
    if ((await studioSettings(prisma)).reviewRequired) return { intent: 'publish', ok: false, reason: 'review-required' }
    const result = await publishDraft(prisma, { path: input.path, revision: input.revision, actorId: user.id, now })
    if (result.ok) return { intent: 'publish', ok: true, courses: result.summary.coursesChanged, modules: result.summary.modulesCreated, quizzes: result.summary.quizzesChanged }
    if (result.reason === 'problems') return { intent: 'publish', ok: false, reason: 'problems', problems: inlineProblems(input.path, result.problems) }
    return { intent: 'publish', ok: false, reason: result.reason }
  }
  return { intent: 'discard', ok: await discardDraft(prisma, input.path, input.revision) }
}

export async function studioPreviewAction(user: SessionUser, form: FormData) {
  const parsed = StudioPreviewForm.safeParse(Object.fromEntries(form))
  if (!parsed.success) badRequest('studio preview')
  const { file } = await requireAuthorOf(user, parsed.data.path)
  if (file.kind !== 'module') {
    return { problems: inlineProblems(file.path, await checkDraft(prisma, file.path, parsed.data.text)), html: null, error: null }
  }
  const preview = await previewModule(prisma, file.path, parsed.data.text)
  return { problems: inlineProblems(file.path, preview.problems), html: preview.html, error: preview.error }
}

/** An old version becomes the draft (a new draft, or over the current draft at the revision the page saw). */
export async function restoreVersion(user: SessionUser, form: FormData, now: Date): Promise<{ ok: boolean }> {
  const parsed = StudioRestoreForm.safeParse(Object.fromEntries(form))
  if (!parsed.success) badRequest('studio restore')
  await requireAuthorOf(user, parsed.data.path)
  const version = await prisma.contentSourceVersion.findUnique({ where: { path_number: { path: parsed.data.path, number: parsed.data.number } }, select: { text: true } })
  if (version?.text == null) badRequest('no such version')
  const current = await draftOf(prisma, parsed.data.path)
  const latest = await prisma.contentSourceVersion.findFirst({ where: { path: parsed.data.path }, orderBy: { number: 'desc' }, select: { number: true } })
  const result = await saveDraft(prisma, { path: parsed.data.path, text: version.text, revision: current?.revision ?? 0, baseNumber: latest?.number ?? 0, userId: user.id, now })
  return { ok: result.ok }
}
