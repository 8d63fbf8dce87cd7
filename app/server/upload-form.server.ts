// The upload routes' forms (people import, evidence import, question banks): each file part streams to a
// folder of this request only, a chunk at a time, and is refused past the route's own cap; the route gets a
// disk-backed File (its name as uploaded) and the folder is deleted when the route is done with it, whatever
// happened. Other fields are small and read in memory. The body gate (server/body-gate.js) has already spooled
// the whole body to disk under the route's body cap and checked that it parses.
import { once } from 'node:events'
import { createWriteStream, openAsBlob } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from '@remix-run/node'

/** The largest text field an upload form carries (an intent, a kind, a tick box). */
const FIELD_BYTES = 64 * 1024

export type UploadForm = { ok: true; form: FormData } | { ok: false; problem: 'too_large' | 'malformed' }

/** Writes one file part to `folder`, refusing it past `maxFileBytes`; a File backed by the written file. */
export function fileToDisk(folder: string, maxFileBytes: number): UploadHandler {
  let count = 0
  return async ({ name, filename, contentType, data }) => {
    if (filename === undefined) return undefined // a text field: the memory handler's
    const file = path.join(folder, `part-${count++}`)
    const out = createWriteStream(file)
    let size = 0
    let complete = false
    try {
      for await (const chunk of data) {
        size += chunk.byteLength
        if (size > maxFileBytes) throw new MaxPartSizeExceededError(name, maxFileBytes)
        if (!out.write(chunk)) await once(out, 'drain')
      }
      complete = true
    } finally {
      out.end()
      await once(out, 'close')
      if (!complete) await rm(file, { force: true }) // a part cut off at the cap is not kept, even for the route
    }
    const type = contentType || 'application/octet-stream'
    // a File over the file on disk: its bytes are read only when the route asks for them
    return new File([await openAsBlob(file, { type })], filename, { type })
  }
}

/**
 * Parses a multipart upload with files on disk, runs `use` with it, then deletes the files. A file past
 * `maxFileBytes` is `too_large` (reading stopped there), a body that does not parse `malformed`.
 */
export async function withUploadForm<T>(request: Request, maxFileBytes: number, use: (upload: UploadForm) => Promise<T>, tmpdir = os.tmpdir()): Promise<T> {
  if (!(request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')) return use({ ok: false, problem: 'malformed' })
  const folder = await mkdtemp(path.join(tmpdir, 'ssa-upload-form-'))
  try {
    let upload: UploadForm
    try {
      const handler = unstable_composeUploadHandlers(fileToDisk(folder, maxFileBytes), unstable_createMemoryUploadHandler({ maxPartSize: FIELD_BYTES }))
      upload = { ok: true, form: await unstable_parseMultipartFormData(request, handler) }
    } catch (error) {
      upload = { ok: false, problem: error instanceof MaxPartSizeExceededError ? 'too_large' : 'malformed' }
    }
    return await use(upload)
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}
