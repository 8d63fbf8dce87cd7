// Where a stored picture is served: its content hash names it, so the URL never serves two different files
// and browsers may keep it for a year.
const EXTENSION_BY_MIME: Record<string, string> = { 'image/svg+xml': 'svg', 'image/png': 'png' }
const MIME_BY_EXTENSION: Record<string, string> = Object.fromEntries(Object.entries(EXTENSION_BY_MIME).map(([mime, ext]) => [ext, mime]))

export function mediaPath(hash: string, mime: string): string {
  return `/media/${hash}.${EXTENSION_BY_MIME[mime] ?? 'bin'}`
}

/** `<64 hex>.<svg|png>` → the hash and the type it must have, or null for anything else. */
export function parseMediaFile(file: string): { hash: string; mime: string } | null {
  const match = /^([0-9a-f]{64})\.([a-z]+)$/.exec(file)
  const mime = match ? MIME_BY_EXTENSION[match[2]] : undefined
  return match && mime ? { hash: match[1], mime } : null
}
