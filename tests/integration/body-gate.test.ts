// Issue 13, findings 4 and 7: bodies are capped before anything reads them, and malformed bodies are a 400.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { bodyGate } from '../../server/body-gate.js'
import { bodyLimitFor, FORM_BODY_LIMIT, UPLOAD_ROUTES } from '../../server/body-limits.js'

let base = ''
let close = () => {}
beforeAll(async () => {
  const app = express()
  app.use(bodyGate())
  app.all('*', async (req, res) => {
    const body = (req as typeof req & { rawBody?: Buffer | Blob }).rawBody
    const bytes = body instanceof Blob ? body.size : (body?.length ?? 0)
    const request = new Request('http://x/', { method: req.method, headers: { 'Content-Type': req.get('content-type') ?? '' }, body: body instanceof Blob ? body : body ? new Uint8Array(body) : undefined })
    const form = bytes ? await request.formData() : new FormData()
    res.json({ bytes, fields: [...form.keys()] })
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

/** A body of `size` bytes made as it is sent (chunked: no Content-Length to refuse it by). */
function streamOf(size: number, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0
  const block = new Uint8Array(chunk).fill(97)
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close()
      sent += chunk
      controller.enqueue(block)
    },
  })
}

async function statusOf(run: () => Promise<Response>): Promise<number | 'closed'> {
  try {
    const response = await run()
    await response.arrayBuffer()
    return response.status
  } catch {
    return 'closed' // the server closed the connection while the client was still sending: also a refusal
  }
}

describe('the body table', () => {
  it('gives forms 64 KB and only the listed upload routes more', () => {
    expect(bodyLimitFor('POST', '/login')).toBe(FORM_BODY_LIMIT)
    // a file of the import's own cap (10 MB) still passes with its form fields and framing around it
    expect(bodyLimitFor('POST', '/admin/people/import')).toBe(10 * 1024 * 1024 + FORM_BODY_LIMIT)
    expect(bodyLimitFor('POST', '/admin/people/import/')).toBe(10 * 1024 * 1024 + FORM_BODY_LIMIT)
    expect(bodyLimitFor('GET', '/admin/people/import')).toBe(FORM_BODY_LIMIT)
    expect(bodyLimitFor('POST', '/manage/evidence/import')).toBe(10 * 1024 * 1024 + FORM_BODY_LIMIT)
    expect(bodyLimitFor('POST', '/admin/people/import-other')).toBe(FORM_BODY_LIMIT)
    expect(UPLOAD_ROUTES.every((r) => r.limit > FORM_BODY_LIMIT)).toBe(true)
  })
})

describe('finding 4: no unbounded bodies', () => {
  it('refuses a declared 100 MB body at once with 413', async () => {
    const status = await statusOf(() =>
      fetch(`${base}/login`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(100 * 1024 * 1024) }, body: streamOf(100 * 1024 * 1024), duplex: 'half' } as RequestInit),
    )
    expect([413, 'closed']).toContain(status)
  })

  it('four parallel 100 MB chunked bodies leave the server\'s memory nearly where it was', async () => {
    const before = process.memoryUsage().rss
    const statuses = await Promise.all(
      Array.from({ length: 4 }, () =>
        statusOf(() =>
          fetch(`${base}/login`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: streamOf(100 * 1024 * 1024), duplex: 'half' } as RequestInit),
        ),
      ),
    )
    for (const status of statuses) expect([413, 'closed']).toContain(status)
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024)
  })

  it('takes a form just under 64 KB, and an upload of 2 MB on an upload route only', async () => {
    const field = 'a'.repeat(FORM_BODY_LIMIT - 10)
    const small = await fetch(`${base}/login`, { method: 'POST', body: new URLSearchParams({ text: field }) })
    expect(small.status).toBe(200)
    const file = new FormData()
    file.set('file', new Blob([new Uint8Array(2 * 1024 * 1024)]), 'people.xlsx')
    const upload = await fetch(`${base}/admin/people/import`, { method: 'POST', body: file })
    expect(await upload.json()).toEqual({ bytes: expect.any(Number), fields: ['file'] })
    const file2 = new FormData()
    file2.set('file', new Blob([new Uint8Array(2 * 1024 * 1024)]), 'people.xlsx')
    expect(await statusOf(() => fetch(`${base}/login`, { method: 'POST', body: file2 }))).not.toBe(200)
  })
})

describe('a refusal a person reads', () => {
  /** A form body just past the cap, on a connection of its own (the refusal closes it), as a browser sends it. */
  function tooLarge(headers: Record<string, string>, path = '/login'): Promise<{ status: number; type: string; text: string }> {
    const body = Buffer.from(`text=${'a'.repeat(FORM_BODY_LIMIT)}`)
    return new Promise((resolve, reject) => {
      const request = http.request(`${base}${path}`, { method: 'POST', agent: false, headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': body.length, ...headers } }, (response) => {
        let text = ''
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), text }))
      })
      request.on('error', reject)
      request.end(body)
    })
  }

  it('gives a browser\'s own form post a page in both languages that leads back to the form', async () => {
    const response = await tooLarge({ Accept: 'text/html,application/xhtml+xml', Referer: `${base}/trainer/banks?x=1` })
    expect(response.status).toBe(413)
    expect(response.type).toMatch(/^text\/html/)
    const page = response.text
    expect(page).toContain('<h1>请求内容过大 / Request body too large</h1>')
    expect(page).toContain('请返回上一页，选择较小的文件后重试')
    expect(page).toContain('<p lang="en">The file or text is larger than this page accepts')
    expect(page).toContain('<a href="/trainer/banks?x=1">返回上一页 / Go back</a>')
  })

  it('leads back home, not to another site, and gives scripts and Remix data requests the plain message', async () => {
    expect((await tooLarge({ Accept: 'text/html', Referer: 'https://evil.example/phish' })).text).toContain('<a href="/">')
    const data = await tooLarge({ Accept: 'text/html' }, '/login?_data=routes%2Flogin')
    expect(data.type).toMatch(/^text\/plain/)
    expect(data.text).toBe('请求内容过大 / Request body too large')
    expect((await tooLarge({ Accept: '*/*' })).text).toBe('请求内容过大 / Request body too large')
  })
})

describe('finding 7: malformed bodies are a 400, not a 500', () => {
  it.each([
    { case: 'JSON to a form route', type: 'application/json', body: '{"username":"clerk01"}' },
    { case: 'plain text', type: 'text/plain', body: 'username=clerk01' },
    { case: 'a body with no type', type: null, body: 'username=clerk01' },
    { case: 'multipart without a boundary', type: 'multipart/form-data', body: '--x\r\n' },
    { case: 'multipart cut off', type: 'multipart/form-data; boundary=x', body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nhello' },
    { case: 'multipart of garbage', type: 'multipart/form-data; boundary=x', body: 'garbage' },
  ])('$case → 400', async ({ type, body }) => {
    const headers: Record<string, string> = type ? { 'Content-Type': type } : {}
    const response = await fetch(`${base}/login`, { method: 'POST', headers, body: new TextEncoder().encode(body) })
    expect(response.status).toBe(400)
  })

  it('passes a well-formed multipart form and an empty POST', async () => {
    const form = new FormData()
    form.set('username', 'clerk01')
    expect(await (await fetch(`${base}/login`, { method: 'POST', body: form })).json()).toEqual({ bytes: expect.any(Number), fields: ['username'] })
    expect((await fetch(`${base}/logout`, { method: 'POST' })).status).toBe(200)
  })
})
