// The organisation tree as materialized paths: "/R01/" region, "/R01/B01/" branch, "/R01/B01/H01/" hall.
export const UNIT_KINDS = ['region', 'branch', 'hall'] as const
export type UnitKind = (typeof UNIT_KINDS)[number]

/** The path of a unit under its parent's path ("/" for a region). */
export function childPath(parentPath: string, code: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(code)) throw new Error(`unit code must be letters, digits or -: ${code}`)
  return `${parentPath.endsWith('/') ? parentPath : `${parentPath}/`}${code}/`
}

/** True when `path` is the unit at `ancestorPath` or lies under it. */
export function isWithin(path: string, ancestorPath: string): boolean {
  return ancestorPath.length > 0 && path.startsWith(ancestorPath)
}

/** Drops prefixes covered by another prefix in the list, so a scope query has no overlapping terms. */
export function coveringPaths(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length || a.localeCompare(b))
  const kept: string[] = []
  for (const p of sorted) if (!kept.some((k) => isWithin(p, k))) kept.push(p)
  return kept
}
