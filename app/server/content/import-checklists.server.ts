// The checklist side of content:import: each template versioned by content hash like quizzes; a pairing keeps
// the version it started with, so editing a template never changes a running checklist under a mentee.
import { randomUUID } from 'node:crypto'
import type { PrismaClient } from '~/generated/prisma/client'
import type { CheckedChecklist } from './check-checklists.server'

export interface ChecklistImportPlan {
  rows: Array<{ checklist: CheckedChecklist; versionId: string; number: number }>
  changed: string[]
}

export async function planChecklistImport(db: PrismaClient, checklists: readonly CheckedChecklist[]): Promise<ChecklistImportPlan> {
  const current = await db.checklistTemplate.findMany({ select: { id: true, currentVersion: { select: { hash: true, number: true } } } })
  const byId = new Map(current.map((t) => [t.id, t.currentVersion]))
  const rows = checklists
    .filter((c) => byId.get(c.template.id)?.hash !== c.hash)
    .map((checklist) => ({ checklist, versionId: randomUUID(), number: (byId.get(checklist.template.id)?.number ?? 0) + 1 }))
  return { rows, changed: rows.map((r) => r.checklist.template.id) }
}

/** Runs inside the import's transaction. */
export async function writeChecklistImport(tx: PrismaClient, plan: ChecklistImportPlan): Promise<void> {
  for (const { checklist, versionId, number } of plan.rows) {
    const { template } = checklist
    await tx.checklistTemplate.upsert({ where: { id: template.id }, create: { id: template.id }, update: {} })
    await tx.checklistVersion.create({
      data: { id: versionId, templateId: template.id, number, hash: checklist.hash, titleZh: template.title.zh, titleEn: template.title.en, definition: JSON.stringify(template) },
    })
    await tx.checklistTemplate.update({ where: { id: template.id }, data: { currentVersionId: versionId } })
  }
}
