// The scale bench's seeded files, kept in the temp folder and reused with SCALE_REUSE=1, so that a figure can be
// measured again (on a quiet machine, after a change to a query) without paying for the seed. A file is named by
// its size; beside it, <file>.json says what it was seeded from: the size, the migration list, a fingerprint of the
// content folder and the seed's version, the clock it was seeded at (the pages are then read at that same `now`,
// so overdue work is what it was) and the organisation's codes. The note is written only once the seed has
// finished, so a seed that was stopped half-way is never reused.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ScaleOrganisation, ScaleSize } from './scale-org.ts'

/** Bump when the seed writes different rows (a new table filled, other figures): older files are then reseeded. */
const SEED_VERSION = 3 // 3: LearnerProgress filled (decision 0041)

interface SeedNote {
  size: ScaleSize
  fingerprint: string
  seededAt: string
  org: ScaleOrganisation
}

export const scaleFile = (size: ScaleSize) => path.join(os.tmpdir(), `ssa-scale-sqlite-${size.halls}h-${size.clerks}c-${size.attempts}a-${size.reads}r.db`)

/** What the file must have been seeded from to be reused: migrations, content files (name and size), seed version. */
function fingerprint(): string {
  const hash = createHash('sha256').update(`seed ${SEED_VERSION}\n`)
  for (const name of readdirSync('prisma/migrations').sort()) hash.update(`migration ${name}\n`)
  const content = readdirSync('content', { recursive: true, encoding: 'utf8' }).sort()
  for (const name of content) {
    const stat = statSync(path.join('content', name))
    if (stat.isFile()) hash.update(`content ${name} ${stat.size}\n`)
  }
  return hash.digest('hex').slice(0, 16)
}

export type Reuse = { reused: true; seededAt: Date; org: ScaleOrganisation } | { reused: false; why: string }

/** Whether `file` can be reused for `size` now; the reason when not (said on stderr by the bench). */
export function reusableSeed(file: string, size: ScaleSize): Reuse {
  const notePath = `${file}.json`
  if (!existsSync(file) || !existsSync(notePath)) return { reused: false, why: 'no finished seed of this size' }
  const note = JSON.parse(readFileSync(notePath, 'utf8')) as SeedNote
  if (JSON.stringify(note.size) !== JSON.stringify(size)) return { reused: false, why: 'its size differs' }
  if (note.fingerprint !== fingerprint()) return { reused: false, why: 'migrations, content or the seed changed since' }
  return { reused: true, seededAt: new Date(note.seededAt), org: note.org }
}

/** Called before seeding: a file being rewritten has no note. */
export const forgetSeed = (file: string) => rmSync(`${file}.json`, { force: true })

export function rememberSeed(file: string, size: ScaleSize, seededAt: Date, org: ScaleOrganisation): void {
  // the bench names only the first clerk: 20 000 usernames would make the note 200 kB for nothing
  const note: SeedNote = { size, fingerprint: fingerprint(), seededAt: seededAt.toISOString(), org: { ...org, clerks: org.clerks.slice(0, 10) } }
  writeFileSync(`${file}.json`, JSON.stringify(note, null, 2))
}
