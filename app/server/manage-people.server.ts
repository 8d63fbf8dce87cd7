// The unit a manager page or export is about: the one named in the address (checked for scope), else the viewer's own.
import type { Viewer } from '~/core/permissions'
import { homeUnitOf, unitInScope } from './manage.server'
import type { UnitSummary } from './people.server'
import { badRequest, forbidden } from './responses.server'

const UnitCode = /^[A-Za-z0-9-]{1,32}$/

export async function unitOfAddress(viewer: Viewer, params: URLSearchParams): Promise<UnitSummary> {
  const code = params.get('unit')
  if (code !== null) {
    if (!UnitCode.test(code)) badRequest('malformed unit')
    return (await unitInScope(viewer, code)).unit
  }
  return (await homeUnitOf(viewer)) ?? forbidden('no single unit in scope')
}
