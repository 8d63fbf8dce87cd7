// The bank pages as a browser calls them: refusals by role, the upload's check / blocked / import steps, bad files
// refused beside the field, the bank page's clerk preview without answer keys, and the export downloads.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { action as banksAction, loader as banksLoader } from '~/routes/trainer.banks._index'
import { loader as bankLoader } from '~/routes/trainer.banks.$bank'
import { loader as exportLoader } from '~/routes/trainer.banks.$bank_.export.$format'
import { seedDemo } from '~/server/seed/demo.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'
import { cookieFor, outcome, requestAs } from '../session'

let db: PrismaClient
const cookies: Record<string, string> = {}

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now: new Date() })
  for (const u of ['clerk01', 'hall01mgr', 'trainer01', 'admin']) cookies[u] = await cookieFor(db, u)
})
afterAll(() => db.$disconnect())

function upload(who: string, file: { name: string; bytes: Uint8Array<ArrayBuffer> } | null, fields: Record<string, string>) {
  const form = new FormData()
  if (file) form.set('file', new File([file.bytes], file.name))
  for (const [key, value] of Object.entries(fields)) form.set(key, value)
  return outcome(() => banksAction({ request: requestAs(cookies[who], '/trainer/banks?index', { method: 'POST', body: form }), params: {}, context: {} }))
}
const fixture = (name: string) => ({ name, bytes: Uint8Array.from(readFileSync(path.resolve('tests/fixtures/banks', name))) })

describe('question bank routes', () => {
  it.each(['clerk01', 'hall01mgr'])('%s can neither open nor upload to the bank pages', async (who) => {
    expect((await outcome(() => banksLoader({ request: requestAs(cookies[who], '/trainer/banks'), params: {}, context: {} }))).status).toBe(403)
    expect((await upload(who, fixture('gift-names.gift'), { intent: 'import' })).status).toBe(403)
    expect((await outcome(() => bankLoader({ request: requestAs(cookies[who], '/trainer/banks/x'), params: { bank: 'x' }, context: {} }))).status).toBe(403)
    expect(await db.questionBank.count()).toBe(0)
  })

  it('a check reports per question and stores nothing; an import with refused questions is blocked until agreed', async () => {
    const checked = await upload('trainer01', fixture('gift-mistake-numeric.gift'), { intent: 'check' })
    expect(checked.status).toBe(200)
    const report = (await checked.json()).report
    expect(report.refused.map((r: { line: number }) => r.line)).toEqual([3, 5])
    expect(report.created).toHaveLength(1)
    expect((await upload('trainer01', fixture('gift-mistake-numeric.gift'), { intent: 'import' })).status).toBe(400)
    expect(await db.questionBank.count()).toBe(0)
    const imported = await upload('trainer01', fixture('gift-mistake-numeric.gift'), { intent: 'import', skipRefused: 'on' })
    expect(imported.status).toBe(302)
    expect(imported.headers.get('Location')).toMatch(/^\/trainer\/banks\/\w+$/)
    const again = await upload('admin', fixture('gift-mistake-numeric.gift'), { intent: 'import', skipRefused: 'on' })
    expect(again.headers.get('Location')).toBe(`${imported.headers.get('Location')}?existing=1`)
    expect(await db.questionBank.count()).toBe(1)
  })

  it.each([
    ['no file', null, 'missing'],
    ['a binary file', { name: 'bank.gift', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]) }, 'binary'],
    ['a file over 2 MB', { name: 'bank.gift', bytes: new TextEncoder().encode('x'.repeat(2 * 1024 * 1024 + 1)) }, 'too-large'],
  ])('%s is refused beside the field', async (_, file, problem) => {
    const response = await upload('trainer01', file, { intent: 'check' })
    expect(response.status).toBe(400)
    expect((await response.json()).fileError).toBe(problem)
  })

  it('the bank page previews items as a clerk sees them (no answer key) and exports GIFT and XML', async () => {
    const imported = await upload('trainer01', fixture('xml-multichoice.xml'), { intent: 'import' })
    const bankId = imported.headers.get('Location')!.split('/').pop()!
    const page = await outcome(() => bankLoader({ request: requestAs(cookies.trainer01, `/trainer/banks/${bankId}`), params: { bank: bankId }, context: {} }))
    const { bank } = await page.json()
    expect(bank.items.map((row: { type: string }) => row.type)).toEqual(['single', 'multiple'])
    expect(JSON.stringify(bank.items.map((row: { view: unknown }) => row.view))).not.toMatch(/"correct"|"feedback"|"fraction"/)
    for (const [format, marker] of [['gift', '::首问负责::'], ['xml', '<question type="multichoice">']]) {
      const file = await outcome(() => exportLoader({ request: requestAs(cookies.trainer01, `/trainer/banks/${bankId}/export/${format}`), params: { bank: bankId, format }, context: {} }))
      expect(file.status).toBe(200)
      expect(file.headers.get('Content-Disposition')).toContain('attachment')
      expect(await file.text()).toContain(marker)
    }
    const clerk = await outcome(() => exportLoader({ request: requestAs(cookies.clerk01, `/trainer/banks/${bankId}/export/gift`), params: { bank: bankId, format: 'gift' }, context: {} }))
    expect(clerk.status).toBe(403)
  })
})
