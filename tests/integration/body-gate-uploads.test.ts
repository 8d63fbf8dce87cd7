// Issue 13: "larger only for the upload routes that need it, streamed to disk with their own cap". An upload
// route's body goes to a file a chunk at a time (the server holds a chunk, not the body), is refused past the
// route's cap with nothing kept, and the file is gone once the answer is sent.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import vm from 'node:vm'
import express from 'express'
import { bodyGate } from '../../server/body-gate.js'
import { bodyLimitFor, FORM_BODY_LIMIT } from '../../server/body-limits.js'
import { multipartBlob } from '../../server/body-upload.js'

const MB = 1024 * 1024
v8.setFlagsFromString('--expose-gc')
/** A full collection, so that what is measured is what is held, not chunks already passed on and not yet collected. */
const collect = vm.runInNewContext('gc') as () => void
const IMPORT = '/admin/people/import' // 10 MB cap
const dir = mkdtempSync(path.join(os.tmpdir(), 'ssa-gate-uploads-'))
let base = ''
let close = () => {}
/** Requests held until `release()`: so that several bodies are alive in the server at the same moment. */
let held: Array<() => void> = []
let holdUntil = 0
const seen: Array<{ kind: string; onDisk: number; external: number; bytesOnDisk: number; parsed: Record<string, string | number> | null }> = []

/** Bytes of every file under the spool folder (the per-request folders and their parts). */
const bytesUnder = (folder: string): number =>
  readdirSync(folder, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? bytesUnder(path.join(folder, e.name)) : statSync(path.join(folder, e.name)).size), 0)

beforeAll(async () => {
  const app = express()
  app.use(bodyGate({ uploadDir: dir }))
  app.post('*', async (req, res) => {
    const body = (req as typeof req & { rawBody?: Buffer | Blob }).rawBody
    if (holdUntil > 0) {
      await new Promise<void>((resolve) => {
        held.push(resolve)
        if (held.length >= holdUntil) for (const go of held) go()
      })
    }
    collect()
    const form = (req as typeof req & { uploadForm?: FormData }).uploadForm
    const parsed = form ? Object.fromEntries([...form.entries()].map(([name, value]) => [name, typeof value === 'string' ? value : value.size])) : null
    seen.push({ kind: body instanceof Blob ? 'blob' : 'buffer', onDisk: readdirSync(dir).length, external: process.memoryUsage().arrayBuffers, bytesOnDisk: bytesUnder(dir), parsed })
    const size = body instanceof Blob ? body.size : (body?.length ?? 0)
    const request = new Request('http://x/', { method: 'POST', headers: { 'Content-Type': req.get('content-type')! }, body: body instanceof Blob ? body : new Uint8Array(body ?? []) })
    res.json({ size, fields: size ? [...(await request.formData()).keys()] : [] })
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => {
  close()
  rmSync(dir, { recursive: true, force: true })
})
afterEach(() => {
  held = []
  holdUntil = 0
  seen.length = 0
})

/** A multipart body of one file part of `size` bytes, made as it is sent from one reused 64 KB block. */
function multipartOf(size: number): { type: string; body: ReadableStream<Uint8Array> } {
  const head = new TextEncoder().encode('--b\r\nContent-Disposition: form-data; name="file"; filename="people.csv"\r\nContent-Type: text/csv\r\n\r\n')
  const tail = new TextEncoder().encode('\r\n--b--\r\n')
  const block = new Uint8Array(64 * 1024).fill(97)
  let sent = 0
  let started = false
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!started) return void ((started = true), controller.enqueue(head))
      if (sent >= size) return controller.enqueue(tail), controller.close()
      const part = block.subarray(0, Math.min(block.length, size - sent))
      sent += part.length
      controller.enqueue(part)
    },
  })
  return { type: 'multipart/form-data; boundary=b', body }
}

const post = (path: string, { type, body }: { type: string; body: ReadableStream<Uint8Array> | Uint8Array }) =>
  fetch(base + path, { method: 'POST', headers: { 'Content-Type': type }, body, duplex: 'half' } as RequestInit)

async function statusOf(run: () => Promise<Response>): Promise<number | 'closed'> {
  try {
    const response = await run()
    await response.arrayBuffer()
    return response.status
  } catch {
    return 'closed'
  }
}

/** The spool folder once the answers' "close" events have run. */
async function filesLeft(): Promise<string[]> {
  for (let i = 0; i < 100 && readdirSync(dir).length > 0; i++) await new Promise((r) => setTimeout(r, 20))
  return readdirSync(dir)
}

