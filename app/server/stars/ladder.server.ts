// The star ladder in force: the latest imported StarLadderVersion, parsed once per version.
import { sql } from 'kysely' // a literal LIMIT: SQLite re-plans a statement with a bound one on every run (decision 0034)
import { LadderSchema, type Ladder } from '~/core/stars/ladder'
import type { PrismaClient } from '~/generated/prisma/client'
import { prisma } from '../db.server'
import { preparedReadFor } from '../kysely.server'

export interface LadderInForce {
  id: string
  number: number
  ladder: Ladder
}

let cached: LadderInForce | null = null

function parse(row: { id: string; number: number; definition: string }): LadderInForce {
  return { id: row.id, number: row.number, ladder: LadderSchema.parse(JSON.parse(row.definition)) }
}

const latestRows = preparedReadFor((q) => q.selectFrom('StarLadderVersion').select(['id', 'number']).orderBy('number', 'desc').limit(sql.lit(1)))

/** Null until content with a stars.yaml has been imported (given a transaction's client, looked up inside it). */
export async function currentLadder(db: PrismaClient = prisma): Promise<LadderInForce | null> {
  const [latest] = await latestRows(db)
  if (!latest) return null
  if (cached?.id !== latest.id) {
    const row = await db.starLadderVersion.findUniqueOrThrow({ where: { id: latest.id }, select: { id: true, number: true, definition: true } })
    cached = parse(row)
  }
  return cached
}

export async function ladderVersion(id: string, db: PrismaClient = prisma): Promise<LadderInForce> {
  if (cached?.id === id) return cached
  return parse(await db.starLadderVersion.findUniqueOrThrow({ where: { id }, select: { id: true, number: true, definition: true } }))
}
