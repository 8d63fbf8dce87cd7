// The star ladder's part of content:import: a new StarLadderVersion when stars.yaml changed, in the same
// transaction as the courses and quizzes it names.
import type { PrismaClient } from '~/generated/prisma/client'
import type { CheckedLadder } from './check-stars.server'

export type LadderPlan = { number: number; hash: string; definition: string } | null

export async function planLadderImport(db: PrismaClient, ladder: CheckedLadder | null): Promise<LadderPlan> {
  if (!ladder) return null
  const latest = await db.starLadderVersion.findFirst({ orderBy: { number: 'desc' }, select: { number: true, hash: true } })
  if (latest?.hash === ladder.hash) return null
  return { number: (latest?.number ?? 0) + 1, hash: ladder.hash, definition: JSON.stringify(ladder.ladder) }
}

export async function writeLadderImport(tx: PrismaClient, plan: LadderPlan): Promise<void> {
  if (plan) await tx.starLadderVersion.create({ data: plan })
}
