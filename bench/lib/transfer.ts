// Bytes on the wire for a first visit, as a browser that accepts brotli and gzip fetches it: each page, then
// every stylesheet, script and icon it names that was not fetched before (a first visit has an empty cache).
import http from 'node:http'
import { scriptUrls } from './load.ts'

const ACCEPT = 'gzip, deflate, br'

/** GET without decompressing: the body's size as sent, and the body itself decoded for reading. */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; wire: number; encoding: string | null; text: Promise<string> }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'Accept-Encoding': ACCEPT, ...headers } }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          const body = Buffer.concat(chunks)
          const encoding = (response.headers['content-encoding'] as string | undefined) ?? null
          resolve({ status: response.statusCode ?? 0, wire: body.length, encoding, text: decode(body, encoding) })
        })
      })
      .on('error', reject)
  })
}

async function decode(body: Buffer, encoding: string | null): Promise<string> {
  const { brotliDecompressSync, gunzipSync } = await import('node:zlib')
  if (encoding === 'br') return brotliDecompressSync(body).toString('utf8')
  if (encoding === 'gzip') return gunzipSync(body).toString('utf8')
  return body.toString('utf8')
}

function assetUrls(html: string, baseURL: string): string[] {
  const links = [...html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*>/g)]
    .filter(([tag]) => /rel="(stylesheet|icon)"/.test(tag))
    .map(([, href]) => new URL(href, baseURL).href)
  return [...links, ...scriptUrls(html, baseURL)]
}

/** The wire bytes of visiting `paths` in order with `cookie` (null for the anonymous first page). */
export async function firstVisitBytes(baseURL: string, visits: Array<{ path: string; cookie: string | null }>): Promise<number> {
  const fetched = new Set<string>()
  let total = 0
  for (const visit of visits) {
    const page = await rawGet(baseURL + visit.path, visit.cookie ? { cookie: visit.cookie } : {})
    if (page.status !== 200) throw new Error(`GET ${visit.path}: HTTP ${page.status}`)
    total += page.wire
    for (const url of assetUrls(await page.text, baseURL)) {
      if (fetched.has(url)) continue
      fetched.add(url)
      const asset = await rawGet(url)
      if (asset.status !== 200) throw new Error(`GET ${url}: HTTP ${asset.status}`)
      total += asset.wire
    }
  }
  return total
}
