// Where each evidence file kind is stored, found by its natural key, and written in bulk.
import type { EvidenceFileKindName } from '~/core/stars/evidence-files/registry'
import type { InspectionRecord } from '~/core/stars/evidence-files/inspection'
import type { SatisfactionRecord } from '~/core/stars/evidence-files/satisfaction'
import type { ComplaintRecord } from '~/core/stars/evidence-files/complaint'
import { EVIDENCE_FILES } from '~/core/stars/evidence-files/registry'
import type { PrismaClient } from '~/generated/prisma/client'

type Row<R> = { userId: string; record: R }
export interface StorePlan {
  create: Array<Row<unknown>>
  update: Array<Row<unknown> & { id: string }>
}
interface Store {
  plan: (db: PrismaClient, rows: Array<Row<unknown>>) => Promise<StorePlan>
  write: (tx: PrismaClient, plan: StorePlan, importId: string) => Promise<void>
}

const CHUNK = 500
const chunks = <T>(list: T[]) => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK))

async function existing<T extends { userId: string }>(userIds: string[], read: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = []
  for (const ids of chunks([...new Set(userIds)])) out.push(...(await read(ids)))
  return out
}

function planAgainst<R, S extends { id: string; userId: string }>(rows: Array<Row<R>>, stored: S[], keyOf: (r: R) => string, storedKey: (s: S) => string, same: (r: R, s: S) => boolean): StorePlan {
  const index = new Map(stored.map((s) => [`${s.userId}|${storedKey(s)}`, s]))
  const plan: StorePlan = { create: [], update: [] }
  for (const row of rows) {
    const found = index.get(`${row.userId}|${keyOf(row.record)}`)
    if (!found) plan.create.push(row)
    else if (!same(row.record, found)) plan.update.push({ ...row, id: found.id })
  }
  return plan
}

const inspections: Store = {
  plan: async (db, rows) =>
    planAgainst(
      rows as Array<Row<InspectionRecord>>,
      await existing(rows.map((r) => r.userId), (ids) => db.inspection.findMany({ where: { userId: { in: ids } } })),
      EVIDENCE_FILES.inspection.key,
      (s) => s.day,
      (r, s) => EVIDENCE_FILES.inspection.same(r, s),
    ),
  async write(tx, plan, importId) {
    const data = ({ username: _u, ...r }: InspectionRecord) => r
    for (const part of chunks(plan.create as Array<Row<InspectionRecord>>)) await tx.inspection.createMany({ data: part.map((row) => ({ userId: row.userId, importId, ...data(row.record) })) })
    for (const row of plan.update as Array<Row<InspectionRecord> & { id: string }>) await tx.inspection.update({ where: { id: row.id }, data: { ...data(row.record), importId } })
  },
}

const satisfaction: Store = {
  plan: async (db, rows) =>
    planAgainst(
      rows as Array<Row<SatisfactionRecord>>,
      await existing(rows.map((r) => r.userId), (ids) => db.satisfactionMonth.findMany({ where: { userId: { in: ids } } })),
      EVIDENCE_FILES.satisfaction.key,
      (s) => s.month,
      (r, s) => EVIDENCE_FILES.satisfaction.same(r, s),
    ),
  async write(tx, plan, importId) {
    for (const part of chunks(plan.create as Array<Row<SatisfactionRecord>>))
      await tx.satisfactionMonth.createMany({ data: part.map(({ userId, record: r }) => ({ userId, month: r.month, ratings: r.ratings, average: r.average, importId })) })
    for (const row of plan.update as Array<Row<SatisfactionRecord> & { id: string }>)
      await tx.satisfactionMonth.update({ where: { id: row.id }, data: { ratings: row.record.ratings, average: row.record.average, importId } })
  },
}

const complaintKey = (userId: string, r: ComplaintRecord) => `${userId}|${r.day}|${r.summary}`
const complaints: Store = {
  plan: async (db, rows) =>
    planAgainst(
      rows as Array<Row<ComplaintRecord>>,
      await existing(rows.map((r) => r.userId), (ids) => db.complaint.findMany({ where: { userId: { in: ids } } })),
      EVIDENCE_FILES.complaint.key,
      (s) => `${s.day}|${s.summary}`,
      (r, s) => EVIDENCE_FILES.complaint.same(r, s),
    ),
  async write(tx, plan, importId) {
    for (const part of chunks(plan.create as Array<Row<ComplaintRecord>>))
      await tx.complaint.createMany({ data: part.map(({ userId, record: r }) => ({ userId, day: r.day, liable: r.liable, summary: r.summary, key: complaintKey(userId, r), importId })) })
    for (const row of plan.update as Array<Row<ComplaintRecord> & { id: string }>) await tx.complaint.update({ where: { id: row.id }, data: { liable: row.record.liable, importId } })
  },
}

const STORES: Record<EvidenceFileKindName, Store> = { inspection: inspections, satisfaction, complaint: complaints }

export function evidenceStore(kind: EvidenceFileKindName): Store {
  return STORES[kind]
}
