// Issue 13, finding 13: static assets are served pre-compressed (brotli, else gzip) by Accept-Encoding, and
// pages are compressed on the fly.
import http from 'node:http'
import { inject } from 'vitest'

interface RawResponse {
  status: number
  headers: http.IncomingHttpHeaders
  bytes: number
}

/** GET without decompressing, so the bytes are the bytes on the wire. */
function get(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const url = new URL(path, inject('baseURL'))
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        let bytes = 0
        response.on('data', (chunk: Buffer) => (bytes += chunk.length))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes }))
      })
      .on('error', reject)
  })
}

async function firstScript(): Promise<string> {
  const html = await (await fetch(`${inject('baseURL')}/login`)).text()
  const src = /<link rel="modulepreload" href="(\/build\/[^"]+\.js)"/.exec(html)?.[1]
  if (!src) throw new Error('no script on /login')
  return src
}

it('a script comes as brotli, gzip or plain, by what the browser accepts, with the same type', async () => {
  const src = await firstScript()
  const plain = await get(src)
  const br = await get(src, { 'Accept-Encoding': 'gzip, deflate, br' })
  const gzip = await get(src, { 'Accept-Encoding': 'gzip' })
  expect(plain.headers['content-encoding']).toBeUndefined()
  expect(br.headers['content-encoding']).toBe('br')
  expect(gzip.headers['content-encoding']).toBe('gzip')
  for (const response of [plain, br, gzip]) {
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toMatch(/javascript/)
    expect(response.headers['cache-control']).toMatch(/immutable/)
    expect(response.headers.vary).toMatch(/Accept-Encoding/i)
  }
  expect(br.bytes).toBeLessThan(gzip.bytes)
  expect(gzip.bytes).toBeLessThan(plain.bytes * 0.6)
})

it('the stylesheet is served pre-compressed as well', async () => {
  const html = await (await fetch(`${inject('baseURL')}/login`)).text()
  const href = /<link rel="stylesheet" href="(\/build\/[^"]+\.css)"/.exec(html)?.[1]
  const css = await get(href!, { 'Accept-Encoding': 'br' })
  expect(css.headers['content-encoding']).toBe('br')
  expect(css.headers['content-type']).toMatch(/text\/css/)
})

it('a page is compressed on the fly, and not when the browser asks for nothing', async () => {
  const compressed = await get('/login', { 'Accept-Encoding': 'gzip, br' })
  const plain = await get('/login')
  expect(['br', 'gzip']).toContain(compressed.headers['content-encoding'])
  expect(compressed.headers['content-type']).toMatch(/text\/html/)
  expect(compressed.bytes).toBeLessThan(plain.bytes * 0.5)
  expect(plain.headers['content-encoding']).toBeUndefined()
})

it('a missing asset is still a 404', async () => {
  expect((await get('/build/no-such-file.js', { 'Accept-Encoding': 'br' })).status).toBe(404)
})
