// Owns a question-bank file from bytes to report: refuse binaries and huge files, detect the format, parse, map, id.
import { slugFromName } from './bank-text'
import { mapQuestion, type MappedQuestion } from './bank-mapping'
import { parseGift } from './gift-parse'
import { parseMoodleXml } from './moodle-xml-parse'
import type { Refusal, SourceParse } from './source-question'

export type BankFormat = 'gift' | 'moodle-xml'

/** A bank file larger than this is refused before parsing (a thousand questions fit in well under a megabyte). */
export const BANK_FILE_MAX_BYTES = 2 * 1024 * 1024

export interface BankImportReport {
  format: BankFormat
  created: MappedQuestion[]
  refused: Refusal[]
}

export type DecodedFile = { ok: true; text: string } | { ok: false; reason: 'empty' | 'too-large' | 'binary' }

/** The file's text, or why it is not a text file we read: empty, too large, or binary (NUL bytes, not UTF-8). */
export function decodeBankFile(bytes: Uint8Array): DecodedFile {
  if (bytes.length === 0) return { ok: false, reason: 'empty' }
  if (bytes.length > BANK_FILE_MAX_BYTES) return { ok: false, reason: 'too-large' }
  if (bytes.includes(0)) return { ok: false, reason: 'binary' }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '') }
  } catch {
    return { ok: false, reason: 'binary' }
  }
}

/** Moodle XML by its opening (or the .xml name); everything else is read as GIFT. */
export function detectFormat(fileName: string, text: string): BankFormat {
  return /\.xml$/i.test(fileName) || /^\s*<(\?xml|quiz\b)/.test(text) ? 'moodle-xml' : 'gift'
}

/** Parses and maps every question; ids come from ASCII names, else q-<n>, unique within the file. */
export function readBank(text: string, format: BankFormat): BankImportReport {
  const parsed: SourceParse = format === 'gift' ? parseGift(text) : parseMoodleXml(text)
  const used = new Set<string>()
  const created: MappedQuestion[] = []
  const refused = [...parsed.refused]
  parsed.questions.forEach((question, ordinal) => {
    const outcome = mapQuestion(question, uniqueId(slugFromName(question.name) ?? `q-${ordinal + 1}`, used))
    if (outcome.ok) created.push(outcome.mapped)
    else refused.push({ ...question.position, ...outcome.reason })
  })
  refused.sort((a, b) => positionOf(a) - positionOf(b))
  return { format, created, refused }
}

function positionOf(refusal: Refusal): number {
  return 'line' in refusal ? refusal.line : refusal.index
}

function uniqueId(wanted: string, used: Set<string>): string {
  let id = wanted
  for (let n = 2; used.has(id); n++) id = `${wanted}-${n}`
  used.add(id)
  return id
}

/** The report as the CLI prints it: each created item with its type first, each refusal with line or index. */
export function reportJson(report: BankImportReport) {
  return {
    format: report.format,
    created: report.created.map(({ item, position, name, category, notes }) => ({
      type: item.type,
      id: item.id,
      ...position,
      ...(name ? { name } : {}),
      ...(category ? { category } : {}),
      ...(notes.length > 0 ? { notes } : {}),
      item,
    })),
    refused: report.refused,
  }
}
