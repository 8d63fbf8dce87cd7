// The unit a manager page or export is about: the one named in the address (checked for scope), else the viewer's own.
import { UNIT_PARAMS } from '~/core/people-filter'
import type { Viewer } from '~/core/permissions'
import { homeUnitOf, unitInScope } from './manage.server'
import type { UnitSummary } from './people.server'
import { badRequest, forbidden } from './responses.server'

const UnitCode = /^[A-Za-z0-9-]{1,32}$/

/**
 * The unit the address names by `unit=`, `hall=`, `branch=` or `region=` (decision 0039), or null when it names none.
 * Every code named is checked for scope first, so another unit answers 403 as an unknown one does (decision 0023),
 * whatever else the address holds; then two different units, or a code of another kind than its name says, are a 400.
 */
export async function namedUnit(viewer: Viewer, params: URLSearchParams): Promise<UnitSummary | null> {
  const named = UNIT_PARAMS.flatMap((key) => params.getAll(key).map((code) => ({ key, code })))
  if (named.length === 0) return null
  if (named.some(({ code }) => !UnitCode.test(code))) badRequest('malformed unit')
  const units = await Promise.all(named.map(async ({ key, code }) => ({ key, unit: (await unitInScope(viewer, code)).unit })))
  if (new Set(units.map(({ unit }) => unit.code)).size > 1) badRequest('one unit at a time')
  const wrongKind = units.find(({ key, unit }) => key !== 'unit' && key !== unit.kind)
  if (wrongKind) badRequest(`${wrongKind.unit.code} is not a ${wrongKind.key}`)
  return units[0].unit
}

export async function unitOfAddress(viewer: Viewer, params: URLSearchParams): Promise<UnitSummary> {
  return (await namedUnit(viewer, params)) ?? (await homeUnitOf(viewer)) ?? forbidden('no single unit in scope')
}

/** A unit's own page (/manage/halls/H01) names its unit in its path: another one in the address is refused, not ignored. */
export async function refuseOtherUnit(viewer: Viewer, params: URLSearchParams, code: string): Promise<void> {
  const unit = await namedUnit(viewer, params)
  if (unit && unit.code !== code) badRequest('the page is of one unit: name no other')
}
