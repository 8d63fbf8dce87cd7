// What the trainers' bank pages need beyond storage: reading the upload, the report as the page shows it,
// each item's preview as a clerk sees it, and the export files.
import { BANK_FILE_MAX_BYTES, reportJson, type BankImportReport } from '~/core/banks/bank-import'
import { exportGift } from '~/core/banks/gift-export'
import { exportMoodleXml } from '~/core/banks/moodle-xml-export'
import { itemView } from '~/core/quiz/registry'
import { questionBank, type BankFile } from './question-banks.server'
import { withUploadForm } from './upload-form.server'

/** The largest bank file the page accepts (its file field checks it before sending). */
export const bankFileLimit = BANK_FILE_MAX_BYTES

export type UploadProblem = 'missing' | 'too-large'
export type BankUpload = { ok: true; file: BankFile; intent: 'check' | 'import'; skipRefused: boolean } | { ok: false; problem: UploadProblem }

/** The multipart upload of /trainer/banks; a file over the cap is refused while it streams in (to disk, deleted once read). */
export async function readBankUpload(request: Request, context: unknown = null): Promise<BankUpload> {
  if (!request.headers.get('content-type')?.startsWith('multipart/form-data')) return { ok: false, problem: 'missing' }
  return withUploadForm(request, BANK_FILE_MAX_BYTES, async (upload): Promise<BankUpload> => {
    if (!upload.ok) return { ok: false, problem: 'too-large' }
    const file = upload.form.get('file')
    if (!(file instanceof File) || file.size === 0) return { ok: false, problem: 'missing' }
    return {
      ok: true,
      file: { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      intent: upload.form.get('intent') === 'import' ? 'import' : 'check',
      skipRefused: upload.form.get('skipRefused') === 'on',
    }
  }, { context })
}

/** The report as the page lists it (no answer keys needed: a summary per question). */
export function reportRows(report: BankImportReport) {
  const json = reportJson(report)
  return {
    created: json.created.map((row) => ({
      type: row.type,
      position: 'line' in row ? { line: row.line } : { index: row.index },
      title: row.name ?? row.item.prompt ?? row.id,
      notes: row.notes ?? [],
    })),
    refused: json.refused,
  }
}

const PREVIEW_CONTEXT = { scenarios: new Map(), shuffle: false } as const

/** A bank with each item as a clerk would be shown it (opaque ids, no answer key). */
export async function bankPage(bankId: string) {
  const bank = await questionBank(bankId)
  if (!bank) return null
  return {
    id: bank.id,
    name: bank.name,
    format: bank.format,
    fileName: bank.fileName,
    importedAt: bank.importedAt.toISOString(),
    items: bank.items.map((row) => ({
      id: row.id,
      name: row.name,
      category: row.category,
      type: row.item.type,
      points: row.item.points,
      position: row.sourceLine !== null ? { line: row.sourceLine } : { index: row.sourceIndex ?? 0 },
      notes: row.notes,
      view: itemView(row.item, { ...PREVIEW_CONTEXT, seed: row.id }),
    })),
  }
}

export type BankExportFormat = 'gift' | 'xml'

/** The bank written as a GIFT or Moodle XML file, or null when there is no such bank. */
export async function bankExportFile(bankId: string, format: BankExportFormat) {
  const bank = await questionBank(bankId)
  if (!bank) return null
  const entries = bank.items.map((row) => ({ item: row.item, name: row.name ?? undefined, category: row.category ?? undefined }))
  const written = format === 'gift' ? exportGift(entries) : exportMoodleXml(entries)
  return { fileName: `${bank.name}.${format === 'gift' ? 'gift.txt' : 'xml'}`, text: written.text }
}
