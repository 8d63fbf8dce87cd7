// What the manager's star page reads: the halls in scope (through hallsInScope), their pending
// applications and certificates, and who may sit on a ★★★★★ panel.
import { hallDay } from '~/core/dates'
import type { Viewer } from '~/core/permissions'
import type { RequirementResult } from '~/core/stars/requirement-kind'
import { certificatesInScope } from '../certificates.server'
import { prisma } from '../db.server'
import { hallsInScope } from '../people.server'
import { pendingApplications, pendingEvidence } from './applications.server'
import { currentLadder } from './ladder.server'

export async function hallIdsInScope(viewer: Viewer, now: Date) {
  const halls = await hallsInScope(viewer, now)
  const rows = await prisma.orgUnit.findMany({ where: { code: { in: halls.map((h) => h.code) } }, select: { id: true, code: true, nameZh: true, nameEn: true, path: true } })
  return rows
}

export async function starManagement(viewer: Viewer, now: Date) {
  const halls = await hallIdsInScope(viewer, now)
  const ids = halls.map((h) => h.id)
  const [ladder, pending, certificates, panel] = await Promise.all([
    currentLadder(),
    pendingApplications(ids),
    certificatesInScope(viewer, ids, now),
    prisma.user.findMany({ where: { active: true, roles: { some: { role: { in: ['trainer', 'manager'] } } } }, select: { id: true, name: true, username: true }, orderBy: { username: 'asc' } }),
  ])
  // what the approver sees beside each application: the evidence now, requirement by requirement
  const evidence = ladder ? await pendingEvidence(pending, ladder, now) : new Map<string, RequirementResult[]>()
  const hallName = new Map(halls.map((h) => [h.id, { nameZh: h.nameZh, nameEn: h.nameEn }]))
  const panelSize = (level: number) => {
    const sizes = (ladder?.ladder.levels ?? []).slice(0, level).flatMap((l) => l.requirements.flatMap((r) => (r.kind === 'panel-review' ? [r.members] : [])))
    return Math.max(0, ...sizes)
  }
  return {
    levels: ladder?.ladder.levels.map((l) => ({ level: l.level, title: l.title, approver: l.approver, panel: panelSize(l.level) })) ?? [],
    pending: pending.map(({ userId: _userId, ...p }) => ({ ...p, createdAt: hallDay(p.createdAt), evidence: evidence.get(p.id) ?? [] })),
    certificates: certificates.map((c) => ({
      id: c.id,
      code: c.code,
      level: c.level,
      holder: c.user,
      hall: hallName.get(c.hallId) ?? null,
      issued: hallDay(c.issuedAt),
      expires: hallDay(c.expiresAt),
      state: c.status.state,
      reason: c.revocationReason,
    })),
    panel,
    halls: halls.map((h) => ({ code: h.code, nameZh: h.nameZh, nameEn: h.nameEn })),
  }
}
