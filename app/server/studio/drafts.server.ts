// Drafts: one per file, shared by every trainer who opens it, saved against the revision the editor last saw.
// A save whose revision is no longer the draft's is a conflict: the saver gets the other text back (for a diff)
// and nothing is overwritten. The revision check is the UPDATE's own WHERE, so parallel saves cannot both win.
import { draftTextProblem, type DraftTextProblem } from '~/core/studio/draft-text'
import { appendQuizItems, itemsNotIn, type ItemRecord } from '~/core/studio/quiz-items'
import type { PrismaClient } from '~/generated/prisma/client'
import { Prisma } from '~/generated/prisma/client'

export interface DraftView {
  path: string
  text: string
  revision: number
  baseNumber: number
  updatedBy: string
  updatedAt: Date
}

export type SaveResult =
  | { ok: true; revision: number }
  | { ok: false; conflict: DraftView }
  | { ok: false; refused: DraftTextProblem }

export interface SaveInput {
  path: string
  text: string
  /** The draft revision the editor's text started from; 0 when it started from the published file. */
  revision: number
  /** The published version number the editor started from (kept on a new draft). */
  baseNumber: number
  userId: string
  now: Date
}

const draftSelect = { path: true, text: true, revision: true, baseNumber: true, updatedById: true, updatedAt: true } as const

async function viewOf(db: PrismaClient, path: string): Promise<DraftView | null> {
  const row = await db.studioDraft.findUnique({ where: { path }, select: draftSelect })
  if (!row) return null
  const user = await db.user.findUnique({ where: { id: row.updatedById }, select: { name: true } })
  return { path: row.path, text: row.text ?? '', revision: row.revision, baseNumber: row.baseNumber, updatedBy: user?.name ?? '', updatedAt: row.updatedAt }
}

export const draftOf = viewOf

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'

export async function saveDraft(db: PrismaClient, input: SaveInput): Promise<SaveResult> {
  const refused = draftTextProblem(input.text)
  if (refused) return { ok: false, refused }
  if (input.revision === 0) {
    try {
      await db.studioDraft.create({
        data: { path: input.path, text: input.text, baseNumber: input.baseNumber, revision: 1, updatedById: input.userId, updatedAt: input.now },
      })
      return { ok: true, revision: 1 }
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
    }
  } else {
    const { count } = await db.studioDraft.updateMany({
      where: { path: input.path, revision: input.revision },
      data: { text: input.text, revision: input.revision + 1, updatedById: input.userId, updatedAt: input.now },
    })
    if (count === 1) return { ok: true, revision: input.revision + 1 }
  }
  const other = await viewOf(db, input.path)
  // the draft was published or discarded meanwhile: start again from the published file
  return { ok: false, conflict: other ?? { path: input.path, text: '', revision: 0, baseNumber: input.baseNumber, updatedBy: '', updatedAt: input.now } }
}

/** Discards the draft only at the revision the trainer saw (a newer save by someone else is kept). */
export async function discardDraft(db: PrismaClient, path: string, revision: number): Promise<boolean> {
  const { count } = await db.studioDraft.deleteMany({ where: { path, revision } })
  return count === 1
}

export async function draftPaths(db: PrismaClient): Promise<Map<string, { revision: number; updatedAt: Date }>> {
  const rows = await db.studioDraft.findMany({ select: { path: true, revision: true, updatedAt: true } })
  return new Map(rows.map((r) => [r.path, r]))
}

/** Marks the viewer as having the file open; returns the names of the others seen on it in the last minutes. */
export async function touchPresence(db: PrismaClient, path: string, userId: string, now: Date, withinMinutes = 5): Promise<string[]> {
  await db.studioPresence.upsert({ where: { path_userId: { path, userId } }, create: { path, userId, seenAt: now }, update: { seenAt: now } })
  const others = await db.studioPresence.findMany({
    where: { path, userId: { not: userId }, seenAt: { gte: new Date(now.getTime() - withinMinutes * 60_000) } },
    select: { userId: true },
  })
  if (others.length === 0) return []
  const users = await db.user.findMany({ where: { id: { in: others.map((o) => o.userId) } }, select: { name: true }, orderBy: { name: 'asc' } })
  return users.map((u) => u.name)
}

/**
 * The question-bank seam: items (plain objects in our item format, e.g. from the bank importer) appended to a
 * quiz's draft — or to a new draft of the published quiz — as one save at the draft's current revision.
 * Items whose content the quiz already holds are left out, against the very text the save is made over: a
 * repeated pick appends nothing, and a parallel one loses the revision race (a conflict) instead of doubling.
 */
export async function addItemsToQuizDraft(
  db: PrismaClient,
  input: { path: string; items: readonly ItemRecord[]; userId: string; now: Date },
): Promise<SaveResult> {
  const draft = await viewOf(db, input.path)
  const published = draft
    ? null
    : await db.contentSourceVersion.findFirst({ where: { path: input.path }, orderBy: { number: 'desc' }, select: { number: true, text: true, deleted: true } })
  const base = draft?.text ?? (published && !published.deleted ? published.text : null)
  if (base == null) return { ok: false, conflict: { path: input.path, text: '', revision: 0, baseNumber: 0, updatedBy: '', updatedAt: input.now } }
  const fresh = itemsNotIn(base, input.items)
  if (fresh.length === 0) return { ok: true, revision: draft?.revision ?? 0 }
  return saveDraft(db, {
    path: input.path,
    text: appendQuizItems(base, fresh),
    revision: draft?.revision ?? 0,
    baseNumber: draft?.baseNumber ?? published?.number ?? 0,
    userId: input.userId,
    now: input.now,
  })
}
