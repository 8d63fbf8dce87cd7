// Question banks: importing a Moodle file (all of its mappable questions in one transaction, once per file content),
// listing banks, reading a bank's items, and handing items to a quiz in the quiz YAML item format.
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { decodeBankFile, detectFormat, readBank, type BankImportReport, type DecodedFile } from '~/core/banks/bank-import'
import { QuizItemSchema, type QuizItem } from '~/core/quiz/registry'
import type { PrismaClient } from '~/generated/prisma/client'
import { isUniqueViolation, prisma } from './db.server'

export interface BankFile {
  fileName: string
  bytes: Uint8Array
}

export type BankImportOutcome =
  | { status: 'unreadable'; reason: Exclude<DecodedFile, { ok: true }>['reason'] }
  /** A dry run, or a real one refused because some questions cannot be mapped and skipping them was not agreed. */
  | { status: 'report'; report: BankImportReport }
  | { status: 'nothing-to-import'; report: BankImportReport }
  | { status: 'created' | 'already-imported'; bankId: string; report: BankImportReport }

export interface BankImportOptions {
  importedById: string | null
  now: Date
  dryRun: boolean
  /** Store the mappable questions though some were refused (the trainer saw the report and confirmed). */
  skipRefused: boolean
}

/** Reads the file and, unless a dry run, stores its mappable questions as one bank — or nothing at all. */
export async function importQuestionBank(file: BankFile, options: BankImportOptions, db: PrismaClient = prisma): Promise<BankImportOutcome> {
  const decoded = decodeBankFile(file.bytes)
  if (!decoded.ok) return { status: 'unreadable', reason: decoded.reason }
  const report = readBank(decoded.text, detectFormat(file.fileName, decoded.text))
  if (options.dryRun || (report.refused.length > 0 && !options.skipRefused)) return { status: 'report', report }
  if (report.created.length === 0) return { status: 'nothing-to-import', report }
  const sourceHash = createHash('sha256').update(file.bytes).digest('hex')
  try {
    const bankId = await db.$transaction(async (tx) => {
      const existing = await tx.questionBank.findUnique({ where: { sourceHash }, select: { id: true } })
      if (existing) return { id: existing.id, created: false }
      const bank = await tx.questionBank.create({
        data: {
          name: file.fileName.replace(/\.[a-z]+$/i, '') || file.fileName,
          format: report.format,
          fileName: file.fileName,
          sourceHash,
          importedById: options.importedById,
          importedAt: options.now,
          items: {
            create: report.created.map((mapped, position) => ({
              position,
              itemId: mapped.item.id,
              type: mapped.item.type,
              name: mapped.name ?? null,
              category: mapped.category ?? null,
              item: JSON.stringify(mapped.item),
              notes: JSON.stringify(mapped.notes),
              sourceLine: 'line' in mapped.position ? mapped.position.line : null,
              sourceIndex: 'index' in mapped.position ? mapped.position.index : null,
            })),
          },
        },
        select: { id: true },
      })
      return { id: bank.id, created: true }
    })
    return { status: bankId.created ? 'created' : 'already-imported', bankId: bankId.id, report }
  } catch (error) {
    // A parallel import of the same file won the unique hash: that bank is this file's bank.
    if (!isUniqueViolation(error)) throw error
    const existing = await db.questionBank.findUniqueOrThrow({ where: { sourceHash }, select: { id: true } })
    return { status: 'already-imported', bankId: existing.id, report }
  }
}

/** Every bank, newest first, with its item count and who imported it. */
export async function listQuestionBanks(db: PrismaClient = prisma) {
  const banks = await db.questionBank.findMany({
    orderBy: { importedAt: 'desc' },
    select: { id: true, name: true, format: true, fileName: true, importedAt: true, importedById: true, _count: { select: { items: true } } },
  })
  const importerIds = [...new Set(banks.flatMap((bank) => (bank.importedById ? [bank.importedById] : [])))]
  const importers = await db.user.findMany({ where: { id: { in: importerIds } }, select: { id: true, name: true } })
  const nameOf = new Map(importers.map((user) => [user.id, user.name]))
  return banks.map(({ _count, importedById, ...bank }) => ({
    ...bank,
    itemCount: _count.items,
    importedBy: importedById ? (nameOf.get(importedById) ?? null) : null,
  }))
}

const NotesSchema = z.array(z.string())

/** A stored item read back through the item schemas (what was validated on the way in is validated on the way out). */
function storedItem(json: string): QuizItem {
  return QuizItemSchema.parse(JSON.parse(json))
}

/** One bank with its items in order, or null when there is no such bank. */
export async function questionBank(bankId: string, db: PrismaClient = prisma) {
  const bank = await db.questionBank.findUnique({
    where: { id: bankId },
    select: {
      id: true,
      name: true,
      format: true,
      fileName: true,
      importedAt: true,
      items: { orderBy: { position: 'asc' }, select: { id: true, name: true, category: true, item: true, notes: true, sourceLine: true, sourceIndex: true } },
    },
  })
  if (!bank) return null
  return {
    ...bank,
    items: bank.items.map((row) => ({ ...row, item: storedItem(row.item), notes: NotesSchema.parse(JSON.parse(row.notes)) })),
  }
}

/**
 * The seam for the studio's quiz editor: bank items (by BankItem id) as items in the quiz YAML format, in the order
 * asked, ids made unique among themselves (`-2`, `-3` …). Unknown ids are left out; the caller compares lengths.
 */
export async function bankItemsAsQuizItems(bankItemIds: readonly string[], db: PrismaClient = prisma): Promise<QuizItem[]> {
  const rows = await db.bankItem.findMany({ where: { id: { in: [...bankItemIds] } }, select: { id: true, item: true } })
  const byId = new Map(rows.map((row) => [row.id, row.item]))
  const used = new Set<string>()
  return bankItemIds.flatMap((id) => {
    const json = byId.get(id)
    if (json === undefined) return []
    const item = storedItem(json)
    let itemId = item.id
    for (let n = 2; used.has(itemId); n++) itemId = `${item.id}-${n}`
    used.add(itemId)
    return [{ ...item, id: itemId }]
  })
}
