// After `remix build`: writes a brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside every text
// asset in public/build and the favicon, so the server sends them compressed at no cost per request
// (server/precompressed.js). Files already compressed and up to date are skipped.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const COMPRESSIBLE = /\.(js|mjs|css|svg|json|txt|html)$/
const MIN_BYTES = 512

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* files(full)
    else if (COMPRESSIBLE.test(entry.name)) yield full
  }
}

function isFresh(source, target) {
  try {
    return statSync(target).mtimeMs >= statSync(source).mtimeMs
  } catch {
    return false
  }
}

export function precompress(root = 'public') {
  let written = 0
  const candidates = [...files(path.join(root, 'build')), path.join(root, 'favicon.svg')]
  for (const file of candidates) {
    let bytes
    try {
      bytes = readFileSync(file)
    } catch {
      continue
    }
    if (bytes.length < MIN_BYTES) continue
    if (!isFresh(file, `${file}.br`)) {
      writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }))
      written++
    }
    if (!isFresh(file, `${file}.gz`)) {
      writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }))
      written++
    }
  }
  return written
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve('scripts/precompress.mjs')) {
  console.log(`precompress: ${precompress(process.argv[2] ?? 'public')} file(s) written`)
}
