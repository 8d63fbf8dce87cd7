// Pictures uploaded in the studio: checked (core/studio/image-upload), then kept as a draft file in the course's
// images/ folder — bytes, no text — until a module of that course is published with them. The module's check and
// preview see the draft pictures of its course; its publish carries them into the same one-transaction import.
import { uploadRefusal, type UploadRefusal } from '~/core/studio/image-upload'
import type { PrismaClient } from '~/generated/prisma/client'
import type { SourceFile } from './sources.server'

export type ImageUploadResult = { ok: true; path: string; name: string } | { ok: false; refused: UploadRefusal }

/** Stores (or replaces) one picture draft; nothing is stored when the picture is refused. */
export async function saveImageDraft(
  db: PrismaClient,
  input: { courseId: string; name: string; bytes: Uint8Array; userId: string; now: Date },
): Promise<ImageUploadResult> {
  const refused = uploadRefusal(input.name, input.bytes)
  if (refused) return { ok: false, refused }
  const path = `courses/${input.courseId}/images/${input.name}`
  const bytes = new Uint8Array(input.bytes)
  // an upsert is atomic on the unique path: two uploads of one name leave one draft, the later picture
  await db.studioDraft.upsert({
    where: { path },
    create: { path, bytes, text: null, baseNumber: 0, revision: 1, updatedById: input.userId, updatedAt: input.now },
    update: { bytes, text: null, revision: { increment: 1 }, updatedById: input.userId, updatedAt: input.now },
  })
  return { ok: true, path, name: input.name }
}

/** The draft pictures of one course, as source files to lay over the published tree. */
export async function imageDraftsOf(db: PrismaClient, courseId: string | null): Promise<SourceFile[]> {
  if (!courseId) return []
  const rows = await db.studioDraft.findMany({ where: { path: { startsWith: `courses/${courseId}/images/` } }, select: { path: true, bytes: true } })
  return rows.flatMap((r) => (r.bytes ? [{ path: r.path, text: null, bytes: new Uint8Array(r.bytes) }] : []))
}

/** Draft pictures as data: URLs in the preview's HTML, where the compiled module still says images/<name>. */
export function inlineDraftPictures(html: string, pictures: readonly SourceFile[]): string {
  let out = html
  for (const picture of pictures) {
    if (!picture.bytes) continue
    const name = picture.path.split('/').pop()!
    const mime = name.endsWith('.svg') ? 'image/svg+xml' : 'image/png'
    out = out.split(`src="images/${name}"`).join(`src="data:${mime};base64,${Buffer.from(picture.bytes).toString('base64')}"`)
  }
  return out
}
