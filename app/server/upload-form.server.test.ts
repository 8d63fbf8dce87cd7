// The upload routes' forms: the file part goes to disk with its own cap and the folder goes once the route is done.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { uploadFormOf, withUploadForm } from './upload-form.server'

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

describe('behind the body gate: the form it parsed is used as it is (no second parse, no second write)', () => {
  const gateForm = (bytes: Uint8Array<ArrayBuffer>) => {
    const form = new FormData()
    form.set('intent', 'import')
    form.set('file', new File([bytes], '账号.csv', { type: 'text/csv' }))
    return form
  }

  it('the route gets the gate\'s form; the body is not read and nothing is written', async () => {
    const request = uploadOf(new TextEncoder().encode('other bytes'))
    const uploadForm = gateForm(new TextEncoder().encode('工号,姓名\n'))
    const seen = await withUploadForm(request, 1024, async (upload) => ({ upload, onDisk: filesUnder() }), { context: { uploadForm } })
    expect(seen.upload).toEqual({ ok: true, form: uploadForm })
    expect(seen.onDisk).toEqual([])
    expect(request.bodyUsed).toBe(false)
  })

  it('a file past the route\'s own cap is still too_large', async () => {
    const seen = await withUploadForm(uploadOf(new Uint8Array(1)), 256, async (upload) => upload, { context: { uploadForm: gateForm(new Uint8Array(257)) } })
    expect(seen).toEqual({ ok: false, problem: 'too_large' })
  })

  it('a context without a form (a route called directly): parsed here as before', async () => {
    const seen = await withUploadForm(uploadOf(new TextEncoder().encode('a,b\n')), 1024, async (upload) => (upload.ok ? await (upload.form.get('file') as File).text() : upload.problem), { context: { clientAddress: '127.0.0.1' } })
    expect(seen).toBe('a,b\n')
  })
})

it('a route reading its form whole gets the gate\'s form as it is, or parses the body itself without one', async () => {
  const uploadForm = new FormData()
  uploadForm.set('name', 'gate')
  const request = uploadOf(new TextEncoder().encode('x'), { name: 'body' })
  expect(await uploadFormOf(request, { uploadForm })).toBe(uploadForm)
  expect(request.bodyUsed).toBe(false)
  expect((await uploadFormOf(request, {})).get('name')).toBe('body')
})
