// What a picture uploaded in the studio must be before it is stored as a draft in the module's images/ folder:
// a plain file name, a PNG whose bytes are a PNG (the magic number, not the name, decides), an SVG that is
// safe to serve, within content:check's size limit. The same rules content:check applies (core/content/images)
// decide; this adds what only an upload can get wrong (the name, the claimed type, an empty file).
import { imageFileProblems, MAX_IMAGE_BYTES, type ImageExtension } from '../content/images'

export const IMAGE_NAME = /^[a-z0-9][a-z0-9-]{0,63}\.(svg|png)$/

export type UploadRefusal =
  | { code: 'name' }
  | { code: 'empty' }
  | { code: 'too-large'; kilobytes: number; limit: number }
  | { code: 'not-png' }
  | { code: 'not-image'; detail: string }
  | { code: 'unsafe-svg'; detail: string }

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

export const hasPngMagic = (bytes: Uint8Array) => bytes.length >= 8 && PNG_MAGIC.every((b, i) => bytes[i] === b)

/** Why this upload is refused (the first reason an author would fix), or null when it may be stored. */
export function uploadRefusal(name: string, bytes: Uint8Array): UploadRefusal | null {
  const match = IMAGE_NAME.exec(name)
  if (!match) return { code: 'name' }
  if (bytes.byteLength === 0) return { code: 'empty' }
  if (bytes.byteLength > MAX_IMAGE_BYTES) return { code: 'too-large', kilobytes: Math.ceil(bytes.byteLength / 1024), limit: MAX_IMAGE_BYTES / 1024 }
  const extension = match[1] as ImageExtension
  if (extension === 'png' && !hasPngMagic(bytes)) return { code: 'not-png' }
  const problems = imageFileProblems({ extension, bytes })
  if (problems.length === 0) return null
  return extension === 'svg' ? { code: 'unsafe-svg', detail: problems[0] } : { code: 'not-image', detail: problems[0] }
}

/** The Markdown a module uses to show the picture. Brackets in the alt text would end it early. */
export const imageMarkdown = (name: string, alt: string) => `\n![${alt.replace(/[[\]\r\n]/g, ' ').trim()}](images/${name})\n`
