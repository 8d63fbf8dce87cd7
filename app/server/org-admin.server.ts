// Admins change the organisation: create, rename, move and close regions, branches and halls. A move rewrites
// the materialized path of the unit and of everything under it in one transaction; closing keeps the unit and
// its history and only stops it taking people.
import { canChangeOrganisation, type Viewer } from '~/core/permissions'
import { childPath, type UnitKind } from '~/core/org'
import { closeRefusal, isUnitKind, moveRefusal, PARENT_KIND, pathsAfterMove } from '~/core/org-changes'
import { checkThenWrite, isUniqueViolation, prisma } from './db.server'
import { recordAudit } from './audit.server'
import { forbidden, notFound } from './responses.server'

export type OrgChangeResult = { ok: true; code: string } | { ok: false; field: string; error: string }

function requireOrganisationRights(viewer: Viewer): void {
  if (!canChangeOrganisation(viewer)) forbidden('organisation changes are for admins')
}

export interface OrgUnitRow {
  code: string
  kind: string
  nameZh: string
  nameEn: string
  path: string
  closed: boolean
  activePeople: number
}

/** The whole tree with each unit's active head count (people whose hall lies under it). */
export async function organisationForAdmin(): Promise<OrgUnitRow[]> {
  const [units, people] = await Promise.all([
    prisma.orgUnit.findMany({ select: { code: true, kind: true, nameZh: true, nameEn: true, path: true, closedAt: true }, orderBy: { path: 'asc' } }),
    prisma.user.groupBy({ by: ['hallId'], where: { active: true, hallId: { not: null } }, _count: true }),
  ])
  const hallPaths = new Map((await prisma.orgUnit.findMany({ where: { kind: 'hall' }, select: { id: true, path: true } })).map((h) => [h.id, h.path]))
  const counted = people.map((p) => ({ path: hallPaths.get(p.hallId ?? '') ?? '', count: p._count }))
  return units.map(({ closedAt, ...u }) => ({
    ...u,
    closed: closedAt !== null,
    activePeople: counted.filter((c) => c.path.startsWith(u.path)).reduce((sum, c) => sum + c.count, 0),
  }))
}

export async function createUnit(
  viewer: Viewer,
  input: { kind: UnitKind; code: string; nameZh: string; nameEn: string; parentCode: string | null },
  now: Date,
): Promise<OrgChangeResult> {
  requireOrganisationRights(viewer)
  try {
    return await checkThenWrite(async (tx) => {
      const wanted = PARENT_KIND[input.kind]
      const parent = input.parentCode ? await tx.orgUnit.findUnique({ where: { code: input.parentCode }, select: { id: true, kind: true, path: true, closedAt: true } }) : null
      if (wanted && (!parent || parent.kind !== wanted || parent.closedAt)) return { ok: false, field: 'parentCode', error: 'people.org.errors.parent' }
      if (await tx.orgUnit.findUnique({ where: { code: input.code }, select: { id: true } })) return { ok: false, field: 'code', error: 'people.org.errors.codeTaken' }
      const path = childPath(wanted ? parent!.path : '/', input.code)
      await tx.orgUnit.create({ data: { kind: input.kind, code: input.code, nameZh: input.nameZh, nameEn: input.nameEn, path, parentId: wanted ? parent!.id : null } })
      await recordAudit(tx, { at: now, actorId: viewer.id, action: 'unit.created', unitPath: path, detail: { code: input.code, kind: input.kind, name: input.nameZh } })
      return { ok: true, code: input.code }
    })
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: 'code', error: 'people.org.errors.codeTaken' }
    throw error
  }
}

export async function renameUnit(viewer: Viewer, code: string, names: { nameZh: string; nameEn: string }, now: Date): Promise<OrgChangeResult> {
  requireOrganisationRights(viewer)
  return checkThenWrite(async (tx) => {
    const unit = await tx.orgUnit.findUnique({ where: { code }, select: { id: true, path: true, nameZh: true, nameEn: true } })
    if (!unit) notFound('unit')
    if (unit.nameZh === names.nameZh && unit.nameEn === names.nameEn) return { ok: true, code }
    await tx.orgUnit.update({ where: { id: unit.id }, data: names })
    await recordAudit(tx, { at: now, actorId: viewer.id, action: 'unit.renamed', unitPath: unit.path, detail: { code, from: unit.nameZh, to: names.nameZh } })
    return { ok: true, code }
  })
}

/** Moves a unit under another parent: its path and the paths of everything under it change together. */
export async function moveUnit(viewer: Viewer, code: string, parentCode: string, now: Date): Promise<OrgChangeResult> {
  requireOrganisationRights(viewer)
  return checkThenWrite(async (tx) => {
    const unit = await tx.orgUnit.findUnique({ where: { code }, select: { id: true, kind: true, path: true, parent: { select: { path: true } } } })
    if (!unit) notFound('unit')
    const parent = await tx.orgUnit.findUnique({ where: { code: parentCode }, select: { id: true, kind: true, path: true, closedAt: true } })
    if (!parent || !isUnitKind(parent.kind) || !isUnitKind(unit.kind)) return { ok: false, field: 'parentCode', error: 'people.org.errors.parent' }
    const refusal = moveRefusal(
      { kind: unit.kind, path: unit.path, parentPath: unit.parent?.path ?? null },
      { kind: parent.kind, path: parent.path, open: parent.closedAt === null },
    )
    if (refusal) return { ok: false, field: 'parentCode', error: `people.org.errors.${refusal}` }
    const below = await tx.orgUnit.findMany({ where: { path: { startsWith: unit.path } }, select: { id: true, path: true } })
    for (const change of pathsAfterMove(below, { path: unit.path, code }, parent.path)) {
      await tx.orgUnit.update({ where: { id: change.id }, data: { path: change.to } })
    }
    await tx.orgUnit.update({ where: { id: unit.id }, data: { parentId: parent.id } })
    await recordAudit(tx, { at: now, actorId: viewer.id, action: 'unit.moved', unitPath: unit.path, otherUnitPath: childPath(parent.path, code), detail: { code, to: parentCode, units: below.length } })
    return { ok: true, code }
  })
}

/** Closes a unit nobody active works under and whose units are all closed; its history stays. */
export async function closeUnit(viewer: Viewer, code: string, now: Date): Promise<OrgChangeResult> {
  requireOrganisationRights(viewer)
  return checkThenWrite(async (tx) => {
    const unit = await tx.orgUnit.findUnique({ where: { code }, select: { id: true, path: true, closedAt: true } })
    if (!unit) notFound('unit')
    const [activePeople, openUnitsBelow] = await Promise.all([
      tx.user.count({ where: { active: true, hall: { path: { startsWith: unit.path } } } }),
      tx.orgUnit.count({ where: { path: { startsWith: unit.path }, id: { not: unit.id }, closedAt: null } }),
    ])
    const refusal = closeRefusal({ open: unit.closedAt === null, activePeople, openUnitsBelow })
    if (refusal) return { ok: false, field: 'close', error: `people.org.errors.${refusal}` }
    await tx.orgUnit.update({ where: { id: unit.id }, data: { closedAt: now } })
    await recordAudit(tx, { at: now, actorId: viewer.id, action: 'unit.closed', unitPath: unit.path, detail: { code } })
    return { ok: true, code }
  })
}
