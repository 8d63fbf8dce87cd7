// Looks inside a ZIP (an XLSX is one) before anything unpacks it for real. exceljs hands the whole archive to
// jszip, which inflates every entry into memory without a limit: a 50 KB upload can declare — or, worse, secretly
// hold — gigabytes. So we read the central directory ourselves, refuse declared sizes and ratios that no real
// spreadsheet has, and then inflate each entry with a hard output cap (zlib's maxOutputLength), which catches an
// archive that lies about its sizes. Only "stored" and "deflate" entries exist in XLSX files; anything else is
// refused.
import { inflateRawSync } from 'node:zlib'

export type ZipLimits = {
  /** Sum of the uncompressed sizes of all entries. */
  maxTotalBytes: number
  /** Uncompressed ÷ compressed, per entry; only checked on entries bigger than `ratioFloorBytes`. */
  maxRatio: number
  ratioFloorBytes: number
  maxEntries: number
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 64 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 2000,
}

export type ZipEntry = { name: string; method: number; compressedSize: number; size: number; localOffset: number }

export type ZipInspection =
  | { ok: true; entries: ZipEntry[] }
  | { ok: false; reason: 'too_large' | 'malformed'; detail: string }

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const ZIP64_MARK = 0xffffffff

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

export function inspectZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipInspection {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const listed = readCentralDirectory(bytes, view, limits)
  if (!listed.ok) return listed
  let total = 0
  for (const entry of listed.entries) {
    if (entry.method !== 0 && entry.method !== 8) return refuse('malformed', `unsupported method ${entry.method}`)
    if (entry.size === ZIP64_MARK || entry.compressedSize === ZIP64_MARK) return refuse('too_large', 'zip64 entry')
    total += entry.size
    if (total > limits.maxTotalBytes) return refuse('too_large', `declares more than ${limits.maxTotalBytes} bytes`)
    if (entry.size > limits.ratioFloorBytes && entry.size > limits.maxRatio * Math.max(entry.compressedSize, 1))
      return refuse('too_large', `${entry.name} expands ${Math.round(entry.size / Math.max(entry.compressedSize, 1))}×`)
  }
  for (const entry of listed.entries) {
    const checked = inflateWithinDeclaredSize(bytes, view, entry)
    if (checked) return checked
  }
  return listed
}

function readCentralDirectory(bytes: Uint8Array, view: DataView, limits: ZipLimits): ZipInspection {
  const end = findEndOfCentralDirectory(view)
  if (end < 0) return refuse('malformed', 'no end of central directory')
  const count = view.getUint16(end + 10, true)
  const offset = view.getUint32(end + 16, true)
  if (count > limits.maxEntries) return refuse('too_large', `${count} entries`)
  const entries: ZipEntry[] = []
  let at = offset
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return refuse('malformed', 'broken directory')
    const nameLength = view.getUint16(at + 28, true)
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
    if (at + 46 + nameLength > bytes.length) return refuse('malformed', 'broken directory')
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    })
    at += 46 + skip
  }
  return { ok: true, entries }
}

function findEndOfCentralDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff)
  for (let at = view.byteLength - 22; at >= lowest; at--) if (view.getUint32(at, true) === EOCD) return at
  return -1
}

// Inflates one entry with the output capped at its declared size: more output than declared is a lie.
function inflateWithinDeclaredSize(bytes: Uint8Array, view: DataView, entry: ZipEntry): ZipInspection | null {
  const at = entry.localOffset
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) return refuse('malformed', 'broken local header')
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
  const data = bytes.subarray(start, start + entry.compressedSize)
  if (data.length !== entry.compressedSize) return refuse('malformed', `${entry.name} is cut short`)
  if (entry.method === 0) return entry.size === entry.compressedSize ? null : refuse('malformed', 'stored size differs')
  try {
    const out = inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) })
    return out.length === entry.size ? null : refuse('malformed', `${entry.name} size differs from its header`)
  } catch (error) {
    if (error instanceof RangeError) return refuse('too_large', `${entry.name} inflates beyond its declared size`)
    return refuse('malformed', `${entry.name} does not inflate`)
  }
}

function refuse(reason: 'too_large' | 'malformed', detail: string): ZipInspection {
  return { ok: false, reason, detail }
}
