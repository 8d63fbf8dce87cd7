// The one place the evidence import writes SQL by hand (docs/decisions/0024-stars-evidence-import-speed.md).
// Prisma's createMany through the JS engine and the SQLite adapter costs about 0.1 ms of CPU per inspection row,
// its raw queries about 0.04 ms (parameters pass through the query interpreter), and update() is a statement
// per row: 50 000 rows took minutes. So the import record and its rows are written in ONE transaction by
// - SQLite: better-sqlite3 on the same file, one prepared INSERT … ON CONFLICT DO UPDATE run per row
//   inside BEGIN IMMEDIATE (a few microseconds a row);
// - PostgreSQL: multi-row INSERT … ON CONFLICT DO UPDATE through Prisma.sql inside Prisma's transaction.
// New and changed rows go through the same statement: the natural key's unique index decides insert or
// update, so a row imported twice is never stored twice. Table and column names are the constants of the
// callers, never text from the file.
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import Database from 'better-sqlite3'
import { Prisma, type PrismaClient } from '~/generated/prisma/client'
import { databaseEngine, databaseUrl } from '../db.server'

export interface EvidenceTable {
  table: 'Inspection' | 'SatisfactionMonth' | 'Complaint'
  /** Columns written from each row (besides id, importId and updatedAt). */
  columns: readonly string[]
  /** The natural key's unique index. */
  conflict: readonly string[]
}

export type EvidenceCell = string | number | boolean
export type EvidenceRow = Readonly<Record<string, EvidenceCell>>

export interface ImportRecord {
  kind: string
  fileName: string
  rows: number
  created: number
  updated: number
  importedById: string
  createdAt: Date
}

const q = (name: string) => `"${name}"`

function statementParts(spec: EvidenceTable) {
  const columns = ['id', ...spec.columns, 'importId', 'updatedAt']
  const changed = [...spec.columns.filter((c) => !spec.conflict.includes(c)), 'importId', 'updatedAt']
  return { columns, conflict: `ON CONFLICT (${spec.conflict.map(q).join(', ')}) DO UPDATE SET ${changed.map((c) => `${q(c)} = excluded.${q(c)}`).join(', ')}` }
}

/** Writes the import record and its new or changed rows, all or nothing; returns the import's id. */
export async function writeEvidenceImport(db: PrismaClient, record: ImportRecord, spec: EvidenceTable, rows: readonly EvidenceRow[]): Promise<string> {
  const url = databaseUrl()
  return databaseEngine(url) === 'postgres' ? writeThroughPrisma(db, record, spec, rows) : writeToSqliteFile(url, record, spec, rows)
}

// How Prisma stores a DateTime in SQLite (text), so Prisma reads these rows back as it reads its own.
const sqliteTime = (at: Date) => at.toISOString().replace('Z', '+00:00')
const sqliteCell = (value: EvidenceCell) => (typeof value === 'boolean' ? (value ? 1 : 0) : value)

function writeToSqliteFile(url: string, record: ImportRecord, spec: EvidenceTable, rows: readonly EvidenceRow[]): string {
  const file = new Database(path.resolve(url.replace(/^file:/, '')), { fileMustExist: true, timeout: 5000 })
  try {
    file.pragma('synchronous = NORMAL')
    const { columns, conflict } = statementParts(spec)
    const insertRun = file.prepare(
      'INSERT INTO "EvidenceImport" ("id", "kind", "fileName", "rows", "created", "updated", "importedById", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    const upsert = file.prepare(`INSERT INTO ${q(spec.table)} (${columns.map(q).join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ${conflict}`)
    const id = randomUUID()
    const at = sqliteTime(record.createdAt)
    file.transaction(() => {
      insertRun.run(id, record.kind, record.fileName, record.rows, record.created, record.updated, record.importedById, at)
      for (const row of rows) upsert.run(randomUUID(), ...spec.columns.map((c) => sqliteCell(row[c])), id, at)
    }).immediate()
    return id
  } finally {
    file.close()
  }
}

// Under PostgreSQL's 65 535 bound parameters for the widest table (12 columns).
const MAX_PARAMETERS = 24_000

async function writeThroughPrisma(db: PrismaClient, record: ImportRecord, spec: EvidenceTable, rows: readonly EvidenceRow[]): Promise<string> {
  const { columns, conflict } = statementParts(spec)
  const head = Prisma.raw(`INSERT INTO ${q(spec.table)} (${columns.map(q).join(', ')}) VALUES `)
  const tail = Prisma.raw(` ${conflict}`)
  const perStatement = Math.floor(MAX_PARAMETERS / columns.length)
  return db.$transaction(
    async (tx) => {
      const run = await tx.evidenceImport.create({ data: record, select: { id: true } })
      for (let start = 0; start < rows.length; start += perStatement) {
        const tuples = rows.slice(start, start + perStatement).map((row) => Prisma.sql`(${Prisma.join([randomUUID(), ...spec.columns.map((c) => row[c]), run.id, record.createdAt])})`)
        await tx.$executeRaw`${head}${Prisma.join(tuples)}${tail}`
      }
      return run.id
    },
    { timeout: 120_000 },
  )
}
