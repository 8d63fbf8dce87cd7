// Evidence import by a manager for their own halls: all rows or none, every problem with its row, column and
// reason, natural keys so a re-import changes nothing, a dry run that says what would change, and a record
// of every import (who, when, file, rows).
import { hallDay } from '~/core/dates'
import { canManageStarsOf, type Viewer } from '~/core/permissions'
import { parseEvidenceFile, type EvidenceFileKindName, type RowProblem } from '~/core/stars/evidence-files/registry'
import type { PrismaClient } from '~/generated/prisma/client'
import { prisma } from '../db.server'
import { readTableFile } from '../imports/table-file.server'
import { writeEvidenceImport } from './evidence-bulk.server'
import { evidenceStore } from './evidence-store.server'

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
export const MAX_EVIDENCE_ROWS = 100_000

export type ImportOutcome =
  | { ok: true; dryRun: boolean; rows: number; created: number; updated: number; unchanged: number }
  | { ok: false; problems: RowProblem[] }

const fileProblem = (reason: string): ImportOutcome => ({ ok: false, problems: [{ row: 0, column: '', reason: `file-${reason}` }] })

export async function importEvidence(
  input: { viewer: Viewer; kind: EvidenceFileKindName; fileName: string; bytes: Uint8Array; dryRun: boolean; now: Date },
  db: PrismaClient = prisma,
): Promise<ImportOutcome> {
  const table = await readTableFile({ bytes: input.bytes, fileName: input.fileName, maxBytes: MAX_EVIDENCE_BYTES, maxRows: MAX_EVIDENCE_ROWS })
  if (!table.ok) return fileProblem(table.reason)
  const parsed = parseEvidenceFile(input.kind, table.header, table.rows, hallDay(input.now))
  if (!parsed.ok) return { ok: false, problems: parsed.problems.slice(0, 200) }
  const usernames = [...new Set(parsed.records.map((r) => r.record.username))]
  const people = await db.user.findMany({ where: { username: { in: usernames } }, select: { id: true, username: true, hall: { select: { path: true } } } })
  const byName = new Map(people.map((p) => [p.username, p]))
  const problems: RowProblem[] = []
  for (const { row, record } of parsed.records) {
    const person = byName.get(record.username)
    if (!person || !person.hall) problems.push({ row, column: '工号', reason: 'clerk-unknown', values: { value: record.username } })
    else if (!canManageStarsOf(input.viewer, person.hall.path)) problems.push({ row, column: '工号', reason: 'clerk-out-of-scope', values: { value: record.username } })
  }
  if (problems.length) return { ok: false, problems: problems.slice(0, 200) }
  const store = evidenceStore(input.kind)
  const withIds = parsed.records.map(({ record }) => ({ userId: byName.get(record.username)!.id, record }))
  const plan = await store.plan(db, withIds)
  const counts = { rows: withIds.length, created: plan.create.length, updated: plan.update.length, unchanged: withIds.length - plan.create.length - plan.update.length }
  if (input.dryRun) return { ok: true, dryRun: true, ...counts }
  const record = { kind: input.kind, fileName: input.fileName.slice(0, 200), rows: counts.rows, created: counts.created, updated: counts.updated, importedById: input.viewer.id, createdAt: input.now }
  await writeEvidenceImport(db, record, store.table, store.rows(plan))
  return { ok: true, dryRun: false, ...counts }
}

/** The imports of the viewer's halls' managers, newest first (who, when, file, rows). */
export async function evidenceImports(limit = 50) {
  const rows = await prisma.evidenceImport.findMany({ orderBy: { createdAt: 'desc' }, take: limit })
  const names = await prisma.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.importedById))] } }, select: { id: true, name: true } })
  return rows.map((r) => ({ ...r, importedBy: names.find((n) => n.id === r.importedById)?.name ?? '' }))
}
