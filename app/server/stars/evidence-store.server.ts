// Where each evidence file kind is stored, found by its natural key, and written in bulk.
import type { EvidenceFileKindName } from '~/core/stars/evidence-files/registry'
import type { InspectionRecord } from '~/core/stars/evidence-files/inspection'
import type { SatisfactionRecord } from '~/core/stars/evidence-files/satisfaction'
import type { ComplaintRecord } from '~/core/stars/evidence-files/complaint'
import { EVIDENCE_FILES } from '~/core/stars/evidence-files/registry'
import type { PrismaClient } from '~/generated/prisma/client'
import { INSPECTION_CATEGORIES } from '~/core/stars/inspection-form'
import type { EvidenceRow, EvidenceTable } from './evidence-bulk.server'

const INSPECTION_TABLE: EvidenceTable = { table: 'Inspection', columns: ['userId', 'day', ...INSPECTION_CATEGORIES.map(([key]) => key), 'total'], conflict: ['userId', 'day'] }
const SATISFACTION_TABLE: EvidenceTable = { table: 'SatisfactionMonth', columns: ['userId', 'month', 'ratings', 'average'], conflict: ['userId', 'month'] }
const COMPLAINT_TABLE: EvidenceTable = { table: 'Complaint', columns: ['userId', 'day', 'liable', 'summary', 'key'], conflict: ['key'] }
const INSPECTION_FIELDS = { id: true, userId: true, day: true, total: true, ...Object.fromEntries(INSPECTION_CATEGORIES.map(([key]) => [key, true])) } as const

type Row<R> = { userId: string; record: R }
export interface StorePlan {
  create: Array<Row<unknown>>
  update: Array<Row<unknown> & { id: string }>
}
interface Store {
  plan: (db: PrismaClient, rows: Array<Row<unknown>>) => Promise<StorePlan>
  /** Where the rows go, and each new or changed row as the table's columns. */
  table: EvidenceTable
  rows: (plan: StorePlan) => EvidenceRow[]
}

// New and changed rows are written together: the natural key's unique index decides insert or update.
const changedRows = <R>(plan: StorePlan) => [...plan.create, ...plan.update] as Array<Row<R>>

const CHUNK = 900
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
      await existing(rows.map((r) => r.userId), (ids) => db.inspection.findMany({ where: { userId: { in: ids } }, select: INSPECTION_FIELDS })),
      EVIDENCE_FILES.inspection.key,
      (s) => s.day,
      (r, s) => EVIDENCE_FILES.inspection.same(r, s),
    ),
  table: INSPECTION_TABLE,
  rows: (plan) => changedRows<InspectionRecord>(plan).map(({ userId, record: { username: _u, ...r } }) => ({ userId, ...r })),
}

const satisfaction: Store = {
  plan: async (db, rows) =>
    planAgainst(
      rows as Array<Row<SatisfactionRecord>>,
      await existing(rows.map((r) => r.userId), (ids) => db.satisfactionMonth.findMany({ where: { userId: { in: ids } }, select: { id: true, userId: true, month: true, ratings: true, average: true } })),
      EVIDENCE_FILES.satisfaction.key,
      (s) => s.month,
      (r, s) => EVIDENCE_FILES.satisfaction.same(r, s),
    ),
  table: SATISFACTION_TABLE,
  rows: (plan) => changedRows<SatisfactionRecord>(plan).map(({ userId, record: r }) => ({ userId, month: r.month, ratings: r.ratings, average: r.average })),
}

const complaintKey = (userId: string, r: ComplaintRecord) => `${userId}|${r.day}|${r.summary}`
const complaints: Store = {
  plan: async (db, rows) =>
    planAgainst(
      rows as Array<Row<ComplaintRecord>>,
      await existing(rows.map((r) => r.userId), (ids) => db.complaint.findMany({ where: { userId: { in: ids } }, select: { id: true, userId: true, day: true, summary: true, liable: true } })),
      EVIDENCE_FILES.complaint.key,
      (s) => `${s.day}|${s.summary}`,
      (r, s) => EVIDENCE_FILES.complaint.same(r, s),
    ),
  table: COMPLAINT_TABLE,
  rows: (plan) => changedRows<ComplaintRecord>(plan).map(({ userId, record: r }) => ({ userId, day: r.day, liable: r.liable, summary: r.summary, key: complaintKey(userId, r) })),
}

const STORES: Record<EvidenceFileKindName, Store> = { inspection: inspections, satisfaction, complaint: complaints }

export function evidenceStore(kind: EvidenceFileKindName): Store {
  return STORES[kind]
}
