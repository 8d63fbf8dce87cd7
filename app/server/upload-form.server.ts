// The upload routes' forms (people import, evidence import, question banks): each file part streams to a
// folder of this request only, a chunk at a time, and is refused past the route's own cap; the route gets a
// disk-backed File (its name as uploaded) and the folder is deleted when the route is done with it, whatever
// happened. Other fields are small and read in memory. Behind the server, the body gate has already parsed the
// upload as it came in, its files written once to disk under the route's body cap (server/body-upload.js), and
// the load context carries that form: the route uses it as it is (no second parse, no second write). The
// parse here is for a request that did not come through the gate (a route called directly, as tests do).
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

/** The form the body gate parsed for this request, from the route's load context, if there is one. */
function gateForm(context: unknown): FormData | null {
  const form = context && typeof context === 'object' && 'uploadForm' in context ? context.uploadForm : null
  return form instanceof FormData ? form : null
}

/** An upload route's form: the one the body gate parsed, else the body parsed here (a request not through the gate). */
export async function uploadFormOf(request: Request, context: unknown): Promise<FormData> {
  return gateForm(context) ?? request.formData()
}

/** The gate's form, with a file past the route's own cap refused as the streaming parse below refuses it. */
function checkedGateForm(form: FormData, maxFileBytes: number): UploadForm {
  const tooLarge = [...form.values()].some((value) => typeof value !== 'string' && value.size > maxFileBytes)
  return tooLarge ? { ok: false, problem: 'too_large' } : { ok: true, form }
}

/**
 * Runs `use` with a multipart upload whose files are on disk, then deletes the files it wrote. The form the
 * body gate parsed (in `context`) is used as it is; otherwise the body is parsed here. A file past
 * `maxFileBytes` is `too_large`, a body that does not parse `malformed`.
 */
export async function withUploadForm<T>(request: Request, maxFileBytes: number, use: (upload: UploadForm) => Promise<T>, where: string | { context: unknown } = os.tmpdir()): Promise<T> {
  if (!(request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')) return use({ ok: false, problem: 'malformed' })
  const parsed = typeof where === 'string' ? null : gateForm(where.context)
  const tmpdir = typeof where === 'string' ? where : os.tmpdir()
  if (parsed) return use(checkedGateForm(parsed, maxFileBytes)) // its files are the gate's, deleted after the answer
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
