// The audit log: written inside the transaction of the change it records (so there is no change without its
// entry, and no entry without its change), read by admins in full and by managers for their units.
import { type AuditAction, type AuditDetail } from '~/core/audit'
import { auditScopeOf, type Viewer } from '~/core/permissions'
import type { Prisma } from '~/generated/prisma/client'
import { prisma } from './db.server'

export type Tx = Prisma.TransactionClient

export interface AuditInput {
  at: Date
  actorId: string
  action: AuditAction
  /** The person acted on, if it is a person. */
  subjectId?: string | null
  /** Where it happened at the time: the subject's hall, or the unit acted on. */
  unitPath?: string | null
  /** The second unit of a move (the hall moved to, the new parent). */
  otherUnitPath?: string | null
  detail?: AuditDetail
}

export async function recordAudit(tx: Tx, entry: AuditInput): Promise<void> {
  await recordAudits(tx, [entry])
}

/** Many entries in one statement (an import of 2 000 accounts writes 2 000 entries). */
export async function recordAudits(tx: Tx, entries: readonly AuditInput[]): Promise<void> {
  if (entries.length === 0) return
  await tx.auditEntry.createMany({
    data: entries.map((entry) => ({
      at: entry.at,
      actorId: entry.actorId,
      action: entry.action,
      subjectId: entry.subjectId ?? null,
      unitPath: entry.unitPath ?? null,
      otherUnitPath: entry.otherUnitPath ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    })),
  })
}

export interface AuditRow {
  id: number
  at: Date
  action: string
  actor: { username: string; name: string }
  subject: { username: string; name: string } | null
  detail: AuditDetail
}

/** The newest entries the viewer may read (all for admins; for managers, those about their units). */
export async function auditLogFor(viewer: Viewer, options: { limit?: number; subjectId?: string } = {}): Promise<AuditRow[]> {
  const scope = auditScopeOf(viewer)
  if (scope.length === 0) return []
  const inScope = scope.includes('/')
    ? {}
    : { OR: scope.flatMap((prefix) => [{ unitPath: { startsWith: prefix } }, { otherUnitPath: { startsWith: prefix } }]) }
  const rows = await prisma.auditEntry.findMany({
    where: { ...inScope, ...(options.subjectId ? { subjectId: options.subjectId } : {}) },
    select: {
      id: true,
      at: true,
      action: true,
      detail: true,
      actor: { select: { username: true, name: true } },
      subject: { select: { username: true, name: true } },
    },
    orderBy: { id: 'desc' },
    take: options.limit ?? 200,
  })
  return rows.map((row) => ({ ...row, detail: parseDetail(row.detail) }))
}

function parseDetail(text: string): AuditDetail {
  const value: unknown = JSON.parse(text)
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {}
  const detail: AuditDetail = {}
  for (const [key, v] of Object.entries(value)) {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') detail[key] = v
  }
  return detail
}
