// The upload routes' forms: the file part goes to disk with its own cap and the folder goes once the route is done.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { withUploadForm } from './upload-form.server'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'ssa-upload-form-test-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** Every file under the test's temp folder (the per-request folders and their parts). */
const filesUnder = (dir = tmp): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [e.name]))

function uploadOf(bytes: Uint8Array<ArrayBuffer>, fields: Record<string, string> = { intent: 'check' }): Request {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.set(name, value)
  form.set('file', new File([bytes], '账号.csv', { type: 'text/csv' }))
  return new Request('http://x/admin/people/import', { method: 'POST', body: form })
}

it('gives the route the file as uploaded (name, bytes) from disk, then deletes it', async () => {
  const bytes = new TextEncoder().encode('工号,姓名\nc01,王芳\n')
  const seen = await withUploadForm(uploadOf(bytes), 1024, async (upload) => {
    if (!upload.ok) throw new Error(upload.problem)
    const file = upload.form.get('file') as File
    return { name: file.name, type: file.type, text: await file.text(), intent: upload.form.get('intent'), onDisk: filesUnder() }
  }, tmp)
  expect(seen).toEqual({ name: '账号.csv', type: 'text/csv', text: '工号,姓名\nc01,王芳\n', intent: 'check', onDisk: ['part-0'] })
  expect(filesUnder()).toEqual([])
})

it('refuses a file past its cap as too_large and keeps nothing', async () => {
  const outcome = await withUploadForm(uploadOf(new Uint8Array(300 * 1024).fill(65)), 256 * 1024, async (upload) => ({ upload, onDisk: filesUnder() }), tmp)
  expect(outcome.upload).toEqual({ ok: false, problem: 'too_large' })
  expect(outcome.onDisk).toEqual([]) // the part cut off at the cap is gone before the route runs
  expect(filesUnder()).toEqual([])
})

it('deletes the files even when the route throws', async () => {
  await expect(withUploadForm(uploadOf(new Uint8Array(10)), 1024, async () => Promise.reject(new Error('import failed')), tmp)).rejects.toThrow('import failed')
  expect(filesUnder()).toEqual([])
})

it.each([
  { case: 'not multipart', request: new Request('http://x/', { method: 'POST', body: new URLSearchParams({ a: '1' }) }) },
  { case: 'cut off', request: new Request('http://x/', { method: 'POST', headers: { 'Content-Type': 'multipart/form-data; boundary=b' }, body: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nhello' }) },
])('$case → malformed', async ({ request }) => {
  expect(await withUploadForm(request, 1024, async (upload) => upload, tmp)).toEqual({ ok: false, problem: 'malformed' })
  expect(filesUnder()).toEqual([])
})
