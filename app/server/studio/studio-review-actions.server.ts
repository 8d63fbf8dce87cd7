// The studio's other doors: a picture upload, a reviewer's decision, the reviewer's page, and the admin's
// limits and settings. Each parses its form (zod), authorises the course (requireAuthorOf), then calls the rule.
import { imageMarkdown, type UploadRefusal } from '~/core/studio/image-upload'
import { parseStudioPath } from '~/core/studio/studio-path'
import { lineDiff } from '~/core/studio/text-diff'
import { prisma } from '../db.server'
import type { SessionUser } from '../people.server'
import { badRequest, notFound } from '../responses.server'
import { previewModule } from './draft-check.server'
import { draftOf } from './drafts.server'
import { saveImageDraft } from './images.server'
import { approveReview, requestChanges, reviewById, type DecisionResult } from './reviews.server'
import { inlineProblems, requireAuthorOf } from './studio-pages.server'
import { StudioImageForm, StudioReviewForm } from './studio-input.server'

export type ImageActionResult =
  | { ok: true; markdown: string; name: string }
  | { ok: false; field: 'name' | 'alt' | 'file'; key: string; values: Record<string, string | number> }

const refusalMessage = (r: UploadRefusal): { key: string; values: Record<string, string | number> } =>
  r.code === 'too-large' ? { key: 'studioUploads.refused.tooLarge', values: { kilobytes: r.kilobytes, limit: r.limit } }
  : r.code === 'not-image' || r.code === 'unsafe-svg' ? { key: `studioUploads.refused.${r.code === 'unsafe-svg' ? 'unsafeSvg' : 'notImage'}`, values: { detail: r.detail } }
  : { key: `studioUploads.refused.${r.code === 'not-png' ? 'notPng' : r.code}`, values: {} }

export async function studioImageAction(user: SessionUser, form: FormData, now: Date): Promise<ImageActionResult> {
  const parsed = StudioImageForm.safeParse({ path: form.get('path'), name: form.get('name'), alt: form.get('alt') ?? '' })
  if (!parsed.success) return { ok: false, field: 'name', key: 'studioUploads.refused.name', values: {} }
  const { file: module, courseId } = await requireAuthorOf(user, parsed.data.path)
  if (module.kind !== 'module' || !courseId) badRequest('pictures go with a module')
  if (!/[\u4e00-\u9fff]/.test(parsed.data.alt)) return { ok: false, field: 'alt', key: 'studioUploads.refused.alt', values: {} }
  const file = form.get('file')
  if (!(file instanceof File) || file.size === 0) return { ok: false, field: 'file', key: 'studioUploads.refused.empty', values: {} }
  const result = await saveImageDraft(prisma, { courseId, name: parsed.data.name, bytes: new Uint8Array(await file.arrayBuffer()), userId: user.id, now })
  if (!result.ok) return { ok: false, field: result.refused.code === 'name' ? 'name' : 'file', ...refusalMessage(result.refused) }
  return { ok: true, markdown: imageMarkdown(result.name, parsed.data.alt), name: result.name }
}

/** What a reviewer sees: the request, the draft against the published text, the module rendered as clerks see it. */
export async function reviewPage(user: SessionUser, id: string) {
  const review = await reviewById(prisma, id)
  if (!review) notFound('review')
  const { file } = await requireAuthorOf(user, review.path)
  const draft = await draftOf(prisma, review.path)
  const published = await prisma.contentSourceVersion.findFirst({ where: { path: review.path }, orderBy: { number: 'desc' }, select: { text: true } })
  const text = draft?.text ?? ''
  const preview = file.kind === 'module' && draft ? await previewModule(prisma, review.path, text) : null
  return {
    review: { ...review, requestedAt: review.requestedAt.toISOString() },
    current: draft?.revision === review.revision,
    own: review.requestedById === user.id || draft?.updatedBy === user.name,
    diff: lineDiff(published?.text ?? '', text),
    preview: preview ? { problems: inlineProblems(review.path, preview.problems), html: preview.html, error: preview.error } : null,
    kind: parseStudioPath(review.path)?.kind ?? null,
  }
}

export type ReviewActionResult = { intent: 'approve' | 'changes'; result: DecisionResult | { ok: false; reason: 'no-comment' } }

export async function studioReviewAction(user: SessionUser, id: string, form: FormData, now: Date): Promise<ReviewActionResult> {
  const review = await reviewById(prisma, id)
  if (!review) notFound('review')
  await requireAuthorOf(user, review.path)
  const parsed = StudioReviewForm.safeParse(Object.fromEntries(form))
  if (!parsed.success) {
    if (form.get('intent') === 'changes') return { intent: 'changes', result: { ok: false, reason: 'no-comment' } }
    badRequest('review form')
  }
  const input = { id, reviewerId: user.id, comment: parsed.data.comment, now }
  return { intent: parsed.data.intent, result: parsed.data.intent === 'approve' ? await approveReview(prisma, input) : await requestChanges(prisma, input) }
}
