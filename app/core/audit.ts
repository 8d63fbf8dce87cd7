// The audit log's vocabulary: every action that is recorded, in one list. Other capabilities append theirs here,
// and recordAudit (app/server/audit.server.ts) accepts nothing else.
export const AUDIT_ACTIONS = [
  'account.created',
  'password.reset',
  'password.changed',
  'signin.unlocked',
  'role.granted',
  'role.removed',
  'person.moved',
  'person.deactivated',
  'person.reactivated',
  'unit.created',
  'unit.renamed',
  'unit.moved',
  'unit.closed',
  'content.published',
  'review.requested',
  'review.approved',
  'review.changes',
  'studio.settingsChanged',
  'studio.limitsChanged',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === 'string' && (AUDIT_ACTIONS as readonly string[]).includes(value)
}

/** What an entry may carry besides who, whom, what and when: plain values only, shown as they are. */
export type AuditDetail = Record<string, string | number | boolean | null>