it('four 9 MB imports held at once cost disk, not the server memory: each body is on disk, then deleted', async () => {
  expect(bodyLimitFor('POST', IMPORT)).toBe(10 * MB + FORM_BODY_LIMIT)
  holdUntil = 4
  collect()
  const before = process.memoryUsage().arrayBuffers
  const answers = await Promise.all(Array.from({ length: 4 }, () => post(IMPORT, multipartOf(9 * MB)).then((r) => r.json())))
  for (const answer of answers) expect(answer).toEqual({ size: expect.any(Number), fields: ['file'] })
  for (const answer of answers) expect(answer.size).toBeGreaterThan(9 * MB)
  // kept in memory they are 36 MB of Buffers alive together (76–123 MB measured with their copies); streamed,
  // under 12 MB alone, up to 27 MB seen with other test files running at load 14 (the sending client shares
  // this process): less than the bodies themselves, whatever the machine
  expect(seen[0].external - before).toBeLessThan(36 * MB)
  expect(seen[0].onDisk).toBe(4) // all four bodies were files while the four requests were alive
  expect(seen.map((s) => s.kind)).toEqual(['blob', 'blob', 'blob', 'blob'])
  expect(await filesLeft()).toEqual([])
})

it('refuses an upload past its route cap while it streams in, and keeps nothing', async () => {
  collect()
  const before = process.memoryUsage().arrayBuffers
  const statuses = await Promise.all(Array.from({ length: 3 }, () => statusOf(() => post(IMPORT, multipartOf(40 * MB)))))
  for (const status of statuses) expect([413, 'closed']).toContain(status)
  expect(seen).toEqual([]) // no route saw any of them
  expect(await filesLeft()).toEqual([])
  collect()
  expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * MB)
})

it.each([
  { case: 'multipart cut off', body: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nhello' },
  { case: 'multipart of garbage', body: 'garbage' },
])('$case on an upload route → 400, nothing kept', async ({ body }) => {
  const response = await post(IMPORT, { type: 'multipart/form-data; boundary=b', body: new TextEncoder().encode(body) })
  expect(response.status).toBe(400)
  expect(seen).toEqual([])
  expect(await filesLeft()).toEqual([])
})

it('a form route keeps its small body in memory (no file for a 64 KB form)', async () => {
  const response = await fetch(`${base}/login`, { method: 'POST', body: new URLSearchParams({ username: 'clerk01' }) })
  expect(response.status).toBe(200)
  expect(seen.map((s) => s.kind)).toEqual(['buffer'])
  expect(seen[0].onDisk).toBe(0)
})

it('an upload is written to disk once and parsed once: the route gets the parsed form, its file the only bytes on disk', async () => {
  const file = new Uint8Array(1 * MB).fill(98)
  const form = new FormData()
  form.set('intent', 'check')
  form.set('file', new File([file], '账号.csv', { type: 'text/csv' }))
  const sent = new Request('http://x/', { method: 'POST', body: form })
  const bytes = new Uint8Array(await sent.arrayBuffer())
  const response = await post(IMPORT, { type: sent.headers.get('content-type')!, body: bytes })
  expect(await response.json()).toEqual({ size: expect.any(Number), fields: ['intent', 'file'] }) // the raw body still reads as the form
  expect(seen).toHaveLength(1)
  expect(seen[0].parsed).toEqual({ intent: 'check', file: 1 * MB }) // the gate's parse, handed on
  // the file part alone is on disk: the body was not spooled whole beside it (that was 2 MB for a 1 MB file)
  expect(seen[0].bytesOnDisk).toBe(1 * MB)
  expect(await filesLeft()).toEqual([])
})

it('the parsed parts put back together (the raw body a route may still read) are the same form', async () => {
  const form = new FormData()
  form.set('intent', 'check')
  form.set('note', '第 "一" 行\r\n第二行')
  form.set('file', new File([new TextEncoder().encode('工号,姓名\nc01,王芳\n')], '账号 "新".csv', { type: 'text/csv' }))
  const again = await new Request('http://x/', { method: 'POST', headers: { 'Content-Type': 'multipart/form-data; boundary=b1' }, body: multipartBlob(form, 'b1') }).formData()
  expect([...again.keys()]).toEqual(['intent', 'note', 'file'])
  expect(again.get('note')).toBe('第 "一" 行\r\n第二行')
  const file = again.get('file') as File
  expect([file.type, await file.text()]).toEqual(['text/csv', '工号,姓名\nc01,王芳\n'])
  expect(file.name).toMatch(/^账号 (%22|")新(%22|")\.csv$/) // a quote in a file name is sent escaped, as browsers do
})
