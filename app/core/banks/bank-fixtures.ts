// Reads the bank fixtures (tests/fixtures/banks, written from Moodle's GIFT and XML documentation) for the table tests.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { detectFormat, readBank, type BankImportReport } from './bank-import'

export const FIXTURES = path.resolve(__dirname, '../../../tests/fixtures/banks')

export function fixtureText(file: string): string {
  return readFileSync(path.join(FIXTURES, file), 'utf8')
}

export function readFixture(file: string): BankImportReport {
  const text = fixtureText(file)
  return readBank(text, detectFormat(file, text))
}
