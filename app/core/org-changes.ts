// Changing the organisation tree: which parent a unit may hang under, the new paths when a unit moves (it and
// everything under it), and when a unit may be closed. Pure; the server applies the result in one transaction.
import { childPath, isWithin, type UnitKind } from './org'

/** The kind of unit each kind hangs under: halls under branches, branches under regions, regions at the top. */
export const PARENT_KIND: Record<UnitKind, UnitKind | null> = { region: null, branch: 'region', hall: 'branch' }

export const UNIT_CODE_PATTERN = /^[A-Za-z0-9-]{1,32}$/

/** Every unit whose path starts with the moved unit's path gets the new prefix; the rest keep theirs. */
export function pathsAfterMove<T extends { id: string; path: string }>(
  units: readonly T[],
  moved: { path: string; code: string },
  newParentPath: string,
): Array<{ id: string; from: string; to: string }> {
  const newPath = childPath(newParentPath, moved.code)
  return units
    .filter((u) => isWithin(u.path, moved.path))
    .map((u) => ({ id: u.id, from: u.path, to: newPath + u.path.slice(moved.path.length) }))
}

export type MoveRefusal = 'wrong_parent_kind' | 'same_parent' | 'parent_closed' | 'into_itself'

export function moveRefusal(
  unit: { kind: UnitKind; path: string; parentPath: string | null },
  parent: { kind: UnitKind; path: string; open: boolean },
): MoveRefusal | null {
  if (PARENT_KIND[unit.kind] !== parent.kind) return 'wrong_parent_kind'
  if (isWithin(parent.path, unit.path)) return 'into_itself'
  if (parent.path === unit.parentPath) return 'same_parent'
  if (!parent.open) return 'parent_closed'
  return null
}

export type CloseRefusal = 'has_active_people' | 'has_open_units' | 'already_closed'

/** A unit closes only when nobody active works under it and every unit under it is closed already. */
export function closeRefusal(state: { open: boolean; activePeople: number; openUnitsBelow: number }): CloseRefusal | null {
  if (!state.open) return 'already_closed'
  if (state.activePeople > 0) return 'has_active_people'
  if (state.openUnitsBelow > 0) return 'has_open_units'
  return null
}

export function isUnitKind(value: unknown): value is UnitKind {
  return value === 'region' || value === 'branch' || value === 'hall'
}
