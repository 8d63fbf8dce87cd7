// HTTP measurements for benchmarks: requests/s under autocannon load, and the gzipped JavaScript a page loads.
import { gzipSync } from 'node:zlib'
import autocannon from 'autocannon'

export interface LoadSettings {
  connections: number
  warmupSeconds: number
  seconds: number
}

/** Mean requests/s over `seconds` after a warm-up; throws when any request failed or was not 2xx. */
export async function requestsPerSecond(url: string, headers: Record<string, string>, settings: LoadSettings): Promise<number> {
  const run = (duration: number) => autocannon({ url, headers, connections: settings.connections, duration })
  await run(settings.warmupSeconds)
  const result = await run(settings.seconds)
  if (result.errors || result.timeouts || result.non2xx) {
    throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx responses under load`)
  }
  return result.requests.average
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1]

/** Every script a page loads: `<script src>`, `<link rel="modulepreload" href>` and `import "…"` in inline module scripts. */
export function scriptUrls(html: string, baseURL: string): string[] {
  const found = new Set<string>()
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attribute(tag, 'src')
    if (src) found.add(src)
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = attribute(tag, 'href')
    if (href && attribute(tag, 'rel')?.toLowerCase() === 'modulepreload') found.add(href)
  }
  for (const [, body] of html.matchAll(/<script\b[^>]*type=["']module["'][^>]*>([\s\S]*?)<\/script>/gi)) {
    for (const [, specifier] of body.matchAll(/\bimport\s*(?:[^"';]*?\sfrom\s*)?["']([^"']+)["']/g)) found.add(specifier)
  }
  return [...found].map((u) => new URL(u, baseURL).href)
}

/** Downloads each URL and sums its gzip -9 size, in bytes. */
export async function gzippedBytes(urls: string[]): Promise<number> {
  let total = 0
  for (const url of urls) {
    const response = await fetch(url)
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
    total += gzipSync(Buffer.from(await response.arrayBuffer()), { level: 9 }).length
  }
  return total
}
