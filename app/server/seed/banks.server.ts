// The demo's question bank: content/banks/*.gift imported through the same import as an upload, by trainer01.
// The import is keyed on the file's content hash, so a second seed finds the bank and adds nothing.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { PrismaClient } from '~/generated/prisma/client'
import { importQuestionBank } from '../question-banks.server'

export async function seedBanks(db: PrismaClient, now: Date, root = process.env.CONTENT_DIR ?? 'content'): Promise<string[]> {
  const dir = path.resolve(root, 'banks')
  if (!existsSync(dir)) return []
  const trainer = await db.user.findUnique({ where: { username: 'trainer01' }, select: { id: true } })
  const lines: string[] = []
  for (const fileName of readdirSync(dir).filter((name) => /\.(gift|txt|xml)$/i.test(name)).sort()) {
    const bytes = new Uint8Array(readFileSync(path.join(dir, fileName)))
    // skipRefused false: a demo file with a question that cannot be mapped is a mistake to fix, not to hide
    const outcome = await importQuestionBank({ fileName, bytes }, { importedById: trainer?.id ?? null, now, dryRun: false, skipRefused: false }, db)
    if (outcome.status !== 'created' && outcome.status !== 'already-imported') throw new Error(`demo bank ${fileName}: ${outcome.status}`)
    lines.push(`${fileName} (${outcome.status === 'created' ? `${outcome.report.created.length} items` : 'already there'})`)
  }
  return lines
}
