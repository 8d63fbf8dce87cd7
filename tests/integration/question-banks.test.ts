// Question-bank import on a real database (SQLite, or PostgreSQL with TEST_DATABASE=postgres): dry run, all-or-nothing, recorded once per file, 50 in parallel,
// and the items handed to a quiz in the quiz YAML format.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { QuizItemSchema } from '~/core/quiz/registry'
import { bankItemsAsQuizItems, importQuestionBank, questionBank, type BankImportOptions } from '~/server/question-banks.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { databaseEngine } from '~/server/db.server'
import { useTestDatabase } from '../database'

let db: PrismaClient
const now = new Date('2026-11-30T02:00:00Z')
const fixture = (file: string) => ({ fileName: file, bytes: readFileSync(path.resolve('tests/fixtures/banks', file)) })
const store: BankImportOptions = { importedById: null, now, dryRun: false, skipRefused: false }

const FAILING_TRIGGER = {
  sqlite: {
    create: [`CREATE TRIGGER fail_second_item BEFORE INSERT ON "BankItem" WHEN NEW."position" = 1 BEGIN SELECT RAISE(ABORT, 'disk full'); END`],
    drop: ['DROP TRIGGER fail_second_item'],
  },
  postgres: {
    create: [
      `CREATE FUNCTION fail_second_item() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql`,
      `CREATE TRIGGER fail_second_item BEFORE INSERT ON "BankItem" FOR EACH ROW WHEN (NEW."position" = 1) EXECUTE FUNCTION fail_second_item()`,
    ],
    drop: ['DROP TRIGGER fail_second_item ON "BankItem"', 'DROP FUNCTION fail_second_item()'],
  },
}

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
})
afterAll(() => db.$disconnect())

describe('question bank import', () => {
  it('a dry run reports and stores nothing', async () => {
    const outcome = await importQuestionBank(fixture('gift-truefalse.gift'), { ...store, dryRun: true }, db)
    expect(outcome.status).toBe('report')
    expect(await db.questionBank.count()).toBe(0)
  })

  it('a file with a refused question stores nothing unless skipping it was agreed; then all the rest in one bank', async () => {
    const blocked = await importQuestionBank(fixture('gift-mistake-numeric.gift'), store, db)
    expect(blocked.status).toBe('report')
    expect(blocked.status === 'report' && blocked.report.refused.map((r) => 'line' in r && r.line)).toEqual([3, 5])
    expect(await db.questionBank.count()).toBe(0)
    expect(await db.bankItem.count()).toBe(0)
    const agreed = await importQuestionBank(fixture('gift-mistake-numeric.gift'), { ...store, skipRefused: true }, db)
    expect(agreed.status).toBe('created')
    expect(await db.bankItem.count()).toBe(1)
  })

  it('stores nothing when one item cannot be written (bank and items are one transaction)', async () => {
    // A trigger makes the second item's insert fail half-way through the import (each engine has its own syntax).
    for (const statement of FAILING_TRIGGER[databaseEngine()].create) await db.$executeRawUnsafe(statement)
    try {
      await expect(importQuestionBank(fixture('gift-feedback.gift'), store, db)).resolves.toMatchObject({ status: 'created' })
      await expect(importQuestionBank(fixture('gift-formats.gift'), store, db)).rejects.toThrow()
      expect(await db.questionBank.count({ where: { fileName: 'gift-formats.gift' } })).toBe(0)
      expect(await db.bankItem.count({ where: { itemId: 'html-prompt' } })).toBe(0)
    } finally {
      for (const statement of FAILING_TRIGGER[databaseEngine()].drop) await db.$executeRawUnsafe(statement)
    }
  })

  it('importing the same file again finds the same bank', async () => {
    const first = await importQuestionBank(fixture('gift-matching.gift'), store, db)
    const again = await importQuestionBank(fixture('gift-matching.gift'), store, db)
    expect(first.status).toBe('created')
    expect(again.status).toBe('already-imported')
    expect(again.status !== 'unreadable' && 'bankId' in again && 'bankId' in first && again.bankId === first.bankId).toBe(true)
    expect(await db.questionBank.count({ where: { fileName: 'gift-matching.gift' } })).toBe(1)
  })

  it('50 parallel imports of one file make one bank', async () => {
    // the app's own client, as 50 requests to the server would use it
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => importQuestionBank(fixture('xml-multichoice.xml'), store)))
    const ids = new Set(outcomes.map((outcome) => ('bankId' in outcome ? outcome.bankId : null)))
    expect(ids.size).toBe(1)
    expect(outcomes.filter((outcome) => outcome.status === 'created')).toHaveLength(1)
    expect(await db.questionBank.count({ where: { fileName: 'xml-multichoice.xml' } })).toBe(1)
    expect(await db.bankItem.count({ where: { bank: { fileName: 'xml-multichoice.xml' } } })).toBe(2)
  })

  it('refuses a binary or empty file before reading it', async () => {
    expect(await importQuestionBank({ fileName: 'x.gift', bytes: new Uint8Array([0x47, 0, 1, 2]) }, store, db)).toEqual({ status: 'unreadable', reason: 'binary' })
    expect(await importQuestionBank({ fileName: 'x.gift', bytes: new Uint8Array([0xff, 0xfe, 0x41]) }, store, db)).toEqual({ status: 'unreadable', reason: 'binary' })
    expect(await importQuestionBank({ fileName: 'x.gift', bytes: new Uint8Array() }, store, db)).toEqual({ status: 'unreadable', reason: 'empty' })
  })

  it('keeps the source position and hands items to a quiz in the quiz YAML format, ids unique', async () => {
    const outcome = await importQuestionBank(fixture('gift-names.gift'), store, db)
    if (!('bankId' in outcome)) throw new Error(outcome.status)
    const bank = await questionBank(outcome.bankId, db)
    expect(bank?.items.map((row) => [row.item.id, row.sourceLine, row.name])).toEqual([
      ['q-1', 2, '迎宾问候'],
      ['queue-ticket', 4, 'queue-ticket'],
      ['q-3', 6, null],
    ])
    const picked = bank!.items.map((row) => row.id)
    const items = await bankItemsAsQuizItems([picked[0], picked[0], picked[1], 'no-such-item'], db)
    expect(items.map((item) => item.id)).toEqual(['q-1', 'q-1-2', 'queue-ticket'])
    for (const item of items) expect(QuizItemSchema.safeParse(item).success).toBe(true)
  })
})
