// The per learner and course roll-up of module reads: what the managers' pages, the exports and the clerk's own
// course list count, folded from the learner's reads of one course against the course's current modules. The
// server keeps it in the same transaction as every read and every publish (app/server/read-rollup.server.ts).
export interface ReadRollupFigures {
  /** Modules of the course's current version read at their current version. */
  read: number
  /** Modules in the course's current version. */
  total: number
  /** When the last of those current-version reads was recorded: reading was complete then, when read = total. */
  currentReadAt: Date | null
  /** The latest read in this course, at any version (a learner's last activity). */
  lastReadAt: Date
}

export interface DatedRead {
  slug: string
  versionId: string
  at: Date
}

/** The figures of one learner and course; null when they have read nothing of it (no row is kept). */
export function readRollupOf(modules: ReadonlyArray<{ slug: string; versionId: string }>, reads: readonly DatedRead[]): ReadRollupFigures | null {
  if (reads.length === 0) return null
  const current = new Set(modules.map((m) => `${m.slug}\u0000${m.versionId}`))
  // a module counts from its first read at the current version (the store keeps one per version; the rule holds anyway)
  const firstRead = new Map<string, Date>()
  let lastReadAt = reads[0].at
  for (const r of reads) {
    if (r.at > lastReadAt) lastReadAt = r.at
    const key = `${r.slug}\u0000${r.versionId}`
    if (!current.has(key)) continue
    const before = firstRead.get(key)
    if (!before || r.at < before) firstRead.set(key, r.at)
  }
  let currentReadAt: Date | null = null
  for (const at of firstRead.values()) if (!currentReadAt || at > currentReadAt) currentReadAt = at
  const read = firstRead.size
  return { read, total: modules.length, currentReadAt, lastReadAt }
}

/** Whether the reading of a course was complete by `end` (every current module read by then). */
export function readingCompleteBy(figures: Pick<ReadRollupFigures, 'read' | 'total' | 'currentReadAt'> | undefined, end: Date): boolean {
  return figures !== undefined && figures.total > 0 && figures.read === figures.total && figures.currentReadAt !== null && figures.currentReadAt <= end
}

export const sameReadFigures = (a: ReadRollupFigures, b: ReadRollupFigures) =>
  a.read === b.read && a.total === b.total && a.currentReadAt?.getTime() === b.currentReadAt?.getTime() && a.lastReadAt.getTime() === b.lastReadAt.getTime()
