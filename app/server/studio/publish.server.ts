// Publishing a draft: the published tree with the draft over it goes through checkTree (what content:check
// runs) and importCheckedContent (what content:import runs) — new versions, the read marks kept against the
// version read (hence "updated since you read it"), the course's recertify flag — and, in that one transaction,
// the file's new source version, the draft's removal at the revision published, and the audit entry.
import type { ContentProblem } from '~/core/content/problems'
import { parseStudioPath } from '~/core/studio/studio-path'
import type { PrismaClient } from '~/generated/prisma/client'
import { recordAudit } from '../audit.server'
import { importCheckedContent, type ImportSummary } from '../content/import.server'
import type { Tx } from '../audit.server'
import { checkWholeTree } from './draft-check.server'
import { imageDraftsOf } from './images.server'
import type { SourceFile } from './sources.server'

export type PublishResult =
  | { ok: true; summary: ImportSummary }
  | { ok: false; reason: 'no-draft' | 'conflict' }
  | { ok: false; reason: 'problems'; problems: ContentProblem[] }

class DraftMoved extends Error {}

export interface PublishInput {
  path: string
  revision: number
  actorId: string
  now: Date
  /** More writes in the publish's own transaction (an approval closes its review there). */
  alsoWithin?: (tx: Tx) => Promise<void>
}

export async function publishDraft(db: PrismaClient, input: PublishInput): Promise<PublishResult> {
  const file = parseStudioPath(input.path)
  const draft = file ? await db.studioDraft.findUnique({ where: { path: input.path } }) : null
  if (!file || !draft) return { ok: false, reason: 'no-draft' }
  if (draft.revision !== input.revision) return { ok: false, reason: 'conflict' }
  const change: SourceFile = { path: draft.path, text: draft.text, bytes: draft.bytes ? new Uint8Array(draft.bytes) : null }
  // the course's uploaded pictures go out with its module or course.yaml (unreferenced ones are stored, unseen)
  const pictures = file.kind === 'module' || file.kind === 'course' ? await imageDraftsOf(db, file.courseId) : []
  const { result } = await checkWholeTree(db, [change, ...pictures])
  if (result.problems.length) return { ok: false, reason: 'problems', problems: result.problems }
  try {
    const summary = await importCheckedContent(db, result.content, {
      sources: { files: [change, ...pictures], authorId: input.actorId, complete: false },
      within: async (tx, summary) => {
        // another trainer saved after our check: their text was not checked, so nothing is published
        const { count } = await tx.studioDraft.deleteMany({ where: { path: input.path, revision: input.revision } })
        if (count !== 1) throw new DraftMoved()
        if (pictures.length) await tx.studioDraft.deleteMany({ where: { path: { in: pictures.map((p) => p.path) } } })
        await input.alsoWithin?.(tx)
        await recordAudit(tx, {
          at: input.now,
          actorId: input.actorId,
          action: 'content.published',
          detail: {
            path: input.path,
            courses: summary.coursesChanged.join(',') || null,
            quizzes: summary.quizzesChanged.join(',') || null,
            modules: summary.modulesCreated,
          },
        })
      },
    })
    return { ok: true, summary }
  } catch (error) {
    if (error instanceof DraftMoved) return { ok: false, reason: 'conflict' }
    throw error
  }
}
